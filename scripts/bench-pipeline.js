'use strict'

/**
 * `npm run bench:pipeline`: N stock changes through the real worker and the
 * emulator, with 20 ms per storage call and 50 ms per marketplace call.
 * Changes are offered at a fixed rate (BENCH_RATE per second); latency runs
 * from the change in VTEX to the marketplace's acceptance. The last line is
 * one JSON object. BENCH_CHANGES (default 2000), BENCH_RATE (default 250),
 * BENCH_WORKERS (replicas, default 1), BENCH_PROFILE=1 (CPU profiles of the
 * workers and their summary, scripts/profile-summary.js).
 *
 * Measured from the first change offered until the pipeline has settled:
 * the workers' CPU and peak resident memory (/proc, scripts/bench-probe.js),
 * the storage calls the emulated VBase answered, and the CPU of this process
 * — the emulator and the load generator, which share the machine with the
 * workers. The keys are explained in the README (Benchmarks).
 */
const fs = require('fs')

const { eventually } = require('../test/helpers')
const { percentile, startBenchApp } = require('./bench-app')
const { startProbe, loadAverage, round } = require('./bench-probe')

const N = Number(process.env.BENCH_CHANGES || 2000)
const RATE = Number(process.env.BENCH_RATE || 250)
const STORAGE_MS = 20
const MARKETPLACE_MS = 50

