'use strict'

/**
 * Channels through the real worker (issue 11): the local VTEX's affiliates,
 * trade policies, docks and warehouses (docs/channels.md) decide which
 * sandbox marketplace receives what. Orders are placed "sold on X" with the
 * console's control, SKUs moved out of a trade policy, one warehouse's stock
 * changed, a price table changed — and the sandbox's receipts are checked.
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp } = require('../helpers')

const DETAIL = `query($id: ID!) { integrationLog(id: $id) { id status message entityId marketplaceOrderId payload } }`
const SEARCH = `query($search: String) { integrationLogs(tab: TRACKING, search: $search, first: 10) { data { id marketplaceOrderId } } }`

let app

const detail = async (id) => (await app.gql(DETAIL, { id })).data.integrationLog
const receipts = async (kind, since) => (await app.accepted(kind)).slice(since)

/**
 * A SKU of the local VTEX whose id passes `test` (it is in trade policies 1
 * and 2, in 3 unless id ≡ 3 mod 4, in 4 when even), with valid data and
 * listed on every sandbox marketplace (the seed leaves a few unlisted).
 */
async function skuWhere(accepts, nth = 0) {
  const [{ skus }, { unlisted }] = await Promise.all([
    app.control('vtex'),
    app.control('sandbox'),
  ])

  return skus.filter(
    (s) =>
      accepts(Number(s.id)) &&
      s.name &&
      /^\d{13}$/.test(s.ean || '') &&
      !Object.values(unlisted).some((list) => list.includes(s.id))
  )[nth].id
}

test.before(async () => {
  app = await startApp({ perTab: 20, eventDelayMs: 20 })
})

test.after(async () => {
  await app.stop()
})

test('an order sold on each marketplace reaches that marketplace only, under its own order id; one sold on the site reaches none', async () => {
  const since = (await app.accepted('orders')).length
  const placed = {}

  for (const marketplace of ['mercadolivre', 'amazon', 'magalu', 'site'])
    placed[marketplace] = await app.control('vtex/sell', { marketplace })
  await app.settle()
  const got = await receipts('orders', since)

  assert.deepEqual(got.map((g) => g.marketplace).sort(), [
    'amazon',
    'magalu',
    'mercadolivre',
  ])
  for (const marketplace of ['mercadolivre', 'amazon', 'magalu']) {
    const order = placed[marketplace]
    const receipt = got.find((g) => g.marketplace === marketplace)

    assert.equal(receipt.id, order.marketplaceOrderId)
    assert.equal(receipt.body.orderId, order.orderId)
    assert.equal(receipt.body.status, 'payment-approved')
    const log = await detail(`TRACKING:${marketplace}:${order.orderId}`)

    assert.equal(log.status, 'SUCCESS')
    assert.equal(log.marketplaceOrderId, order.marketplaceOrderId)
  }

  // The site's order: no marketplace log at all.
  const site = placed.site.orderId

  for (const marketplace of ['mercadolivre', 'amazon', 'magalu'])
    assert.equal(await detail(`TRACKING:${marketplace}:${site}`), null)
  assert.ok(!got.some((g) => g.body.orderId === site))
})

test('searching the marketplace’s order id finds the log, like VTEX’s id', async () => {
  const order = await app.control('vtex/sell', { marketplace: 'amazon' })

  await app.settle()
  for (const search of [
    order.orderId,
    order.marketplaceOrderId,
    order.marketplaceOrderId.slice(0, -4),
  ]) {
    const r = await app.gql(SEARCH, { search })

    assert.equal(r.errors, undefined, JSON.stringify(r.errors))
    assert.deepEqual(
      r.data.integrationLogs.data.map((l) => l.id),
      [`TRACKING:amazon:${order.orderId}`],
      search
    )
  }
})

