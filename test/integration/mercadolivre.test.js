'use strict'

/**
 * Mercado Livre through the real worker (issue 12): the seeded marketplace
 * of kind `mercadolivre`, connected to the emulator's seller, with SKUs
 * mapped to its listings. A stock change reaches the emulator in ML's own
 * format (PUT /items/{id} with available_quantity, the seller's bearer
 * token); a listing Mercado Livre paused becomes an ALERT log saying what to
 * do; a SKU with no listing is an ALERT too; nothing is reprocessable there.
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp, eventually } = require('../helpers')

let app

test.before(async () => {
  app = await startApp({ perTab: 10, eventDelayMs: 20, mercadoLivre: true })
})

test.after(async () => {
  await app.stop()
})

const DETAIL = `query($id: ID!) { integrationLog(id: $id) { id status message reason businessMessage alert { action } origin { request { method url body } response { status body } } } }`

const log = (id) =>
  app.gql(DETAIL, { id }).then((r) => {
    assert.equal(r.errors, undefined, JSON.stringify(r.errors))

    return r.data.integrationLog
  })

const mlRequests = () => app.control('mercadolivre/requests')

test('a stock change reaches Mercado Livre in its format', async () => {
  await app.control('vtex/stock', { skuId: '1000', quantity: 4 })
  const sent = await eventually(
    async () =>
      (
        await mlRequests()
      ).find((r) => r.method === 'PUT' && r.path === '/items/MLB1000000001'),
    { ms: 30_000, what: 'the stock to reach Mercado Livre' }
  )

  assert.deepEqual(sent.body, { available_quantity: 4 })
  assert.equal(sent.status, 200)
  const done = await eventually(
    async () => {
      const l = await log('INVENTORY:meli:1000')

      return l && l.status === 'SUCCESS' && l
    },
    { ms: 30_000, what: 'the log' }
  )

  assert.equal(done.reason, 'STOCK_UPDATED')
})

test('a listing Mercado Livre paused is an ALERT log that says what to do', async () => {
  await app.control('mercadolivre/listing', {
    itemId: 'MLB1000000007',
    status: 'paused',
    subStatus: ['suspended'],
  })
  await app.control('vtex/stock', { skuId: '1003', quantity: 2 })
  const alert = await eventually(
    async () => {
      const l = await log('INVENTORY:meli:1003')

      return l && l.status === 'ALERT' && l
    },
    { ms: 30_000, what: 'the alert' }
  )

  assert.deepEqual(alert.alert, { action: 'LISTING_PAUSED' })
  assert.equal(alert.reason, 'LISTING_PAUSED')
  assert.match(alert.businessMessage, /paused/)
  assert.match(alert.origin.request.url, /MLB1000000007/)

  const refused = await app.gql(
    `mutation($ids: [ID!]!) { reprocessLogs(ids: $ids) { id } }`,
    { ids: ['INVENTORY:meli:1003'] }
  )

  assert.equal(refused.errors[0].extensions.reason, 'NOT_REPROCESSABLE')
})

test('a SKU without a listing on Mercado Livre is an ALERT: map it', async () => {
  await app.control('vtex/stock', { skuId: '1012', quantity: 5 })
  const alert = await eventually(
    async () => {
      const l = await log('INVENTORY:meli:1012')

      return l && l.status !== 'QUEUED' && l
    },
    { ms: 30_000, what: 'the log' }
  )

  assert.equal(alert.status, 'ALERT')
  assert.deepEqual(alert.alert, { action: 'SKU_NOT_MAPPED' })
})

test('Connect: the authorization page, the return to the app route with state checked, the grant stored', async () => {
  const CONNECTION = `query($id: String!) { marketplaceConnection(marketplaceId: $id) { state sellerId siteId } }`
  const started = await app.gql(
    `mutation($id: String!) { connectMercadoLivre(marketplaceId: $id) }`,
    { id: 'meli' }
  )

  assert.equal(started.errors, undefined, JSON.stringify(started.errors))
  const url = new URL(started.data.connectMercadoLivre)

  assert.equal(url.host, 'auth.mercadolivre.com.br')
  assert.equal(url.searchParams.get('code_challenge_method'), 'S256')

  // The seller approves on Mercado Livre (the emulator's authorization page) and is sent back.
  const page = app.emulator.mercadolivre.oauth.authorize(url.searchParams)

  assert.equal(page.status, 302)
  const back = new URL(page.headers.Location)

  assert.equal(back.pathname, '/_v/marketplace-bridge/oauth/mercadolivre')
  const route = (search) =>
    fetch(`${app.shellUrl}${back.pathname}${search}`, { redirect: 'manual' })

  // A forged state changes nothing.
  const forged = await route(
    `?code=${back.searchParams.get('code')}&state=forged-state-0123456789`
  )

  assert.equal(forged.status, 302)
  assert.match(
    forged.headers.get('location'),
    /connectError=OAUTH_STATE_MISMATCH/
  )

  const done = await route(back.search)

  assert.equal(done.status, 302)
  assert.equal(
    done.headers.get('location'),
    '/admin/app/marketplace-bridge/settings?connected=meli'
  )
  const connection = await app.gql(CONNECTION, { id: 'meli' })

  assert.deepEqual(connection.data.marketplaceConnection, {
    state: 'CONNECTED',
    sellerId: '123456789',
    siteId: 'MLB',
  })
  // The same return again: the state was used.
  assert.match(
    (await route(back.search)).headers.get('location'),
    /connectError=OAUTH_STATE_MISMATCH/
  )

  const unknown = await app.gql(
    `mutation($id: String!) { connectMercadoLivre(marketplaceId: $id) }`,
    { id: 'amazon' }
  )

  assert.equal(unknown.errors[0].extensions.reason, 'MARKETPLACE_NOT_FOUND')
})

/** Connect through the real flow: the authorization page, then the app's route. */
async function connectMeli() {
  const started = await app.gql(
    `mutation($id: String!) { connectMercadoLivre(marketplaceId: $id) }`,
    { id: 'meli' }
  )

  assert.equal(started.errors, undefined, JSON.stringify(started.errors))
  const page = app.emulator.mercadolivre.oauth.authorize(
    new URL(started.data.connectMercadoLivre).searchParams
  )

  const back = new URL(page.headers.Location)
  const done = await fetch(`${app.shellUrl}${back.pathname}${back.search}`, {
    redirect: 'manual',
  })

  assert.equal(
    done.headers.get('location'),
    '/admin/app/marketplace-bridge/settings?connected=meli'
  )
}

