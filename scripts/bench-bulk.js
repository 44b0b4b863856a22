'use strict'

/**
 * `npm run bench:bulk`: a bulk reprocess of BENCH_BULK_LOGS (10,000) error
 * logs through the real worker, the admin's GraphQL and the emulator, with
 * 20 ms per storage call. Reports how long each event handler took (a chunk
 * of the bulk action, or a reprocess job) against the service's 30 s
 * timeout, how long the action took to reach 100 % and to settle, and that
 * every log was processed exactly once. The last line is one JSON object:
 * logsPerSecond (logs / seconds until every job settled), the workers' peak
 * resident memory and CPU per log (/proc, scripts/bench-probe.js), the
 * largest handler duration of any event (maxHandlerMs). BENCH_WORKERS and
 * BENCH_PROFILE as in bench:pipeline (scripts/bench-app.js).
 */
const fs = require('fs')
const path = require('path')

const { eventually } = require('../test/helpers')
const { appModule, percentile, startBenchApp } = require('./bench-app')
const { logStoreOn } = require('../local/seed')
const { appName } = require('../local/paths')
const { startProbe, loadAverage, round } = require('./bench-probe')

const N = Number(process.env.BENCH_BULK_LOGS || 10_000)
const STORAGE_MS = 20
const TIMEOUT_MS =
  JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', 'node', 'service.json'), 'utf8')
  ).timeout * 1000