test('a SKU outside a trade policy never reaches that marketplace; leaving one deactivates it there, logged', async () => {
  // ≡ 3 mod 4: only in trade policies 1 and 2 (site and Mercado Livre).
  const onlyMl = await skuWhere((id) => id % 4 === 3)
  let since = (await app.accepted('products')).length

  await app.control('vtex/product', { skuId: onlyMl, name: 'Só no ML' })
  await app.control('vtex/stock', { skuId: onlyMl, quantity: 2 })
  await app.settle()
  const toMl = [
    ...(await receipts('products', since)),
    ...(await app.accepted('inventory', onlyMl)),
  ].filter((g) => g.id === onlyMl)

  assert.ok(toMl.length >= 2, JSON.stringify(toMl))
  assert.deepEqual(
    [...new Set(toMl.map((g) => g.marketplace))],
    ['mercadolivre']
  )

  // An even SKU is in every trade policy: listed on Magalu, then taken out of its trade policy 4.
  const even = await skuWhere((id) => id % 2 === 0)

  await app.control('vtex/product', { skuId: even, name: 'Em todos' })
  await app.settle()
  assert.equal(
    (await detail(`PRODUCTS:magalu:${even}`)).status,
    'SUCCESS',
    'listed on Magalu first'
  )
  since = (await app.accepted('products')).length
  await app.control('vtex/trade-policy', {
    skuId: even,
    salesChannel: 4,
    assigned: false,
  })
  await app.settle()
  const sent = (await receipts('products', since)).filter((g) => g.id === even)

  assert.deepEqual(
    sent.map((g) => [g.marketplace, g.body.active]),
    [['magalu', false]]
  )
  const log = await detail(`PRODUCTS:magalu:${even}`)

  assert.equal(log.status, 'SUCCESS')
  assert.equal(JSON.parse(log.payload).active, false)
})

test('two warehouses on two docks: two marketplaces get two stock figures; the ≤ 5 rule on each one’s own balance', async () => {
  // Even: in every trade policy.
  const sku = await skuWhere((id) => id % 4 === 0, 1)
  const stock = async (warehouseId, quantity) => {
    await app.control('vtex/warehouse-stock', {
      skuId: sku,
      warehouseId,
      quantity,
    })
    await app.settle()
  }

  // Principal (dock 1_1: trade policies 1–4) 3, Curitiba (dock 2_1: 1 and 4) 20.
  await stock('1_1', 3)
  await stock('cwb', 20)
  const last = async () => {
    const got = {}

    for (const g of await app.accepted('inventory', sku))
      got[g.marketplace] = g.body.quantity

    return got
  }

  assert.deepEqual(await last(), { mercadolivre: 3, amazon: 3, magalu: 23 })

  // Principal 3 → 40: Mercado Livre and Amazon were at ≤ 5, so they get 40;
  // Magalu goes 23 → 60, both above 5: not sent.
  const before = (await app.accepted('inventory', sku)).length

  await stock('1_1', 40)
  const sent = (await app.accepted('inventory', sku)).slice(before)

  assert.deepEqual(
    sent.map((g) => `${g.marketplace}:${g.body.quantity}`).sort(),
    ['amazon:40', 'mercadolivre:40']
  )
  assert.deepEqual(await last(), { mercadolivre: 40, amazon: 40, magalu: 23 })
})

test('a price change sends each marketplace its trade policy’s price', async () => {
  const sku = await skuWhere((id) => id % 4 === 2, 1)
  const since = (await app.accepted('products')).length

  // Base R$ 100: table 2 (+12 %) 112, table 3 (+15 %) 115, table 4 (+8 %) 108.
  await app.control('vtex/price', { skuId: sku, price: 100 })
  await app.settle()
  const got = {}

  for (const g of (await receipts('products', since)).filter(
    (x) => x.id === sku
  ))
    got[g.marketplace] = g.body.price

  assert.deepEqual(got, {
    mercadolivre: { amount: 112, currency: 'BRL' },
    amazon: { amount: 115, currency: 'BRL' },
    magalu: { amount: 108, currency: 'BRL' },
  })
})

const SETTINGS = `{ bridgeSettings { marketplaces { id name baseUrl products inventory tracking affiliateId salesChannel currency } } }`
const SAVE = `mutation($input: BridgeSettingsInput!) { saveBridgeSettings(input: $input) { marketplaces { id affiliateId salesChannel currency } } }`
const CHANNELS = `{ vtexChannels { affiliates { id name salesChannel } salesChannels { id name isActive currencyCode } affiliatesError salesChannelsError } }`

