'use strict'

/**
 * Amazon through the real worker (issue 13): the seeded marketplace of kind
 * `amazon` (local/seedAmazon.js) on the local Amazon (local/emulator/amazon),
 * which validates every request against Amazon's SP-API models. Stock,
 * product and tracking reach it; a submission goes PENDING → SUCCESS or
 * ERROR by itself on the schedule; 8 concurrent jobs with an expired token
 * exchange it once; a burst stays inside the usage plan with no 429 lost;
 * a refresh token Amazon refuses is a clear log and loses nothing.
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp, eventually } = require('../helpers')
const { AMAZON_SEED } = require('../../local/emulator/amazon')

let app
let amazon

test.before(async () => {
  app = await startApp({ perTab: 30, eventDelayMs: 20, amazon: true })
  amazon = app.emulator.amazon
})

test.after(async () => {
  if (amazon) {
    const { requests, invalidRequests, invalidResponses } = amazon.stats

    console.log(
      `Amazon emulator (through the worker): ${requests} SP-API requests validated against the models, ${invalidRequests} invalid; ${invalidResponses} answers off the documented shapes`
    )
  }

  await app.stop()
})

const DETAIL = `query($id: ID!) { integrationLog(id: $id) { id status message reason businessMessage attempts origin { request { method url body } response { status body } } } }`

const log = (id) =>
  app.gql(DETAIL, { id }).then((r) => {
    assert.equal(r.errors, undefined, JSON.stringify(r.errors))

    return r.data.integrationLog
  })

/** The log once it left QUEUED (and, with `status`, reached it). */
async function settled(id, status = null, ms = 30_000) {
  let last = null

  try {
    return await eventually(
      async () => {
        last = await log(id)

        return (
          last &&
          last.status !== 'QUEUED' &&
          (!status || last.status === status) &&
          last
        )
      },
      { ms, what: `${id} ${status || 'settled'}` }
    )
  } catch (e) {
    e.message += ` — the log: ${JSON.stringify(last)}`
    throw e
  }
}

const received = (predicate) => amazon.received.filter(predicate)
const sellerSku = (skuId) => (skuId === '1021' ? 'BRIDGE-1021' : skuId)
const bodyOf = (r) => (typeof r.body === 'string' ? JSON.parse(r.body) : r.body)

/** Seller SKUs listed on the local Amazon whose VTEX SKU the Amazon trade policy (3) sells. */
const onAmazon = () =>
  AMAZON_SEED.skus.filter((s) =>
    app.emulator.vtex.channels.skuChannels(s).includes(3)
  )

/** Every request so far validated against the SP-API models (checked after each step). */
const allValid = () => {
  assert.equal(
    amazon.stats.invalidRequests,
    0,
    JSON.stringify(amazon.invalid.slice(-3))
  )
  assert.ok(amazon.stats.requests > 0)
}

/** Moves the schedules' clock; the emulated scheduler then calls maintenance (follow-ups). */
const advance = async (ms) => {
  const before = app.emulator.scheduler.calls.length

  await app.control('clock', { advanceMs: ms })
  const calls = app.emulator.scheduler.calls.slice(before)

  assert.ok(calls.length >= 1, 'the schedule called the maintenance route')
  assert.ok(
    calls.every((c) => c.status === 200),
    JSON.stringify(calls)
  )
}

test('a stock change reaches Amazon as a Listings Items patch of the seller SKU; PENDING until Amazon processed it', async () => {
  await app.control('vtex/stock', { skuId: '1012', quantity: 4 })
  const pending = await settled('INVENTORY:amz:1012')

  assert.equal(pending.status, 'PENDING', JSON.stringify(pending))
  const patch = received(
    (r) =>
      r.operation === 'patchListingsItem' &&
      r.url.includes(`/items/${AMAZON_SEED.sellerId}/1012?`)
  ).at(-1)

  assert.ok(patch, 'the patch reached Amazon')
  assert.equal(patch.method, 'PATCH')
  assert.match(patch.url, /marketplaceIds=A2Q3Y263D00KWC/)
  const body = bodyOf(patch)
  const availability = body.patches.find((p) =>
    p.path.includes('fulfillment_availability')
  )

  assert.equal(availability.value[0].quantity, 4)
  allValid()
})

test('a mapped SKU is sent under its seller SKU (SKU → seller SKU mapping)', async () => {
  await app.control('vtex/stock', { skuId: '1021', quantity: 2 })
  const l = await settled('INVENTORY:amz:1021')

  assert.equal(l.status, 'PENDING', JSON.stringify(l))
  assert.match(l.origin.request.url, /\/BRIDGE-1021\?/)
  allValid()
})

