'use strict'

/**
 * `npm run bench:store`: the log store (node/services/logStore, compiled)
 * against the emulator's VBase over HTTP, with BENCH_STORAGE_MS (20) per call.
 * Fills 10k, 100k and 1M logs (BENCH_SIZES) in one tab through the store's
 * bulk import (latency off while filling), then measures, in storage calls
 * and ms: the first page (50, all statuses), the 10th page, a filtered page
 * (status + marketplace), a lookup by id, the overview and one write of an
 * outcome to an existing log. The last line is one JSON object.
 *
 * Cold and warm: a process reads the account's cursor key once (in parallel
 * with its first listing) and caches it, and caches error causes' texts. The
 * `…Cold…` figures are a process's first request (a store with nothing
 * cached: the first page of each size; error groups once, at the first
 * size); every other figure is warm (measured after a first request on the
 * same store), as a replica serves almost every request.
 */
const http = require('http')

const { strToU8, zipSync } = require('fflate')

const { VBaseStore } = require('../local/emulator/vbase')
const { appModule: app } = require('./bench-app')

const SIZES = (process.env.BENCH_SIZES || '10000,100000,1000000')
  .split(',')
  .map(Number)

const STORAGE_MS = Number(process.env.BENCH_STORAGE_MS || 20)
const PAGE = 50
const TAB = 'INVENTORY'
const MARKETPLACES = ['mercadolivre', 'amazon', 'magalu']
const ACCOUNT = 'benchstore'
const WORKSPACE = 'master'
const APP = 'marketplace-bridge'

function startVBase() {
  const vbase = new VBaseStore(null)
  const server = http.createServer((req, res) => {
    const chunks = []

    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url, 'http://localhost')
      const m = /^\/vbase\/v2\/([^/]+)\/([^/]+)(\/.*)$/.exec(url.pathname)

      vbase.handle(req, res, {
        account: m[1],
        workspace: m[2],
        rest: m[3],
        query: url.searchParams,
        body: Buffer.concat(chunks),
      })
    })
  })

  return new Promise((resolve) =>
    server.listen(0, () =>
      resolve({ vbase, server, port: server.address().port })
    )
  )
}

/** The VBase REST API as @vtex/api's VBase client speaks it, behind the store's contract. */
function httpKv(port) {
  const { PreconditionFailed } = app('services/storage')
  const { LAYOUT_ROOT, relative } = app('domain/layout')
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  const base = `/vbase/v2/${ACCOUNT}/${WORKSPACE}/buckets/${APP}/logs/files`
  const request = (method, p, { body, headers = {}, query = '' } = {}) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        { port, method, path: `${base}${p}${query}`, agent, headers },
        (res) => {
          const chunks = []

          res.on('data', (c) => chunks.push(c))
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              headers: res.headers,
              body: Buffer.concat(chunks),
            })
          )
        }
      )

      req.on('error', reject)
      req.end(body)
    })

  const enc = (p) => `/${p.split('/').map(encodeURIComponent).join('/')}`

  return {
    async get(p) {
      const r = await request('GET', enc(p))

      if (r.status === 404) return null

      return { data: JSON.parse(r.body.toString('utf8')), etag: r.headers.etag }
    },
    async put(p, data, o = {}) {
      const headers = { 'content-type': 'application/json' }

      if (o.ifMatch) headers['if-match'] = o.ifMatch
      if (o.ifAbsent) headers['if-none-match'] = '*'
      const r = await request('PUT', enc(p), {
        body: JSON.stringify(data),
        headers,
      })

      if (r.status === 412) throw new PreconditionFailed(p)
      if (r.status >= 300) throw new Error(`PUT ${p}: ${r.status}`)
    },
    async delete(p, o = {}) {
      const r = await request('DELETE', enc(p), {
        headers: o.ifMatch ? { 'if-match': o.ifMatch } : {},
      })

      if (r.status === 412) throw new PreconditionFailed(p)
    },
    async list(prefix, o) {
      const q = new URLSearchParams({ prefix, limit: String(o.limit) })

      if (o.next) q.set('next', o.next)
      const r = await request('GET', '', { query: `?${q}` })
      const page = JSON.parse(r.body.toString('utf8'))

      return { paths: page.data.map((d) => d.path), next: page.next || null }
    },
    async putMany(files) {
      const entries = {}

      for (const f of files)
        entries[relative(f.path)] = strToU8(JSON.stringify(f.data))
      const r = await request('PUT', `/${LAYOUT_ROOT}`, {
        body: Buffer.from(zipSync(entries, { level: 0 })),
        headers: { 'content-type': 'application/octet-stream' },
        query: '?unzip=true',
      })

      if (r.status >= 300) throw new Error(`zip upload: ${r.status}`)
    },
  }
}

