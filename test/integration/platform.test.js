'use strict'

/**
 * The local platform refuses what VTEX IO refuses, through the real worker:
 * undeclared outbound hosts, VTEX APIs without their License Manager policy,
 * private routes on the account host, handlers past the service.json
 * timeout, VBase listing tokens that are not VBase's. Each refusal is in the
 * emulator's request log with the rule behind it.
 */
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('fs')
const http = require('http')
const path = require('path')

const { zipSync, strToU8 } = require('fflate')

const { startApp, eventually } = require('../helpers')
const { settingsFor } = require('../../local/seed')
const { localManifest } = require('../../local/emulator/platform')
const { IoRouter } = require('../../local/emulator/router')

const LIST = `query($tab: Tab!, $first: Int, $after: String) {
  integrationLogs(tab: $tab, first: $first, after: $after) {
    data { id }
    pageInfo { endCursor hasNextPage }
  }
}`

const DETAIL = `query($id: ID!) { integrationLog(id: $id) {
  id status message origin { request { url } response { status body } }
} }`

/** The first seeded SKU (local/seed.js). */
const SKU = '1000'

let app

test.before(async () => {
  app = await startApp({ perTab: 20 })
})

test.after(async () => {
  await app.stop()
})

const refusals = async () =>
  (await fetch(`${app.emulatorUrl}/_emulator/log?refusals=1`)).json()

test('an outbound call to a host no outbound-access policy declares is refused as IO refuses it', async () => {
  const settings = settingsFor()

  settings.marketplaces.push({
    ...settings.marketplaces[0],
    id: 'rogue',
    name: 'Rogue',
    baseUrl: 'https://api.rogue-marketplace.com/bridge',
  })
  await app.control('settings', settings)
  await eventually(
    async () => {
      // Settings are cached for 10 s: change stock until the rogue marketplace is tried.
      await app.control('vtex/stock', { skuId: SKU, quantity: 3 })
      await app.settle()
      const { data } = await app.gql(DETAIL, { id: `INVENTORY:rogue:${SKU}` })

      return data.integrationLog?.status === 'ERROR' && data.integrationLog
    },
    { ms: 40_000, every: 2000, what: 'the rogue marketplace to be tried' }
  )
  const { data } = await app.gql(DETAIL, { id: `INVENTORY:rogue:${SKU}` })
  const { response } = data.integrationLog.origin

  assert.equal(response.status, 403)
  assert.match(
    JSON.stringify(response.body),
    /cannot perform action PUT on resource vrn:proxy:aws-us-east-1:bridgedemo:master:api\.rogue-marketplace\.com\/bridge\/inventory\/1000/
  )
  const refused = (await refusals()).find((e) =>
    e.url.includes('api.rogue-marketplace.com')
  )

  assert.match(
    refused.rule,
    /^outbound-access: no policy covers api\.rogue-marketplace\.com\/bridge\/inventory\/1000$/
  )
  // An https connector URL went to the proxy as http + X-Vtex-Use-Https.
  assert.ok(refused.url.startsWith('http://'))
  assert.equal(refused.useHttps, true)
  await app.control('settings', settingsFor())
})

