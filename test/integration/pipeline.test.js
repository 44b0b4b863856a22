'use strict'

/**
 * The bridge's pipelines through the real worker: changes made in the
 * emulated VTEX (Catalog, Logistics, OMS) arrive as vtex.broadcaster and
 * vtex.orders-broadcast events, become export jobs, and reach the sandbox
 * marketplaces under the documented rules.
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp, eventually } = require('../helpers')

const DETAIL = `query($id: ID!) { integrationLog(id: $id) { id status message attempts abnormal latencyMs payload history { trigger status } origin { response { status } } } }`
const REPROCESS = `mutation($ids: [ID!]!) { reprocessLogs(ids: $ids) { id status } }`

let app
const stock = (skuId, quantity) =>
  app.control('vtex/stock', { skuId, quantity })

const detail = async (id) => (await app.gql(DETAIL, { id })).data.integrationLog
/** Even SKU ids are in every trade policy of the local VTEX (docs/channels.md). */
const everywhere = (s) => Number(s.id) % 2 === 0

test.before(async () => {
  app = await startApp({ perTab: 30, eventDelayMs: 20 })
})

test.after(async () => {
  await app.stop()
})

test('stock-only changes follow the 5-unit rule with the docs numbers: 16→60 not sent, 0→23 and 15→2 sent', async () => {
  const { skus } = await app.control('vtex')
  const [a, b, c] = skus
    .filter(everywhere)
    .slice(10, 13)
    .map((s) => s.id)

  await Promise.all([stock(a, 16), stock(b, 0), stock(c, 15)])
  await app.settle()
  const before = (await app.accepted('inventory')).length

  await Promise.all([stock(a, 60), stock(b, 23), stock(c, 2)])
  await app.settle()
  const after = (await app.accepted('inventory')).slice(before)
  const sent = after.map((x) => `${x.id}:${x.body.quantity}`)

  assert.ok(
    !sent.some((s) => s.startsWith(`${a}:`)),
    `16→60 must not be sent, got ${sent}`
  )
  // Every marketplace that lists the SKU receives the change (the seed leaves some SKUs unlisted on one).
  assert.ok(
    sent.filter((s) => s === `${b}:23`).length >= 2,
    `0→23 sent: ${sent}`
  )
  assert.ok(
    sent.filter((s) => s === `${c}:2`).length >= 2,
    `15→2 sent: ${sent}`
  )
  const log = await detail(`INVENTORY:mercadolivre:${b}`)

  if (log) assert.deepEqual(JSON.parse(log.payload), { quantity: 23 })
})

test('a product change reaches every marketplace, re-read from the catalog', async () => {
  const { skus } = await app.control('vtex')
  const sku = skus.find(
    (s) => everywhere(s) && s.name && /^\d{13}$/.test(s.ean || '')
  ).id

  await app.control('vtex/product', {
    skuId: sku,
    name: 'Tênis Corrida Leve — edição 2026',
  })
  await app.settle()
  const got = await app.accepted('products', sku)

  assert.deepEqual(got.map((g) => g.marketplace).sort(), [
    'amazon',
    'magalu',
    'mercadolivre',
  ])
  assert.ok(
    got.every((g) => g.body.name === 'Tênis Corrida Leve — edição 2026')
  )
  const log = await detail(`PRODUCTS:amazon:${sku}`)

  assert.equal(log.status, 'SUCCESS')
  assert.equal(log.abnormal, false)
  assert.ok(log.latencyMs >= 0 && log.latencyMs < 60_000)
})

test('invoicing an order sends Invoiced with the invoice and tracking data to the marketplace it was sold on, under its order id; nothing past it is invented', async () => {
  const { orders } = await app.control('vtex')
  const sold = orders.find((o) => o.status !== 'invoiced' && o.soldOn === 'MZN')
  const order = sold.id

  await app.control('vtex/order', {
    orderId: order,
    status: 'invoiced',
    invoice: {
      invoiceNumber: '90001',
      invoiceKey: 'KEY-90001',
      trackingNumber: 'BR90001XX',
      trackingUrl: 'https://rastreio.example/BR90001XX',
      courier: 'Correios',
    },
  })
  await app.settle()
  const got = await app.accepted('orders', sold.marketplaceOrderId)

  assert.deepEqual(
    got.map((g) => g.marketplace),
    ['amazon']
  )
  assert.equal((await app.accepted('orders', order)).length, 0)
  for (const g of got) {
    assert.equal(g.body.orderId, order)
    assert.equal(g.body.marketplaceOrderId, sold.marketplaceOrderId)
    assert.equal(g.body.status, 'invoiced')
    assert.equal(g.body.invoice.number, '90001')
    assert.equal(g.body.invoice.key, 'KEY-90001')
    assert.deepEqual(g.body.tracking, {
      number: 'BR90001XX',
      url: 'https://rastreio.example/BR90001XX',
      courier: 'Correios',
    })
  }

  // An older status arriving late is not sent over Invoiced.
  await app.control('vtex/order', { orderId: order, status: 'handling' })
  await app.settle()
  assert.equal(
    (await app.accepted('orders', sold.marketplaceOrderId)).length,
    1
  )
})