/** Deterministic pseudo-random numbers (same data on every run). */
function prng(seed) {
  let s = seed >>> 0

  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0

    return s / 2 ** 32
  }
}

const CAUSES = [
  (sku) => `Mercado Livre answered HTTP 400: SKU ${sku} has no price`,
  (sku) => `Amazon answered HTTP 422: stock for ${sku} rejected`,
  () => 'Magalu answered HTTP 503',
  () =>
    'Could not reach Amazon: timeout of 10000ms exceeded (retries exhausted after 10 attempts)',
]

function makeLogs(from, to, rnd, now) {
  const { recordOutcome } = app('domain/log')
  const logs = []

  for (let i = from; i < to; i++) {
    const marketplace = MARKETPLACES[i % MARKETPLACES.length]
    const entityId = String(1_000_000 + Math.floor(i / MARKETPLACES.length))
    const key = { tab: TAB, marketplace, entityId }
    const r = rnd()
    const status = r < 0.75 ? 'SUCCESS' : 'ERROR'
    // Spread over 30 days; the newest logs were written last.
    const at = new Date(
      now - ((to - i) * (30 * 86_400_000)) / 1_000_000
    ).toISOString()

    const late = status === 'SUCCESS' && rnd() < 0.03
    const changedAt = new Date(
      Date.parse(at) - (late ? 2 * 3_600_000 : 60_000)
    ).toISOString()

    const message =
      status === 'SUCCESS'
        ? `Accepted by ${marketplace}`
        : CAUSES[i % CAUSES.length](entityId)

    logs.push({
      ...recordOutcome(
        null,
        key,
        { sku: entityId, quantity: i % 7 },
        {
          status,
          message,
          origin: null,
          at,
          trigger: 'CHANGE',
          changedAt,
        }
      ),
      updatedAt: at,
    })
  }

  return logs
}

async function measure(vbase, fn) {
  const { calls } = vbase
  const t = process.hrtime.bigint()
  const result = await fn()

  return {
    calls: vbase.calls - calls,
    ms: Math.round(Number(process.hrtime.bigint() - t) / 1e5) / 10,
    result,
  }
}