test('Disconnect: revoked here and at Mercado Livre; a stock change logs "connect again"; connecting again and reprocessing sends it', async () => {
  const CONNECTION = `{ state revokedReason marketplaceRevoked }`
  const lastSeq = Math.max(0, ...(await mlRequests()).map((r) => r.seq))
  const disconnected = await app.gql(
    `mutation($id: String!) { disconnectMercadoLivre(marketplaceId: $id) ${CONNECTION} }`,
    { id: 'meli' }
  )

  assert.equal(
    disconnected.errors,
    undefined,
    JSON.stringify(disconnected.errors)
  )
  assert.deepEqual(disconnected.data.disconnectMercadoLivre, {
    state: 'REVOKED',
    revokedReason: 'DISCONNECTED',
    marketplaceRevoked: true,
  })
  const revokedAtMl = (await mlRequests()).filter(
    (r) => r.seq > lastSeq && r.method === 'DELETE'
  )

  assert.deepEqual(
    revokedAtMl.map((r) => [r.path, r.status]),
    [['/users/123456789/applications/5551234567890123', 200]]
  )

  await app.control('vtex/stock', { skuId: '1000', quantity: 6 })
  const refused = await eventually(
    async () => {
      const l = await log('INVENTORY:meli:1000')

      return l && l.status === 'ERROR' && l
    },
    { ms: 30_000, what: 'the "connect again" error' }
  )

  assert.equal(refused.reason, 'DISCONNECTED')
  assert.match(refused.message, /disconnected .*connect again/)
  const afterDisconnect = (await mlRequests()).filter(
    (r) => r.seq > lastSeq && r.method !== 'DELETE'
  )

  assert.deepEqual(
    afterDisconnect,
    [],
    'no call to Mercado Livre once disconnected'
  )

  await connectMeli()
  const reprocessed = await app.gql(
    `mutation($ids: [ID!]!) { reprocessLogs(ids: $ids) { id status } }`,
    { ids: ['INVENTORY:meli:1000'] }
  )

  assert.equal(
    reprocessed.errors,
    undefined,
    JSON.stringify(reprocessed.errors)
  )
  const sent = await eventually(
    async () => {
      const l = await log('INVENTORY:meli:1000')

      return l && l.status === 'SUCCESS' && l
    },
    { ms: 30_000, what: 'the reprocess after connecting again' }
  )

  assert.equal(sent.reason, 'STOCK_UPDATED')
  const put = (await mlRequests()).find(
    (r) =>
      r.seq > lastSeq && r.method === 'PUT' && r.path === '/items/MLB1000000001'
  )

  assert.deepEqual(put.body, { available_quantity: 6 })
})