test('the same notification delivered twice sends once', async () => {
  await app.control('events', { duplicate: true })
  try {
    const { skus } = await app.control('vtex')
    const sku = skus[25].id

    await stock(sku, 1)
    await app.settle()
    const got = await app.accepted('inventory', sku)
    const perMarketplace = {}

    for (const g of got)
      perMarketplace[g.marketplace] = (perMarketplace[g.marketplace] || 0) + 1
    assert.ok(
      Object.values(perMarketplace).every((n) => n === 1),
      JSON.stringify(perMarketplace)
    )
  } finally {
    await app.control('events', { duplicate: false })
  }
})

test('a permanent refusal fails at once with the marketplace message', async () => {
  const { skus } = await app.control('vtex')
  const sku = skus[26].id

  await app.control('vtex/product', { skuId: sku, ean: '123' })
  await app.settle()
  const log = await detail(`PRODUCTS:magalu:${sku}`)

  assert.equal(log.status, 'ERROR')
  assert.equal(log.message, 'Magalu answered HTTP 400: Invalid EAN "123"')
  assert.equal(log.origin.response.status, 400)
})

test('reprocess re-reads VTEX: a fixed product goes out with the current data', async () => {
  const { skus } = await app.control('vtex')
  const sku = skus[26].id // refused above for its EAN

  await app.control('vtex/product', {
    skuId: sku,
    ean: '7891234567895',
    silent: true,
  })
  const id = `PRODUCTS:magalu:${sku}`

  await app.gql(REPROCESS, { ids: [id] })
  const log = await eventually(
    async () => {
      const d = await detail(id)

      return d.status !== 'QUEUED' && d
    },
    { what: 'the reprocess to finish' }
  )

  assert.equal(log.status, 'SUCCESS')
  assert.equal(JSON.parse(log.payload).ean, '7891234567895')
  assert.equal(log.history[0].trigger, 'REPROCESS')
})

test(
  'a marketplace down for 30 s: every change arrives exactly once when it is back',
  { timeout: 180_000 },
  async () => {
    const { skus } = await app.control('vtex')
    const { unlisted } = await app.control('sandbox')
    const listedEverywhere = (id) =>
      !Object.values(unlisted).some((list) => list.includes(id))

    const chosen = skus
      .filter((s) => everywhere(s) && listedEverywhere(s.id))
      .slice(0, 8)

    const targets = chosen.map((s) => s.id)

    assert.equal(targets.length, 8)
    const before = await app.accepted('inventory')

    await app.control('sandbox', { marketplace: 'mercadolivre', mode: 'down' })
    const downAt = Date.now()

    // A new balance within the 5-unit rule and different from the last one exported: every change is due.
    for (const s of chosen) await stock(s.id, (s.quantity + 1) % 6)
    await new Promise((r) => setTimeout(r, 30_000))
    await app.control('sandbox', { marketplace: 'mercadolivre', mode: 'ok' })
    const upAt = Date.now()

    assert.ok(upAt - downAt >= 30_000)

    // The retries (1 s doubling to 20 s) outlive the outage: all arrive within a cap's wait of the recovery.
    await app.settle({ ms: 60_000 })
    const after = (await app.accepted('inventory')).slice(before.length)

    for (const marketplace of ['mercadolivre', 'amazon', 'magalu']) {
      for (const sku of targets) {
        const n = after.filter(
          (a) => a.marketplace === marketplace && a.id === sku
        ).length

        assert.equal(n, 1, `${sku} at ${marketplace} arrived ${n} times`)
      }
    }

    for (const sku of targets) {
      const log = await detail(`INVENTORY:mercadolivre:${sku}`)

      assert.equal(log.status, 'SUCCESS', `${sku}: ${log.message}`)
      assert.equal(log.attempts >= 1, true)
    }
  }
)