async function main() {
  const { vbase, server, port } = await startVBase()
  const { LogStore } = app('services/logStore')
  const { recordOutcome } = app('domain/log')
  const fill = new LogStore(httpKv(port))
  let cold = null
  const rnd = prng(42)
  const now = Date.now()
  const sizes = []
  let filled = 0

  for (const size of SIZES) {
    vbase.latencyMs = 0
    const t = Date.now()

    while (filled < size) {
      const step = Math.min(20_000, size - filled)

      await fill.importLogs(
        TAB,
        makeLogs(filled, filled + step, rnd, now),
        1000
      )
      filled += step
    }

    // Sort the emulator's listing index now, so the first measured call does not pay for it.
    vbase.list(`${ACCOUNT}/${WORKSPACE}/${APP}/logs`, {
      prefix: 'v2/',
      limit: 1,
    })
    // The account's cursor key exists before anything is measured (it is
    // created once in an account's life, by its first listing).
    await fill.list({ tab: TAB, first: 1 })
    const fillS = (Date.now() - t) / 1000

    vbase.latencyMs = STORAGE_MS
    // A store with nothing cached, as a process's first request.
    const store = new LogStore(httpKv(port))
    const coldFirst = await measure(vbase, () =>
      store.list({ tab: TAB, first: PAGE })
    )

    const first = await measure(vbase, () =>
      store.list({ tab: TAB, first: PAGE })
    )

    let after = first.result.endCursor

    for (let p = 2; p < 10; p++)
      after = (await store.list({ tab: TAB, first: PAGE, after })).endCursor
    const tenth = await measure(vbase, () =>
      store.list({ tab: TAB, first: PAGE, after })
    )

    const filtered = await measure(vbase, () =>
      store.list({
        tab: TAB,
        status: 'ERROR',
        marketplace: 'amazon',
        first: PAGE,
      })
    )

    const sample = first.result.data[7]
    const lookup = await measure(vbase, () =>
      store.lookup(TAB, sample.entityId)
    )

    const overview = await measure(vbase, () => store.overview(TAB))

    // Error causes' texts are cached per process: cold once, at the first size.
    if (!cold) {
      const g = await measure(vbase, () => store.errorGroups(TAB))

      cold = { errorGroupsCalls: g.calls, errorGroupsMs: g.ms, atLogs: size }
    }

    const groups = await measure(vbase, () => store.errorGroups(TAB))

    await store.settle()
    const key = {
      tab: TAB,
      marketplace: sample.marketplace,
      entityId: sample.entityId,
    }

    const write = await measure(vbase, () =>
      store.update(key, (cur) =>
        recordOutcome(
          cur,
          key,
          { sku: sample.entityId, quantity: 1 },
          {
            status: 'SUCCESS',
            message: 'Accepted',
            origin: null,
            at: new Date().toISOString(),
            trigger: 'CHANGE',
          }
        )
      )
    )

    const cleanup = await measure(vbase, () => store.settle())

    if (overview.result.total !== size) {
      throw new Error(
        `overview counts ${overview.result.total} logs, ${size} were written`
      )
    }

    if (tenth.result.data.length !== PAGE)
      throw new Error('the 10th page is short')
    const row = {
      logs: size,
      firstPageColdCalls: coldFirst.calls,
      firstPageColdMs: coldFirst.ms,
      firstPageCalls: first.calls,
      firstPageMs: first.ms,
      tenthPageCalls: tenth.calls,
      tenthPageMs: tenth.ms,
      filteredPageCalls: filtered.calls,
      filteredPageMs: filtered.ms,
      lookupCalls: lookup.calls,
      lookupMs: lookup.ms,
      overviewCalls: overview.calls,
      overviewMs: overview.ms,
      errorGroupsCalls: groups.calls,
      errorGroupsMs: groups.ms,
      writeCalls: write.calls,
      writeMs: write.ms,
      cleanupCallsAfterWrite: cleanup.calls,
      fillSeconds: fillS,
      heapMb: Math.round(process.memoryUsage().heapUsed / 1e6),
    }

    sizes.push(row)
    console.log(
      `${size.toLocaleString('en')} logs: first page cold ${
        row.firstPageColdCalls
      } calls ${row.firstPageColdMs} ms, warm ${row.firstPageCalls} calls ${
        row.firstPageMs
      } ms · 10th page ${row.tenthPageCalls} calls ${
        row.tenthPageMs
      } ms · filtered ${row.filteredPageCalls} calls · lookup ${
        row.lookupCalls
      } calls ${row.lookupMs} ms · overview ${row.overviewCalls} calls ${
        row.overviewMs
      } ms · write ${row.writeCalls} calls ${row.writeMs} ms (+${
        row.cleanupCallsAfterWrite
      } background deletes) · filled in ${fillS} s`
    )
  }

  server.close()
  console.log(
    `error groups cold (first in the process, ${cold.atLogs} logs): ${cold.errorGroupsCalls} calls ${cold.errorGroupsMs} ms`
  )
  console.log(JSON.stringify({ storageMsPerCall: STORAGE_MS, cold, sizes }))
  process.exit(0)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