test('a product change reaches Amazon', async () => {
  const before = amazon.stats.requests

  await app.control('vtex/product', {
    skuId: '1030',
    name: 'Produto 1030 renomeado',
  })
  const l = await settled('PRODUCTS:amz:1030')

  assert.ok(amazon.stats.requests > before)
  assert.match(l.origin.request.url, /\/listings\/2021-08-01\/items\//)
  assert.notEqual(l.status, 'ERROR', JSON.stringify(l))
  allValid()
})

test('tracking reaches Amazon as a shipment confirmation of the order', async () => {
  const { orders } = await app.control('vtex')
  const order = orders.find(
    (o) =>
      o.soldOn === 'MZN' && o.status !== 'invoiced' && o.status !== 'canceled'
  )

  assert.ok(order, 'the seed has an Amazon order to invoice')
  // The same order on Amazon (its items are Amazon's).
  await app.control('amazon/order', {
    orderId: order.marketplaceOrderId,
    items: [{ sku: '1012', quantity: 1 }],
  })
  await app.control('vtex/order', {
    orderId: order.id,
    status: 'invoiced',
    invoice: {
      invoiceNumber: 'NFAMZ1',
      invoiceKey: '35261100000000000000550010000888',
      trackingNumber: 'AMZTRK1',
      trackingUrl: null,
      courier: 'Correios',
    },
  })
  const confirm = await eventually(
    async () =>
      received(
        (r) =>
          r.operation === 'confirmShipment' &&
          r.url.includes(order.marketplaceOrderId)
      ).at(-1),
    { ms: 30_000, what: 'the shipment confirmation' }
  )

  const body = bodyOf(confirm)

  assert.equal(body.packageDetail.trackingNumber, 'AMZTRK1')
  allValid()
})

test('8 concurrent jobs with an expired token exchange it once', async () => {
  await app.settle()
  await app.control('amazon/expire-tokens', {})
  const issued = amazon.lwa.issued
  // Eight SKUs no earlier test sent.
  const skus = onAmazon()
    .filter((s) => !['1012', '1021', '1030', '1033', '1048'].includes(s))
    .slice(0, 8)

  assert.equal(skus.length, 8)

  await Promise.all(
    skus.map((skuId) => app.control('vtex/stock', { skuId, quantity: 7 }))
  )
  const logs = await Promise.all(
    skus.map((skuId) => settled(`INVENTORY:amz:${skuId}`))
  )

  assert.deepEqual(
    logs.map((l) => l.status),
    skus.map(() => 'PENDING'),
    JSON.stringify(logs.filter((l) => l.status !== 'PENDING'))
  )
  assert.equal(amazon.lwa.issued - issued, 1)
  allValid()
})

test('a burst of stock changes stays inside the usage plan: no 429 lost', async () => {
  await app.settle()
  const throttled = amazon.stats.throttled
  const before = amazon.stats.byOperation.patchListingsItem || 0
  const skus = onAmazon()
  // Rounds over the listed SKUs the trade policy sells (15): 150 changes.
  const rounds = 10

  const changeAll = (quantity) =>
    Promise.all(
      skus.map((skuId) => app.control('vtex/stock', { skuId, quantity }))
    )

  for (let round = 1; round <= rounds; round++) await changeAll(20 + round)
  await app.settle({ ms: 120_000 })
  const logs = await Promise.all(
    skus.map((skuId) => settled(`INVENTORY:amz:${skuId}`, null, 120_000))
  )

  const patches = (amazon.stats.byOperation.patchListingsItem || 0) - before

  console.log(
    `burst: ${rounds * skus.length} stock changes on ${
      skus.length
    } SKUs, ${patches} patches, ${
      amazon.stats.throttled - throttled
    } × 429; ${JSON.stringify(amazon.stats.byOperation)}`
  )
  assert.deepEqual(
    logs.filter((l) => l.status !== 'PENDING'),
    [],
    'every SKU ends PENDING with its last quantity'
  )
  for (const skuId of skus) {
    const last = received(
      (r) =>
        r.operation === 'patchListingsItem' &&
        r.url.includes(`/items/${AMAZON_SEED.sellerId}/${sellerSku(skuId)}?`)
    ).at(-1)

    assert.equal(
      bodyOf(last).patches.find((p) =>
        p.path.includes('fulfillment_availability')
      ).value[0].quantity,
      20 + rounds,
      `SKU ${skuId}'s last quantity reached Amazon`
    )
  }

  allValid()
})

test('a refresh token Amazon refuses is a clear error log; nothing is lost once it is fixed', async () => {
  await app.settle()
  const grant = amazon.lwa.grants.get(AMAZON_SEED.refreshToken)

  // The seller removed the app's authorization in Seller Central.
  amazon.lwa.grants.delete(AMAZON_SEED.refreshToken)
  await app.control('amazon/expire-tokens', {})
  await app.control('vtex/stock', { skuId: '1048', quantity: 3 })
  const refused = await settled('INVENTORY:amz:1048', 'ERROR')

  assert.equal(refused.reason, 'AMAZON_AUTH_REFUSED')
  assert.match(refused.businessMessage, /invalid_grant/)

  // Authorized again: the same log reprocessed reaches Amazon.
  amazon.lwa.grants.set(AMAZON_SEED.refreshToken, grant)
  const again = await app.gql(
    `mutation($ids: [ID!]!) { reprocessLogs(ids: $ids) { id } }`,
    { ids: ['INVENTORY:amz:1048'] }
  )

  assert.equal(again.errors, undefined, JSON.stringify(again.errors))
  assert.equal(
    (await settled('INVENTORY:amz:1048', 'PENDING')).status,
    'PENDING'
  )
  allValid()
})

test('submissions go PENDING → SUCCESS or ERROR by themselves on the schedule', async () => {
  // Last: the schedules' clock moves (the worker's own stays).
  await app.settle()
  const pending = onAmazon()

  assert.deepEqual(
    (await Promise.all(pending.map((s) => log(`INVENTORY:amz:${s}`))))
      .filter((l) => l.status !== 'PENDING')
      .map((l) => l.id),
    []
  )
  // Amazon processes in 60 s; the follow-ups are due 5 min on.
  await advance(10 * 60_000)
  for (const s of pending) await settled(`INVENTORY:amz:${s}`, 'SUCCESS')

  // Amazon will find an issue in SKU 1033's next submission.
  await app.control('amazon/issues', { sku: '1033' })
  await app.control('vtex/stock', { skuId: '1033', quantity: 1 })
  await settled('INVENTORY:amz:1033', 'PENDING')
  await advance(10 * 60_000)
  const failed = await settled('INVENTORY:amz:1033', 'ERROR')

  assert.equal(failed.reason, 'AMAZON_LISTING_ISSUES')
  assert.match(failed.businessMessage, /main image/)
  allValid()
})