async function main() {
  const app = await startBenchApp('bulk')
  let line = null
  let measured = null

  try {
    const { emulator } = app
    const { recordOutcome } = appModule('domain/log')
    const skus = {}
    const inventory = {}
    const logs = []
    const now = Date.now()

    for (let i = 0; i < N; i++) {
      const id = String(200000 + i)

      skus[id] = { Id: Number(id), ProductId: 1, NameComplete: `SKU ${id}` }
      inventory[id] = { totalQuantity: 2, reservedQuantity: 0 }
      const key = {
        tab: 'INVENTORY',
        marketplace: 'mercadolivre',
        entityId: id,
      }

      const at = new Date(now - (N - i) * 1000).toISOString()

      logs.push({
        ...recordOutcome(
          null,
          key,
          { sku: id, quantity: 2 },
          {
            status: 'ERROR',
            message: 'Mercado Livre answered HTTP 503: Service unavailable',
            origin: null,
            at,
            trigger: 'CHANGE',
          }
        ),
        updatedAt: at,
      })
    }

    emulator.vtex.load({ skus, inventory, orders: {} })
    await logStoreOn(emulator, {
      account: app.account,
      workspace: app.workspace,
      appName,
    }).importLogs('INVENTORY', logs, 1000)
    emulator.vbase.latencyMs = STORAGE_MS

    console.log(`${N} error logs imported; starting the bulk reprocess`)
    const callsBefore = emulator.vbase.calls
    const loadBefore = loadAverage()
    const probe = startProbe(app.workerPids)
    const start = Date.now()
    const started = await app.gql(
      `mutation($input: BulkActionInput!) { startBulkAction(input: $input) { id total status } }`,
      {
        input: {
          tab: 'INVENTORY',
          action: 'REPROCESS',
          filter: { status: 'ERROR' },
        },
      }
    )

    if (started.errors) throw new Error(JSON.stringify(started.errors))
    const { id, total } = started.data.startBulkAction
    const startMs = Date.now() - start
    let last = null
    let lastPrint = Date.now()

    await eventually(
      async () => {
        const r = await app.gql(
          `query($id: ID!) { bulkAction(id: $id) { status processed succeeded skipped failed progress } }`,
          { id }
        )

        last = r.data.bulkAction
        if (Date.now() - lastPrint > 5000) {
          lastPrint = Date.now()
          console.log(
            `… ${last.processed}/${total ?? '?'} processed (${Math.round(
              last.progress * 100
            )} %) events ${JSON.stringify({
              sent: emulator.events.sent,
              delivered: emulator.events.delivered,
              failed: emulator.events.failed,
              handlers: Object.keys(emulator.events.durations),
            })}`
          )
        }

        return last.status === 'DONE'
      },
      { ms: 30 * 60_000, every: 1000, what: 'the bulk action to finish' }
    )

    const bulkSeconds = (Date.now() - start) / 1000

    await app.settle({ ms: 30 * 60_000 })
    const settledSeconds = (Date.now() - start) / 1000

    measured = probe.stop()
    const storageCalls = emulator.vbase.calls - callsBefore
    const overview = await app.gql(
      `{ integrationOverview(tab: INVENTORY) { total byStatus { success error queued } } }`
    )

    const groups = await app.gql(
      `{ errorGroups(tab: INVENTORY) { text count } }`
    )

    const accepted = await app.accepted('inventory')
    const once = new Set(accepted.map((a) => a.id)).size
    const { durations } = emulator.events
    const chunk = durations.runBulk ?? { count: 0, maxMs: 0, all: [] }
    const jobs = durations.runJob ?? { count: 0, maxMs: 0, all: [] }
    const sortedChunks = [...chunk.all].sort((a, b) => a - b)
    const sortedJobs = [...jobs.all].sort((a, b) => a - b)
    const maxHandler = Object.entries(durations).reduce(
      (max, [handler, d]) =>
        d.maxMs > max.ms ? { handler, ms: d.maxMs } : max,
      { handler: null, ms: 0 }
    )

    const result = {
      logs: N,
      workers: app.workers,
      logsPerSecond: round(N / settledSeconds),
      total,
      startBulkActionMs: startMs,
      bulkSeconds,
      settledSeconds,
      chunks: chunk.count,
      chunkP50Ms: percentile(sortedChunks, 50),
      chunkP95Ms: percentile(sortedChunks, 95),
      chunkMaxMs: chunk.maxMs,
      jobEvents: jobs.count,
      jobMaxMs: jobs.maxMs,
      jobP95Ms: percentile(sortedJobs, 95),
      maxHandlerMs: maxHandler.ms,
      maxHandler: maxHandler.handler,
      handlerTimeoutMs: TIMEOUT_MS,
      succeeded: last.succeeded,
      skipped: last.skipped,
      failed: last.failed,
      finalCounts: overview.data.integrationOverview.byStatus,
      acceptedByMarketplace: accepted.length,
      distinctAccepted: once,
      eventsFailed: emulator.events.failed,
      errorsAfter: groups.data.errorGroups,
      cpuMsPerLog: round(measured.workerCpuMs / N, 2),
      storageCallsPerLog: round(storageCalls / N, 2),
      peakRssMb: measured.peakRssMb,
      emulatorCpuMsPerLog: round(measured.ownCpuMs / N, 2),
      machineBusyCores: round(measured.machineBusyMs / measured.wallMs, 2),
      loadAverage: loadBefore,
      profiled: Boolean(app.profiles),
    }

    console.log(
      `${N} logs: bulk action 100 % in ${bulkSeconds} s (${chunk.count} chunks, slowest ${chunk.maxMs} ms, p95 ${result.chunkP95Ms} ms), all jobs settled in ${settledSeconds} s (slowest job ${jobs.maxMs} ms); handler timeout ${TIMEOUT_MS} ms; marketplace accepted ${accepted.length} (${once} distinct)`
    )
    console.log(
      `${result.logsPerSecond} logs/s; workers: ${
        measured.workerCpuMs
      } ms CPU (${result.cpuMsPerLog} ms per log), peak RSS ${
        result.peakRssMb
      } MB; ${
        result.storageCallsPerLog
      } storage calls per log; emulator + load generator ${
        measured.ownCpuMs
      } ms CPU; load average before: ${loadBefore.join(' ')}`
    )
    line = JSON.stringify(result)
  } finally {
    // With BENCH_PROFILE the profile summary is printed as the workers stop.
    await app.stop(measured || {})
  }

  console.log(line)
  process.exit(0)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
