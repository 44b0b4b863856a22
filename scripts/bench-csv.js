'use strict'

/**
 * `npm run bench:csv`: a background CSV export of BENCH_CSV_LOGS (100,000)
 * logs of one tab (all statuses, the admin's language and time zone) through
 * the real worker, the admin's GraphQL, the emulator's events and its VBase
 * with 20 ms per call (as bench:bulk and bench:store), then the download
 * through the admin route. Reports the total time, the chunks, the slowest
 * chunk handler against the service's 30 s timeout, the download time and
 * size, that the file holds exactly the filter's rows (each log once), and
 * the worker's peak RSS. The last line is one JSON object.
 */
const fs = require('fs')
const path = require('path')

const { eventually } = require('../test/helpers')
const { appModule, percentile, startBenchApp } = require('./bench-app')
const { logStoreOn } = require('../local/seed')
const { appName } = require('../local/paths')

const N = Number(process.env.BENCH_CSV_LOGS || 100_000)
const STORAGE_MS = 20
const TIMEOUT_MS =
  JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', 'node', 'service.json'), 'utf8')
  ).timeout * 1000

const MARKETPLACES = ['mercadolivre', 'amazon', 'magalu']
const STATUSES = ['SUCCESS', 'ERROR', 'SUCCESS', 'SUCCESS']

/** The forked worker's pid (local/worker.js, a child of this process). */
function workerPid() {
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')

      if (ppid === process.pid && cmd.includes('worker.js')) return Number(pid)
    } catch {
      // A process that ended while listed.
    }
  }

  return null
}

/** Peak resident set of a process so far (VmHWM), in MB. */
function peakRssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0)

  return Math.round(kb / 1024)
}

async function main() {
  const app = await startBenchApp('csv')

  try {
    const { emulator } = app
    const { recordOutcome } = appModule('domain/log')
    const logs = []
    const now = Date.now()

    for (let i = 0; i < N; i++) {
      const status = STATUSES[i % STATUSES.length]
      const at = new Date(now - (N - i) * 1000).toISOString()

      logs.push({
        ...recordOutcome(
          null,
          {
            tab: 'INVENTORY',
            marketplace: MARKETPLACES[i % MARKETPLACES.length],
            entityId: String(200000 + i),
          },
          { sku: String(200000 + i), quantity: i % 50 },
          {
            status,
            message:
              status === 'ERROR'
                ? 'Mercado Livre answered HTTP 503: "Service unavailable", try again'
                : 'Stock sent',
            origin: null,
            at,
            trigger: 'CHANGE',
          }
        ),
        updatedAt: at,
      })
    }

    await logStoreOn(emulator, {
      account: app.account,
      workspace: app.workspace,
      appName,
    }).importLogs('INVENTORY', logs, 1000)
    logs.length = 0
    emulator.vbase.latencyMs = STORAGE_MS
    const pid = workerPid()

    console.log(`${N} logs imported; starting the CSV export`)
    const start = Date.now()
    const started = await app.gql(
      `mutation($input: CsvExportInput!) { startCsvExport(input: $input) { id total status } }`,
      {
        input: {
          tab: 'INVENTORY',
          filter: {},
          locale: 'pt-BR',
          timeZone: 'America/Sao_Paulo',
        },
      }
    )

    if (started.errors) throw new Error(JSON.stringify(started.errors))
    const { id, total } = started.data.startCsvExport
    const startMs = Date.now() - start
    let last = null
    let lastPrint = Date.now()

    await eventually(
      async () => {
        const r = await app.gql(
          `query($id: ID!) { csvExport(id: $id) { status rows chunks progress downloadUrl fileName lastError } }`,
          { id }
        )

        last = r.data.csvExport
        if (Date.now() - lastPrint > 5000) {
          lastPrint = Date.now()
          console.log(
            `… ${last.rows}/${total ?? '?'} rows (${Math.round(
              last.progress * 100
            )} %), ${last.chunks} chunks`
          )
        }

        if (last.status === 'FAILED' || last.status === 'CANCELED')
          throw new Error(`The export ended ${last.status}: ${last.lastError}`)

        return last.status === 'DONE'
      },
      { ms: 30 * 60_000, every: 500, what: 'the CSV export to finish' }
    )

    const exportSeconds = (Date.now() - start) / 1000
    const downloadStart = Date.now()
    const res = await fetch(`${app.shellUrl}${last.downloadUrl}`, {
      headers: {
        cookie: `VtexIdclientAutCookie=${app.session}`,
        'accept-encoding': 'gzip',
      },
    })

    if (res.status !== 200) throw new Error(`download: HTTP ${res.status}`)
    const text = await res.text()
    const downloadMs = Date.now() - downloadStart
    const lines = text
      .replace(/^\ufeff/, '')
      .split('\r\n')
      .slice(1, -1)

    const ids = new Set(lines.map((l) => l.slice(0, l.indexOf(','))))
    const counted = await app.gql(
      `{ integrationLogs(tab: INVENTORY, first: 1) { pageInfo { total } } }`
    )

    const chunk = emulator.events.durations.runCsvExport ?? {
      count: 0,
      maxMs: 0,
      all: [],
    }

    const sorted = [...chunk.all].sort((a, b) => a - b)
    const result = {
      logs: N,
      filterRows: counted.data.integrationLogs.pageInfo.total,
      startCsvExportMs: startMs,
      exportSeconds,
      chunks: last.chunks,
      chunkEvents: chunk.count,
      chunkP50Ms: percentile(sorted, 50),
      chunkP95Ms: percentile(sorted, 95),
      chunkMaxMs: chunk.maxMs,
      handlerTimeoutMs: TIMEOUT_MS,
      downloadMs,
      downloadMB: Math.round((Buffer.byteLength(text) / 1e6) * 10) / 10,
      fileRows: lines.length,
      distinctIds: ids.size,
      workerPeakRssMB: pid ? peakRssMb(pid) : null,
      eventsFailed: emulator.events.failed,
      storageMsPerCall: STORAGE_MS,
    }

    console.log(
      `${N} logs: exported in ${exportSeconds} s (${last.chunks} chunks, slowest ${chunk.maxMs} ms, p95 ${result.chunkP95Ms} ms; handler timeout ${TIMEOUT_MS} ms), downloaded ${result.downloadMB} MB in ${downloadMs} ms: ${lines.length} rows, ${ids.size} distinct, filter ${result.filterRows}; worker peak RSS ${result.workerPeakRssMB} MB`
    )
    console.log(JSON.stringify(result))
  } finally {
    await app.stop()
  }

  process.exit(0)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
