'use strict'

/**
 * The local VTEX's channels (issue 11): every answer of the channel endpoints
 * is held to the response schema shared/vtex-openapi documents (ajv), asked
 * the way the app asks — through the emulator as IO's proxy, with the app's
 * token or the admin's — and the controls change the store and announce it
 * as VTEX does.
 */
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('fs')
const http = require('http')
const os = require('os')
const path = require('path')

const { Emulator } = require('../../local/emulator')
const { responseSchema, problems, available } = require('../openapi')

const ACCOUNT = 'bridgedemo'
const APP_TOKEN = 'app-credential'
const ADMIN = 'local-admin-session'
const schemaTest = (name, fn) =>
  test(name, { skip: available ? false : 'shared/vtex-openapi not found' }, fn)

let emulator
let port
const published = []

const skuIds = ['1000', '1003', '1006', '1009', '1012', '1015']

test.before(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-channels-'))

  emulator = new Emulator({
    dataDir,
    serviceJson: { events: {} },
    appName: 'vtex.marketplace-bridge',
    workerUrl: 'http://127.0.0.1:9',
    credential: APP_TOKEN,
  })
  const publish = emulator.events.publish.bind(emulator.events)

  emulator.events.publish = (e) => {
    published.push(e)

    return publish(e)
  }

  port = await emulator.listen(0, ACCOUNT)
  emulator.vtex.load({
    skus: Object.fromEntries(
      skuIds.map((id, n) => [
        id,
        {
          Id: Number(id),
          ProductId: 500 + n,
          NameComplete: `Produto ${id}`,
          IsActive: true,
          AlternateIds: { Ean: `789000000000${n}`, RefId: `REF-${id}` },
        },
      ])
    ),
    inventory: Object.fromEntries(
      skuIds.map((id) => [id, { totalQuantity: 3, reservedQuantity: 0 }])
    ),
    orders: Object.fromEntries(
      [0, 1, 2, 3].map((n) => {
        const orderId = `${1300000000000 + n * 7919}-01`

        return [orderId, { orderId, status: 'handling', value: 1000 }]
      })
    ),
  })
})

test.after(async () => {
  await emulator.close()
})

/** A GET as the worker makes it: an absolute URL to Janus through the proxy. */
function vtex(pathAndQuery, token = APP_TOKEN) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'GET',
        path: `http://portal.vtexcommercestable.com.br${pathAndQuery}${
          pathAndQuery.includes('?') ? '&' : '?'
        }an=${ACCOUNT}`,
        headers: { vtexidclientautcookie: token },
      },
      (res) => {
        const chunks = []

        res.on('data', (c) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'),
          })
        )
      }
    )

    req.on('error', reject)
    req.end()
  })
}

async function control(name, body) {
  const res = await fetch(`http://127.0.0.1:${port}/_emulator/vtex/${name}`, {
    method: 'POST',
    body: JSON.stringify(body),
  })

  return { status: res.status, body: await res.json() }
}

const conforms = (schema, value) =>
  assert.deepEqual(problems(schema, value), [])

schemaTest(
  'trade policies and affiliates answer as documented, to the admin only',
  async () => {
    const channels = await vtex(
      '/api/catalog_system/pvt/saleschannel/list',
      ADMIN
    )

    assert.equal(channels.status, 200)
    conforms(
      responseSchema(
        'catalog-api.json',
        '/api/catalog_system/pvt/saleschannel/list'
      ),
      channels.body
    )
    assert.deepEqual(
      channels.body.map((c) => `${c.Id}:${c.Name}:${c.CurrencyCode}`),
      [
        '1:Loja BridgeDemo:BRL',
        '2:Mercado Livre:BRL',
        '3:Amazon:BRL',
        '4:Magalu:BRL',
      ]
    )

    const affiliates = await vtex('/api/fulfillment/pvt/affiliates', ADMIN)

    conforms(
      responseSchema('marketplace-apis.json', '/fulfillment/pvt/affiliates'),
      affiliates.body
    )
    assert.deepEqual(
      affiliates.body.map((a) => `${a.id}→${a.salesChannel}`),
      ['MLB→2', 'MZN→3', 'MGL→4']
    )
    // VTEX: three letters, no vowels.
    for (const a of affiliates.body)
      assert.match(a.id, /^[B-DF-HJ-NP-TV-Z]{3}$/)

    // Read with the app's own token: refused (decided by the user's roles).
    assert.equal(
      (await vtex('/api/catalog_system/pvt/saleschannel/list')).status,
      403
    )
    assert.equal((await vtex('/api/fulfillment/pvt/affiliates')).status, 403)
  }
)