test('private routes are not served on the account host, only on the app host with a session', async () => {
  // The app declares no private route any more (IO serves them only on
  // app.io.vtex.com): the router's rule is shown on a service.json that has
  // one, in front of a stand-in worker.
  const worker = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ served: req.url }))
  })

  await new Promise((r) => worker.listen(0, '127.0.0.1', r))
  const recorded = []
  const router = new IoRouter({
    serviceJson: {
      timeout: 10,
      routes: { adminOnly: { path: '/_v/private/x/report', public: false } },
    },
    platform: { record: (e) => recorded.push(e) },
  })

  const target = {
    appName: 'vtex.marketplace-bridge',
    major: '0',
    account: 'bridgedemo',
    workspace: 'master',
    credential: 'c',
    workerUrl: `http://127.0.0.1:${worker.address().port}`,
  }

  const front = http.createServer((req, res) => {
    if (!router.handle(req, res, target)) res.writeHead(418).end()
  })

  await new Promise((r) => front.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${front.address().port}`
  const appHost = `${base}/vtex.marketplace-bridge/v0/bridgedemo/master`
  const session = { cookie: `VtexIdclientAutCookie=${app.session}` }

  try {
    const onAccount = await fetch(`${base}/_v/private/x/report`, {
      headers: session,
    })

    assert.equal(onAccount.status, 404)
    const noSession = await fetch(`${appHost}/_v/private/x/report`)

    assert.equal(noSession.status, 401)
    const onAppHost = await fetch(`${appHost}/_v/private/x/report`, {
      headers: session,
    })

    assert.equal(onAppHost.status, 200)
    assert.deepEqual(await onAppHost.json(), {
      served: '/bridgedemo/master/_v/private/x/report',
    })
    const rules = recorded.map((e) => e.rule)

    assert.ok(
      rules.some((r) =>
        /^router: adminOnly is private \(public: false\): served only on app\.io\.vtex\.com\/vtex\.marketplace-bridge\/v0\/bridgedemo\/master/.test(
          r
        )
      ),
      rules.join('\n')
    )
    assert.ok(rules.some((r) => /needs a VtexIdclientAutCookie/.test(r)))
  } finally {
    front.closeAllConnections()
    worker.closeAllConnections()
    await new Promise((r) => front.close(r))
    await new Promise((r) => worker.close(r))
  }

  // Every route of the app is public, served on the account host: the
  // admin's CSV (admin session checked inside) and the schedule's
  // maintenance route (its secret checked inside: 401 from the app, not 404).
  const csv = await fetch(
    `${app.shellUrl}/_v/marketplace-bridge/logs.csv?tab=PRODUCTS`,
    { headers: session }
  )

  assert.equal(csv.status, 200)
  await csv.text()
  const maintenance = await fetch(
    `${app.shellUrl}/_v/marketplace-bridge/maintenance`,
    { method: 'POST', headers: session }
  )

  assert.equal(maintenance.status, 401)
  assert.equal(
    (await maintenance.json()).error.reason,
    'SCHEDULE_SECRET_INVALID'
  )
})

test('a handler running past the service.json timeout is cut: the requester gets a 504', async () => {
  const serviceJson = JSON.parse(
    fs.readFileSync(path.join(__dirname, '../../node/service.json'), 'utf8')
  )

  const limits = await app.control('limits')

  // The emulator reads the timeout from service.json …
  assert.equal(limits.timeoutMs, serviceJson.timeout * 1000)
  // … and this test shortens it (and slows VBase) rather than waiting 30 s.
  await app.control('limits', { timeoutMs: 300 })
  await app.control('vbase', { latencyMs: 600 })
  try {
    const started = Date.now()
    const res = await fetch(
      `${app.shellUrl}/_v/marketplace-bridge/logs.csv?tab=PRODUCTS`,
      {
        headers: { cookie: `VtexIdclientAutCookie=${app.session}` },
      }
    )

    assert.equal(res.status, 504)
    assert.equal((await res.json()).code, 'GatewayTimeout')
    assert.ok(Date.now() - started < 2000)
    assert.ok(
      (await refusals()).some((e) =>
        /^timeout: exportCsv ran past service\.json timeout \(300 ms\)$/.test(
          e.rule
        )
      )
    )
  } finally {
    await app.control('vbase', { latencyMs: 0 })
    await app.control('limits', { timeoutMs: null })
  }
})

/** A VBase call as the worker makes it: an absolute URL through the emulator, its proxy. */
function vbase(method, pathAndQuery, body) {
  const u = new URL(app.emulatorUrl)

  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        method,
        path: `http://infra.io.vtex.com/vbase/v2/bridgedemo/master/buckets/vtex.marketplace-bridge/logs/files${pathAndQuery}`,
        headers: { 'x-vtex-credential': app.credential },
      },
      (res) => {
        let text = ''

        res.on('data', (d) => (text += d))
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            json: text ? JSON.parse(text) : null,
          })
        )
      }
    )

    req.on('error', reject)
    req.end(body)
  })
}

