'use strict'

/**
 * A crash with exports in flight, through the real worker and emulator:
 * ~300 exports (100 stock changes × 3 marketplaces) are under way when the
 * worker process is killed with SIGKILL; the local runtime restarts it as
 * IO would. Recovery is driven by the platform only — the events bus
 * redelivering what was not acknowledged, the schedule — with no manual
 * nudge. Asserts 0 lost, 0 stuck, every job resumed within 30 s of the
 * restart, and that the deliveries repeated after the restart are only
 * those whose answer was lost (in flight at the kill); prints both numbers.
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp, eventually } = require('../helpers')

const MARKETPLACES = ['mercadolivre', 'amazon', 'magalu']
const SANDBOX_LATENCY_MS = 2000

let app

test.before(async () => {
  app = await startApp({ perTab: 100, eventDelayMs: 20 })
})

test.after(async () => {
  await app.stop()
})

const jobsInStorage = () =>
  app.emulator.vbase
    .list(`${app.account}/${app.workspace}/${app.emulator.appName}/logs`, {
      prefix: 'v2/job/',
      limit: 5000,
    })
    .data.map((f) => f.path)

/** Every request the sandbox marketplaces received: key, when, whether answered. */
function recordSandbox() {
  const { sandbox } = app.emulator
  const original = sandbox.handle.bind(sandbox)
  const requests = []

  sandbox.handle = async (req, res, ctx) => {
    const m = /^\/api\/inventory\/([^/]+)$/.exec(ctx.pathname)
    const entry = m && {
      key: `${ctx.host.split('.')[0]}:${decodeURIComponent(m[1])}`,
      quantity: (() => {
        try {
          return JSON.parse(ctx.body.toString('utf8')).quantity
        } catch {
          return null
        }
      })(),
      receivedAt: Date.now(),
      answeredAt: null,
    }

    if (entry) requests.push(entry)
    res.on('finish', () => entry && (entry.answeredAt = Date.now()))

    return original(req, res, ctx)
  }

  return requests
}

test('a kill -9 with ~300 exports in flight: nothing lost or stuck, recovery under 30 s, only lost answers repeated', async () => {
  for (const id of MARKETPLACES)
    app.emulator.sandbox.configure(id, { latencyMs: SANDBOX_LATENCY_MS })
  const requests = recordSandbox()
  const { skus } = await app.control('vtex')
  const changes = skus.slice(0, 100).map((s, i) => ({
    skuId: s.id,
    // ≤ 5 units: exported whatever the marketplace had (the 5-unit rule).
    quantity: i % 5,
  }))

  const bucket = () =>
    `${app.account}/${app.workspace}/${app.emulator.appName}/logs`

  const logDoc = (key) => {
    const [m, sku] = key.split(':')
    const f = app.emulator.vbase.get(bucket(), `v2/log/INVENTORY/${m}/${sku}`)

    return f ? JSON.parse(f.body.toString('utf8')) : null
  }

  // Every export that must reach its marketplace: only where its trade
  // policy sells the SKU (docs/channels.md), and a marketplace that already
  // accepted this quantity is rightly skipped (nothing to send).
  const tradePolicy = { mercadolivre: 2, amazon: 3, magalu: 4 }
  const sells = (m, skuId) =>
    app.emulator.vtex.channels.skuChannels(skuId).includes(tradePolicy[m])

  const expected = changes
    .flatMap((c) =>
      MARKETPLACES.filter((m) => sells(m, c.skuId)).map((m) => ({
        key: `${m}:${c.skuId}`,
        quantity: c.quantity,
      }))
    )
    .filter((e) => {
      const doc = logDoc(e.key)

      return !(
        doc?.status === 'SUCCESS' && doc.lastAccepted?.quantity === e.quantity
      )
    })

  // 100 stock changes, one notification each, arriving over ~2 s.
  for (const c of changes) {
    await app.control('vtex/stock', c)
    await new Promise((r) => setTimeout(r, 20))
  }

  // Kill when part of the exports were answered and many are in flight.
  await eventually(() => requests.length >= 60, {
    ms: 30_000,
    what: '60 exports reaching the marketplaces',
  })
  const restarted = app.killWorker()
  const killedAt = Date.now()
  // At the kill: deliveries whose outcome the app had not recorded — the
  // request was on its way to the marketplace or answered, and its job still
  // pending. Their answers are lost with the process. (A request can reach
  // the marketplace after the kill: the dead process had sent it already.)
  const pendingJobs = new Set(
    jobsInStorage().map((p) =>
      p.split('/').pop().split('.').slice(2, 4).join(':')
    )
  )

  const { readyAt } = await restarted
  const sentByTheDead = requests.filter((r) => r.receivedAt < readyAt)
  const inFlight = new Set(
    sentByTheDead
      .filter(
        (r) =>
          r.answeredAt == null ||
          r.answeredAt > killedAt ||
          pendingJobs.has(r.key)
      )
      .map((r) => r.key)
  )

  const before = sentByTheDead.length

  /** The quantity each log recorded as last sent (read from storage, in-process). */
  const recorded = (key) => logDoc(key)?.payload?.quantity

  let recoveredAt = null

  await eventually(
    async () => {
      if (jobsInStorage().length > 0) return false
      if (!expected.every((e) => recorded(e.key) === e.quantity)) return false
      recoveredAt = Date.now()

      return true
    },
    {
      ms: 90_000,
      every: 250,
      what: 'every export to be recorded after the restart',
    }
  )

  await app.settle({ ms: 60_000 })
  const delivered = new Map()

  for (const r of requests) {
    const e = `${r.key}:${r.quantity}`

    delivered.set(e, (delivered.get(e) ?? 0) + 1)
  }

  const lost = expected.filter((e) => !delivered.has(`${e.key}:${e.quantity}`))
  const stuck = jobsInStorage()
  const repeated = [...delivered]
    .filter(([, n]) => n > 1)
    .map(([e]) => e.split(':').slice(0, 2).join(':'))

  const repeatedCount = [...delivered.values()].reduce(
    (n, c) => n + Math.max(0, c - 1),
    0
  )

  const recoveryMs = recoveredAt - readyAt

  console.log(
    JSON.stringify({
      exports: expected.length,
      jobsPendingAtKill: pendingJobs.size,
      deliveriesBeforeKill: before,
      inFlightAtKill: inFlight.size,
      repeatedAfterRestart: repeatedCount,
      restartMs: readyAt - killedAt,
      recoveryMs,
      lost: lost.length,
      stuck: stuck.length,
      deadLetters: app.emulator.events.deadLetters.length,
    })
  )

  assert.equal(lost.length, 0, `lost: ${JSON.stringify(lost.slice(0, 5))}`)
  assert.equal(stuck.length, 0, `stuck: ${stuck.slice(0, 5)}`)
  assert.ok(recoveryMs < 30_000, `recovered in ${recoveryMs} ms`)
  // Only deliveries whose answer was lost at the kill were sent again.
  assert.deepEqual(
    repeated.filter((k) => !inFlight.has(k)),
    [],
    'repeated deliveries that were not in flight at the kill'
  )
  assert.ok(repeatedCount <= inFlight.size)
})