schemaTest(
  'docks and warehouses answer as documented: two warehouses on two docks',
  async () => {
    const docks = await vtex('/api/logistics/pvt/configuration/docks')
    const warehouses = await vtex('/api/logistics/pvt/configuration/warehouses')

    assert.equal(docks.status, 200)
    conforms(
      responseSchema(
        'logistics-api.json',
        '/api/logistics/pvt/configuration/docks'
      ),
      docks.body
    )
    conforms(
      responseSchema(
        'logistics-api.json',
        '/api/logistics/pvt/configuration/warehouses'
      ),
      warehouses.body
    )
    assert.deepEqual(
      docks.body.map((d) => `${d.id}:${d.salesChannels.join(',')}`),
      ['1_1:1,2,3,4', '2_1:1,4']
    )
    assert.deepEqual(
      warehouses.body.map((w) => `${w.id}@${w.warehouseDocks[0].dockId}`),
      ['1_1@1_1', 'cwb@2_1']
    )
  }
)

schemaTest(
  'SKUs sit in some trade policies and not others, as the catalog answers',
  async () => {
    const inAmazon = await vtex(
      '/api/catalog_system/pvt/sku/stockkeepingunitidsbysaleschannel?sc=3&page=1&pageSize=50'
    )

    conforms(
      responseSchema(
        'catalog-api.json',
        '/api/catalog_system/pvt/sku/stockkeepingunitidsbysaleschannel'
      ),
      inAmazon.body
    )
    // id % 4 = 3 is out of Amazon's policy (1003, 1015); Magalu takes even ids.
    assert.deepEqual(inAmazon.body, [1000, 1006, 1009, 1012])
    const inMagalu = await vtex(
      '/api/catalog_system/pvt/sku/stockkeepingunitidsbysaleschannel?sc=4&page=1&pageSize=2'
    )

    assert.deepEqual(inMagalu.body, [1000, 1006])

    const sku = await vtex(
      '/api/catalog_system/pvt/sku/stockkeepingunitbyid/1003'
    )

    const skuSchema = responseSchema(
      'catalog-api.json',
      '/api/catalog_system/pvt/sku/stockkeepingunitbyid/{skuId}'
    )

    conforms(
      {
        type: 'object',
        required: ['SalesChannels'],
        properties: { SalesChannels: skuSchema.properties.SalesChannels },
      },
      sku.body
    )
    assert.deepEqual(sku.body.SalesChannels, [1, 2])
  }
)

schemaTest(
  'computed prices answer per price table, 404 without one',
  async () => {
    const schema = responseSchema(
      'pricing-api.json',
      '/pricing/prices/{itemId}/computed/{priceTableId}'
    )

    const site = await vtex('/api/pricing/prices/1006/computed/1')
    const ml = await vtex('/api/pricing/prices/1006/computed/2')

    conforms(schema, site.body)
    conforms(schema, ml.body)
    // Base R$ 109.90 (49.90 + 6 × 10); Mercado Livre's table adds 12 %.
    assert.equal(site.body.sellingPrice, 109.9)
    assert.equal(ml.body.sellingPrice, 123.09)
    assert.equal(
      (await vtex('/api/pricing/prices/1006/computed/9')).status,
      404
    )
    assert.equal(
      (await vtex('/api/pricing/prices/4242/computed/1')).status,
      404
    )
  }
)

schemaTest('orders carry where they were sold, as OMS fills them', async () => {
  const schema = responseSchema(
    'orders-api.json',
    '/api/oms/pvt/orders/{orderId}'
  )

  const originSchema = {
    type: 'object',
    required: ['origin', 'affiliateId', 'salesChannel', 'marketplaceOrderId'],
    properties: Object.fromEntries(
      [
        'origin',
        'affiliateId',
        'salesChannel',
        'marketplace',
        'marketplaceOrderId',
        'marketplaceServicesEndpoint',
      ].map((k) => [k, schema.properties[k]])
    ),
  }

  const ids = Object.keys(emulator.vtex.data.orders).sort()
  const sold = []

  for (const id of ids) {
    const { body } = await vtex(`/api/oms/pvt/orders/${id}`)

    conforms(originSchema, body)
    sold.push(`${body.origin}:${body.affiliateId || '-'}:${body.salesChannel}`)
  }

  assert.deepEqual(sold, [
    'Fulfillment:MLB:2',
    'Fulfillment:MZN:3',
    'Fulfillment:MGL:4',
    'Marketplace:-:1',
  ])
})