const vbaseList = (query) => vbase('GET', `?${query}`)

test("VBase listing tokens are opaque and replayable; limits are the API's", async () => {
  const first = await vbaseList('prefix=v2/&limit=5')

  assert.equal(first.status, 200)
  assert.equal(first.json.data.length, 5)
  const token = first.json.next

  // Nothing in the token reads as a path.
  assert.ok(!token.includes('v2/'))
  const again = await vbaseList(`prefix=v2/&limit=5&next=${token}`)
  const replay = await vbaseList(`prefix=v2/&limit=5&next=${token}`)

  assert.deepEqual(again.json.data, replay.json.data)
  assert.ok(again.json.data[0].path > first.json.data[4].path)
  // A path where a token belongs, or a token of another prefix: 400.
  const forged = await vbaseList(
    `prefix=v2/&limit=5&next=${encodeURIComponent(first.json.data[4].path)}`
  )

  assert.equal(forged.status, 400)
  assert.equal(forged.json.code, 'InvalidNext')
  assert.equal((await vbaseList(`prefix=v2/log/&next=${token}`)).status, 400)
  // At most 1000 paths per listing; a limit below 1 is refused.
  const files = {}

  for (let i = 0; i < 1100; i++)
    files[`f${String(i).padStart(4, '0')}`] = strToU8('{}')
  assert.equal(
    (
      await vbase(
        'PUT',
        '/limits-test?unzip=true',
        Buffer.from(zipSync(files, { level: 0 }))
      )
    ).status,
    200
  )
  const big = await vbaseList('prefix=limits-test/&limit=5000')

  assert.equal(big.json.data.length, 1000)
  assert.equal((await vbaseList('prefix=limits-test/&limit=0')).status, 400)

  // Through the worker: the app keeps the token inside its own cursor and
  // lists again from it; the same cursor gives the same page twice.
  const page1 = (await app.gql(LIST, { tab: 'PRODUCTS', first: 7 })).data
    .integrationLogs

  const a = (
    await app.gql(LIST, {
      tab: 'PRODUCTS',
      first: 7,
      after: page1.pageInfo.endCursor,
    })
  ).data.integrationLogs

  const b = (
    await app.gql(LIST, {
      tab: 'PRODUCTS',
      first: 7,
      after: page1.pageInfo.endCursor,
    })
  ).data.integrationLogs

  assert.deepEqual(a.data, b.data)
  assert.equal(a.data.length, 7)
  assert.ok(a.data.every((r) => !page1.data.some((p) => p.id === r.id)))
})

test('a policy removed from manifest.json breaks the local runtime as it breaks IO: no Sku.aspx, no catalog reads', async () => {
  const manifest = localManifest()
  const without = {
    ...manifest,
    policies: manifest.policies.filter((p) => p.name !== 'Sku.aspx'),
  }

  const other = await startApp({ perTab: 3, appManifest: without })

  try {
    const before = await other.accepted('products', SKU)

    await other.control('vtex/product', {
      skuId: SKU,
      name: 'Renamed without a policy',
    })
    // The job cannot read the SKU: it fails and is retried, never sent.
    const refused = await eventually(
      async () =>
        (
          await (
            await fetch(`${other.emulatorUrl}/_emulator/log?refusals=1`)
          ).json()
        ).find((e) => e.url.includes(`/stockkeepingunitbyid/${SKU}`)),
      { what: 'the catalog read to be refused' }
    )

    assert.equal(refused.status, 403)
    assert.equal(
      refused.rule,
      'License Manager: Catalog · Get SKU needs Sku.aspx (Catalog › SKUs); no such policy in manifest.json'
    )
    assert.deepEqual(await other.accepted('products', SKU), before)
  } finally {
    await other.stop()
  }
})