test('the settings page lists the account’s affiliates and trade policies; an unknown or mismatched choice is refused field by field and nothing is saved', async () => {
  const lists = (await app.gql(CHANNELS)).data.vtexChannels

  assert.deepEqual(
    lists.affiliates.map((a) => `${a.id}:${a.salesChannel}`),
    ['MLB:2', 'MZN:3', 'MGL:4']
  )
  assert.deepEqual(
    lists.salesChannels.map((c) => c.id),
    ['1', '2', '3', '4']
  )

  const { marketplaces } = (await app.gql(SETTINGS)).data.bridgeSettings

  assert.deepEqual(
    marketplaces.map((m) => [m.id, m.affiliateId, m.salesChannel, m.currency]),
    [
      ['mercadolivre', 'MLB', '2', 'BRL'],
      ['amazon', 'MZN', '3', 'BRL'],
      ['magalu', 'MGL', '4', 'BRL'],
    ]
  )
  const input = (patch) =>
    marketplaces.map(({ currency, ...m }, i) => ({ ...m, ...patch(i) }))

  const refused = await app.gql(SAVE, {
    input: {
      marketplaces: input((i) =>
        i === 1
          ? { affiliateId: 'XYZ', salesChannel: '9' }
          : i === 2
          ? { salesChannel: '2' }
          : {}
      ),
    },
  })

  const { reason, fields } = refused.errors[0].extensions

  assert.equal(reason, 'INVALID_SETTINGS')
  assert.deepEqual(
    fields.map((f) => `${f.field} ${f.code} ${JSON.stringify(f.params)}`),
    [
      'marketplaces.1.affiliateId UNKNOWN {"value":"XYZ"}',
      'marketplaces.1.salesChannel UNKNOWN {"value":"9"}',
      'marketplaces.2.salesChannel NOT_ALLOWED {"value":"2","reason":"AFFILIATE_SALES_CHANNEL","expected":"4"}',
    ]
  )
  assert.deepEqual(
    (await app.gql(SETTINGS)).data.bridgeSettings.marketplaces,
    marketplaces
  )

  // Clearing Magalu's affiliate is allowed: it then gets no order traffic.
  const saved = await app.gql(SAVE, {
    input: {
      marketplaces: input((i) => (i === 2 ? { affiliateId: null } : {})),
    },
  })

  assert.equal(saved.errors, undefined, JSON.stringify(saved.errors))
  assert.deepEqual(saved.data.saveBridgeSettings.marketplaces[2], {
    id: 'magalu',
    affiliateId: null,
    salesChannel: '4',
    currency: 'BRL',
  })
  const order = await app.control('vtex/sell', { marketplace: 'magalu' })

  await app.settle()
  assert.equal(await detail(`TRACKING:magalu:${order.orderId}`), null)
  await app.gql(SAVE, { input: { marketplaces: input(() => ({})) } })
})

const IMPORT = `mutation($marketplace: String!, $csv: String!) { importListingCsv(marketplace: $marketplace, csv: $csv) { added updated unchanged errors { line field code params { name value } } } }`

test('a mapping CSV with bad rows: each bad row reported by line and column, the good ones kept; a file without the columns refused as a whole', async () => {
  const csv = [
    'skuId,listingId,variationId,userProductId',
    '1003,MLB1234567890,174433221100,MLBU998877',
    'abc,MLB1234567891,,',
    '1006,,,',
    '1009,MLB1234567890,174433221100,',
    '1012,MLB1234567892,,',
  ].join('\n')

  const r = await app.gql(IMPORT, { marketplace: 'mercadolivre', csv })

  assert.equal(r.errors, undefined, JSON.stringify(r.errors))
  const result = r.data.importListingCsv

  assert.equal(result.added, 2)
  assert.deepEqual(
    result.errors.map((e) => `${e.line} ${e.field} ${e.code}`),
    ['3 skuId INVALID_FORMAT', '4 listingId REQUIRED', '5 listingId DUPLICATE']
  )

  // Sent again: the good rows are already there, the bad ones still refused.
  const again = (await app.gql(IMPORT, { marketplace: 'mercadolivre', csv }))
    .data.importListingCsv

  assert.equal(again.added, 0)
  assert.equal(again.unchanged, 2)
  assert.equal(again.errors.length, 3)

  const refused = await app.gql(IMPORT, {
    marketplace: 'mercadolivre',
    csv: 'sku,listing\n1003,MLB1',
  })

  assert.equal(refused.errors[0].extensions.reason, 'INVALID_LISTING_CSV')
  const unknown = await app.gql(IMPORT, { marketplace: 'nope', csv })

  assert.deepEqual(unknown.errors[0].extensions.fields, [
    { field: 'marketplace', code: 'UNKNOWN', params: { value: 'nope' } },
  ])
})