schemaTest(
  'an order sold on a marketplace is placed and announced',
  async () => {
    published.length = 0
    const { status, body } = await control('sell', {
      marketplace: 'amazon',
      skuId: '1006',
      quantity: 2,
    })

    assert.equal(status, 200)
    assert.match(body.orderId, /^MZN-702-\d{7}-\d{7}-01$/)
    assert.equal(body.marketplaceOrderId, body.orderId.slice(4, -3))
    assert.equal(body.value, 2 * 12639) // 109.90 + 15 %
    const read = await vtex(`/api/oms/pvt/orders/${body.orderId}`)

    conforms(
      responseSchema('orders-api.json', '/api/oms/pvt/orders/{orderId}')
        .properties.marketplace,
      read.body.marketplace
    )
    assert.deepEqual(
      published.map((e) => [
        e.sender,
        e.key,
        e.body.orderId,
        e.body.currentState,
      ]),
      [
        [
          'vtex.orders-broadcast',
          'order-status-updated',
          body.orderId,
          'payment-approved',
        ],
      ]
    )

    const own = await control('sell', { marketplace: 'site', skuId: '1000' })

    assert.equal(own.body.origin, 'Marketplace')
    assert.equal(own.body.affiliateId, '')
    assert.equal((await control('sell', { marketplace: 'shopee' })).status, 400)
  }
)

schemaTest(
  'moving a SKU out of a trade policy is announced as a removal from an affiliate',
  async () => {
    published.length = 0
    const moved = await control('trade-policy', {
      skuId: '1006',
      salesChannel: 4,
      assigned: false,
    })

    assert.deepEqual(moved.body, { skuId: '1006', SalesChannels: [1, 2, 3] })
    assert.equal(published.length, 1)
    assert.equal(published[0].sender, 'vtex.broadcaster')
    assert.equal(
      published[0].body.HasStockKeepingUnitRemovedFromAffiliate,
      true
    )
    assert.equal(published[0].body.IdSku, '1006')
    const inMagalu = await vtex(
      '/api/catalog_system/pvt/sku/stockkeepingunitidsbysaleschannel?sc=4&page=1&pageSize=50'
    )

    assert.deepEqual(inMagalu.body, [1000, 1012])
    // The last trade policy cannot go: a SKU in none is sold in all.
    await control('trade-policy', {
      skuId: '1003',
      salesChannel: 1,
      assigned: false,
    })
    const last = await control('trade-policy', {
      skuId: '1003',
      salesChannel: 2,
      assigned: false,
    })

    assert.equal(last.status, 400)
  }
)

schemaTest(
  'one warehouse’s stock changes alone, and a price change is announced',
  async () => {
    published.length = 0
    await control('warehouse-stock', {
      skuId: '1012',
      warehouseId: 'cwb',
      quantity: 7,
      reserved: 2,
    })
    const inventory = await vtex('/api/logistics/pvt/inventory/skus/1012')

    conforms(
      responseSchema(
        'logistics-api.json',
        '/api/logistics/pvt/inventory/skus/{skuId}'
      ),
      inventory.body
    )
    assert.deepEqual(
      inventory.body.balance.map(
        (b) => `${b.warehouseId}:${b.totalQuantity}-${b.reservedQuantity}`
      ),
      ['1_1:3-0', 'cwb:7-2']
    )
    assert.equal(published[0].body.StockModified, true)

    // The legacy stock control still sets Principal only.
    await control('stock', { skuId: '1012', quantity: 5 })
    const after = await vtex('/api/logistics/pvt/inventory/skus/1012')

    assert.deepEqual(
      after.body.balance.map((b) => b.totalQuantity),
      [5, 7]
    )

    published.length = 0
    const priced = await control('price', {
      skuId: '1012',
      priceTable: '2',
      price: 99.9,
      listPrice: 120,
    })

    assert.equal(priced.body['2'].sellingPrice, 99.9)
    assert.equal(published.length, 1)
    assert.equal(published[0].body.PriceModified, true)
    const ml = await vtex('/api/pricing/prices/1012/computed/2')

    conforms(
      responseSchema(
        'pricing-api.json',
        '/pricing/prices/{itemId}/computed/{priceTableId}'
      ),
      ml.body
    )
    assert.deepEqual(
      [ml.body.sellingPrice, ml.body.listPrice, ml.body.priceTable],
      [99.9, 120, '2']
    )
    assert.equal(
      (await control('price', { skuId: '1012', price: 10, listPrice: 12.5 }))
        .status,
      400
    )
  }
)