async function main() {
  const app = await startBenchApp('pipeline')
  let line = null
  let measured = null

  try {
    const { emulator } = app
    const skus = {}
    const inventory = {}

    for (let i = 0; i < N; i++) {
      const id = String(100000 + i)

      skus[id] = { Id: Number(id), ProductId: 1, NameComplete: `SKU ${id}` }
      inventory[id] = { totalQuantity: 3, reservedQuantity: 0 }
    }

    emulator.vtex.load({ skus, inventory, orders: {} })
    emulator.vbase.latencyMs = STORAGE_MS
    emulator.sandbox.configure('mercadolivre', { latencyMs: MARKETPLACE_MS })

    const changedAt = new Map()
    const callsBefore = emulator.vbase.calls
    const kindsBefore = { ...emulator.vbase.callsByKind }
    const conflictsBefore = emulator.vbase.conflicts
    const loadBefore = loadAverage()
    const probe = startProbe(app.workerPids)
    const start = Date.now()

    for (let i = 0; i < N; i++) {
      const due = start + (i * 1000) / RATE
      const wait = due - Date.now()

      if (wait > 0) await new Promise((r) => setTimeout(r, wait))
      const id = String(100000 + i)
      const at = new Date()

      changedAt.set(id, at.getTime())
      emulator.vtex.changeStock(
        { skuId: id, quantity: 2 },
        { at: at.toISOString() }
      )
    }

    const offeredMs = Date.now() - start

    await eventually(() => emulator.sandbox.accepted.length >= N, {
      ms: Number(process.env.BENCH_WAIT_MS || 60_000),
      every: 100,
      what: 'every change to be accepted',
    }).catch(() => null)

    // What is still pending, and why (a change not accepted yet is counted as lost).
    const bucket = `${app.account}/${app.workspace}/vtex.marketplace-bridge/logs`
    const pending = emulator.vbase
      .list(bucket, { prefix: 'v2/job/', limit: 1000 })
      .data.map((d) =>
        JSON.parse(emulator.vbase.get(bucket, d.path).body.toString('utf8'))
      )

    if (pending.length) {
      console.log(
        `${pending.length} jobs pending, e.g. ${JSON.stringify(
          pending.slice(0, 2)
        )}`
      )
      console.log(
        `events: ${JSON.stringify((await app.control('stats')).events)}`
      )
    }

    await app.settle({ ms: 5_000 }).catch(() => null)
    measured = probe.stop()
    const callsSettled = emulator.vbase.calls - callsBefore
    const callsByKind = Object.fromEntries(
      Object.entries(emulator.vbase.callsByKind).map(([k, v]) => [
        k,
        round((v - (kindsBefore[k] || 0)) / N, 2),
      ])
    )

    // The log store deletes superseded index entries 5 s after a write (in
    // the background): wait until storage has been quiet for 6 s to count them.
    let quiet = { calls: emulator.vbase.calls, since: Date.now() }

    await eventually(
      () => {
        if (emulator.vbase.calls !== quiet.calls)
          quiet = { calls: emulator.vbase.calls, since: Date.now() }

        return Date.now() - quiet.since >= 6_000
      },
      { ms: 30_000, every: 200, what: 'storage to be quiet' }
    ).catch(() => null)
    const callsWithCleanup = emulator.vbase.calls - callsBefore

    const accepted = emulator.sandbox.accepted.filter(
      (a) => a.kind === 'inventory'
    )

    const seen = new Map()

    for (const a of accepted) seen.set(a.id, (seen.get(a.id) || 0) + 1)
    const latencies = [...seen.keys()]
      .map(
        (id) =>
          Date.parse(accepted.find((a) => a.id === id).at) - changedAt.get(id)
      )
      .sort((a, b) => a - b)

    const lastAcceptance = Math.max(...accepted.map((a) => Date.parse(a.at)))
    const seconds = (lastAcceptance - start) / 1000
    const changesPerSecond = round(seen.size / seconds)
    const { replicaDelivered } = emulator.events
    const result = {
      changes: N,
      offeredRate: RATE,
      workers: app.workers,
      changesPerSecond,
      changesPerSecondPerWorker: round(changesPerSecond / app.workers),
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      lost: N - seen.size,
      duplicated: accepted.length - seen.size,
      cpuMsPerChange: round(measured.workerCpuMs / N, 2),
      storageCallsPerChange: round(callsSettled / N, 2),
      storageCallsPerChangeWithCleanup: round(callsWithCleanup / N, 2),
      storageCallsByKindPerChange: callsByKind,
      ifMatchConflicts: emulator.vbase.conflicts - conflictsBefore,
      peakRssMb: measured.peakRssMb,
      sampledPeakRssMb: measured.sampledPeakRssMb,
      emulatorCpuMsPerChange: round(measured.ownCpuMs / N, 2),
      machineBusyCores: round(measured.machineBusyMs / measured.wallMs, 2),
      otherCpuMsPerChange: round(
        (measured.machineBusyMs - measured.workerCpuMs - measured.ownCpuMs) / N,
        2
      ),
      perWorker: measured.perWorker.map((w, i) => ({
        cpuMs: w.cpuMs,
        peakRssMb: w.peakRssMb,
        ...(app.workers > 1 ? { events: replicaDelivered[i] || 0 } : {}),
      })),
      eventsFailed: emulator.events.failed,
      loadAverage: loadBefore,
      profiled: Boolean(app.profiles),
    }

    const stats = await app.control('stats')

    console.log(
      `offered ${N} stock changes at ${RATE}/s over ${(
        offeredMs / 1000
      ).toFixed(1)} s; last accepted after ${seconds.toFixed(1)} s`
    )
    console.log(
      `storage calls: ${callsSettled} until settled (${
        result.storageCallsPerChange
      } per change; ${callsWithCleanup} with the deferred deletes), ${
        result.ifMatchConflicts
      } If-Match conflicts ${JSON.stringify(
        stats.vbaseConflictsByKind
      )}, VTEX reads: ${stats.vtexReads}, events delivered: ${
        stats.events.delivered
      }`
    )
    console.log(
      `CPU: workers ${measured.workerCpuMs} ms (${
        result.cpuMsPerChange
      } ms per change), emulator + load generator ${measured.ownCpuMs} ms, ${
        result.machineBusyCores
      } of ${measured.machineCores} cores busy over ${(
        measured.wallMs / 1000
      ).toFixed(1)} s (load average before: ${loadBefore.join(
        ' '
      )}); workers' peak RSS ${result.peakRssMb} MB`
    )
    console.log(
      `latency change → marketplace: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms`
    )
    line = JSON.stringify(result)
  } finally {
    // With BENCH_PROFILE the profile summary is printed as the workers stop.
    await app.stop(measured || {})
    fs.rmSync(app.dataDir, { recursive: true, force: true })
  }

  console.log(line)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
