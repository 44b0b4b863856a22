'use strict'

/**
 * The app's own schedule with VTEX's Scheduler API, through the real worker
 * and the emulated scheduler: registered with a secret from the first event,
 * re-registered when the settings are saved and repaired by the next event
 * when it went missing; its calls on the controllable clock drive the
 * maintenance pass (here: a job whose event was lost is sent again, with no
 * nudge); the emulated Scheduler API refuses what VTEX's would.
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp } = require('../helpers')

const SCHEDULE = 'master/vtex.marketplace-bridge/marketplace-bridge-maintenance'

let app

test.before(async () => {
  app = await startApp({ perTab: 10, eventDelayMs: 20 })
})

test.after(async () => {
  await app.stop()
})

const bucket = () =>
  `${app.account}/${app.workspace}/${app.emulator.appName}/logs`

const stored = (path) => {
  const f = app.emulator.vbase.get(bucket(), path)

  return f ? JSON.parse(f.body.toString('utf8')) : null
}

const registered = () => app.emulator.scheduler.schedules.get(SCHEDULE)

test('the first event registers the schedule with a secret kept in VBase and shown nowhere', async () => {
  assert.equal(registered(), undefined)
  const { skus } = await app.control('vtex')

  await app.control('vtex/stock', { skuId: skus[0].id, quantity: 3 })
  await app.settle()
  const { schedule } = registered()
  const { secret } = stored('v2/schedule')

  assert.match(secret, /^[0-9a-f]{64}$/)
  assert.deepEqual(schedule.scheduler.expression, '* * * * *')
  assert.equal(
    schedule.request.uri,
    `https://${app.account}.myvtex.com/_v/marketplace-bridge/maintenance`
  )
  assert.equal(schedule.request.headers['x-marketplace-bridge-secret'], secret)
  const settings = await app.gql(
    '{ bridgeSettings { maxRetries hasPartnerToken } }'
  )

  assert.ok(!JSON.stringify(settings).includes(secret))
})

test('the schedule drives maintenance: a job whose event was lost is sent again, no nudge', async () => {
  const { skus } = await app.control('vtex')
  const sku = skus[1].id
  const logId = `INVENTORY:amazon:${sku}`
  const changedAt = new Date().toISOString()
  const jobId = `x.${logId.replace(/:/g, '.')}.${Date.parse(changedAt)}`
  const longAgo = new Date(Date.now() - 5 * 60_000).toISOString()

  // The change's job was written but its event never arrived (lost).
  await app.control('vtex/stock', { skuId: sku, quantity: 4, silent: true })
  app.emulator.vbase.put(
    bucket(),
    `v2/job/${jobId}`,
    Buffer.from(
      JSON.stringify({
        id: jobId,
        logId,
        kind: 'EXPORT',
        changedAt,
        stockOnly: true,
        createdAt: longAgo,
        sentAt: longAgo,
        deliveries: 1,
        claimedUntil: null,
        owner: null,
        tries: 0,
        notBefore: null,
        lastError: null,
      })
    ),
    'application/json'
  )
  const calls = app.emulator.scheduler.calls.length

  // A minute later on the schedules' clock, VTEX's scheduler calls.
  await app.control('clock', { advanceMs: 60_000 })
  assert.ok(app.emulator.scheduler.calls.length > calls)
  assert.ok(
    app.emulator.scheduler.calls.slice(calls).every((c) => c.status === 200)
  )
  await app.settle()
  assert.equal(stored(`v2/job/${jobId}`), null)
  // The export ran: the log records this change and what was sent.
  const log = stored(`v2/log/INVENTORY/amazon/${sku}`)

  assert.equal(log.changedAt, changedAt)
  assert.deepEqual(log.payload, { quantity: 4 })
})

test('saving the settings registers it again; the next event repairs it when it went missing', async () => {
  app.emulator.scheduler.schedules.delete(SCHEDULE)
  const saved = await app.gql(
    'mutation($i: BridgeSettingsInput!) { saveBridgeSettings(input: $i) { maxRetries } }',
    { i: { maxRetries: 9 } }
  )

  assert.equal(saved.errors, undefined, JSON.stringify(saved.errors))
  assert.ok(registered(), 'registered when the settings were saved')

  app.emulator.scheduler.schedules.delete(SCHEDULE)
  // An event checks the schedule at most every 10 minutes per process.
  await app.control('clock', { advanceMs: 11 * 60_000 })
  const { skus } = await app.control('vtex')

  await app.control('vtex/stock', { skuId: skus[2].id, quantity: 2 })
  await app.settle()
  assert.ok(registered(), 'repaired by the next event')
  assert.equal(
    registered().schedule.request.headers['x-marketplace-bridge-secret'],
    stored('v2/schedule').secret,
    'with the same secret'
  )
})

test('the emulated Scheduler API refuses what VTEX refuses', async () => {
  // Reached as the app reaches it: through the emulator as a proxy.
  const proxied = (body, auth = true) =>
    new Promise((resolve, reject) => {
      const http = require('http')
      const payload = Buffer.from(JSON.stringify(body))
      const req = http.request(
        app.emulatorUrl,
        {
          method: 'PUT',
          path: `http://portal.vtexcommercestable.com.br/api/scheduler/master/vtex.marketplace-bridge?version=4&an=${app.account}`,
          headers: {
            host: 'portal.vtexcommercestable.com.br',
            'content-type': 'application/json',
            'content-length': payload.length,
            ...(auth ? { vtexidclientautcookie: 'app-token' } : {}),
          },
        },
        (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode))
        }
      )

      req.on('error', reject)
      req.end(payload)
    })

  const valid = registered().schedule

  assert.equal(await proxied(valid, false), 401)
  assert.equal(
    await proxied({
      ...valid,
      scheduler: { ...valid.scheduler, expression: '*/30 * * * * *' },
    }),
    400,
    'finer than a minute'
  )
  assert.equal(
    await proxied({ ...valid, request: { ...valid.request, uri: 'http://x' } }),
    400,
    'not https'
  )
  assert.equal(await proxied(valid), 200)
})
