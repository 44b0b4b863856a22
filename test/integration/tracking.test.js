'use strict'

/**
 * Tracking beyond Invoiced through the real worker and the emulator: the
 * carrier followed every 6 h for 12.5 simulated days until delivered in OMS
 * and at the marketplaces, and the partner interface (auth, validation,
 * replays, an invoice number VTEX cannot address).
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp } = require('../helpers')
const { PARTNER_TOKEN } = require('../../local/seed')

const DETAIL = `query($id: ID!) { integrationLog(id: $id) {
  id status message payload timeline { at kind status description source }
} }`

let app

test.before(async () => {
  app = await startApp({ perTab: 20, eventDelayMs: 50 })
})

test.after(async () => {
  await app.stop()
})

const ok = (r) => {
  assert.equal(r.errors, undefined, JSON.stringify(r.errors))

  return r.data
}

const detail = async (id) => ok(await app.gql(DETAIL, { id })).integrationLog

/**
 * Moves the schedules' clock: the emulated VTEX scheduler then calls the
 * maintenance route the app registered with it (once per move), and the
 * control answers when that call was answered.
 */
const advance = async (hours) => {
  const before = app.emulator.scheduler.calls.length

  await app.control('clock', { advanceHours: hours })
  const calls = app.emulator.scheduler.calls.slice(before)

  // Once for the move (the real-time minute may add another).
  assert.ok(calls.length >= 1, 'the schedule called the maintenance route')
  assert.ok(
    calls.every((c) => c.status === 200),
    JSON.stringify(calls)
  )
}

/** An ISO date `days` before the schedules' clock (partner events must be plausible). */
const daysAgo = (days, hour = 10) => {
  const d = new Date(app.emulator.clock.now() - days * 86_400_000)

  d.setUTCHours(hour, 0, 0, 0)

  return d.toISOString()
}

const orderOf = async (id) => {
  const { orders } = await app.control('vtex')

  return orders.find((o) => o.id === id)
}

/** A seeded order not yet invoiced, sold on the marketplace of this affiliate (docs/channels.md), or anywhere. */
async function anOrderSoldOn(affiliate = null) {
  const { orders } = await app.control('vtex')

  return orders.find(
    (o) =>
      o.status !== 'invoiced' &&
      o.status !== 'canceled' &&
      (!affiliate || o.soldOn === affiliate)
  )
}

/** Each order's news goes to the marketplace it was sold on, under that marketplace's order id. */
const marketplaceOrderIdOf = async (orderId) =>
  (await orderOf(orderId)).marketplaceOrderId

async function invoiceAnOrder(
  trackingNumber,
  invoiceNumber = `NF${trackingNumber}`,
  affiliate = null
) {
  const target = await anOrderSoldOn(affiliate)

  assert.ok(target, 'the seed has an order to invoice')
  await app.control('vtex/order', {
    orderId: target.id,
    status: 'invoiced',
    invoice: {
      invoiceNumber,
      invoiceKey: '35261100000000000000550010000999',
      trackingNumber,
      trackingUrl: null,
      courier: 'Loggi',
    },
  })
  await app.settle()

  return target.id
}

test('an invoiced order is followed every 6 h for 12.5 simulated days until delivered in OMS and at the marketplaces', async () => {
  const orderId = await invoiceAnOrder('TRK777', 'NFTRK777', 'MLB')
  const logId = `TRACKING:mercadolivre:${orderId}`

  assert.equal((await detail(logId)).timeline.at(-1).status, 'invoiced')
  const carrierRequests = app.emulator.carrier.requests

  // 300 h in steps of 6 h, each followed by the scheduler's call.
  for (let h = 0; h < 300; h += 6) await advance(6)

  await app.settle()
  // Delivered at 200 h: checked at 6, 12, …, 204 h, then no more.
  assert.equal(app.emulator.carrier.requests - carrierRequests, 34)

  const pkg =
    app.emulator.vtex.data.orders[orderId].packageAttachment.packages[0]

  assert.equal(pkg.trackingNumber, 'TRK777')
  assert.equal(pkg.trackingUrl, 'https://rastreio.sandbox.local/TRK777')
  assert.equal(pkg.courier, 'Loggi')
  assert.equal(pkg.courierStatus.finished, true)
  assert.match(
    pkg.courierStatus.deliveredDate,
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/
  )
  assert.equal(pkg.courierStatus.data.length, 4)

  const accepted = (
    await app.accepted('orders', await marketplaceOrderIdOf(orderId))
  ).filter((a) => a.marketplace === 'mercadolivre')

  assert.deepEqual(
    accepted.map((a) => a.body.status),
    ['invoiced', 'handed-to-carrier', 'in-transit', 'in-transit', 'delivered']
  )

  const log = await detail(logId)

  assert.equal(log.status, 'SUCCESS')
  // (After what the seed recorded for the order before.)
  assert.deepEqual(log.timeline.map((e) => `${e.kind}:${e.status}`).slice(-5), [
    'STATUS_SENT:invoiced',
    'CARRIER_EVENT:handed-to-carrier',
    'CARRIER_EVENT:in-transit',
    'CARRIER_EVENT:in-transit',
    'DELIVERED:delivered',
  ])
  const omsLog = await detail(`TRACKING:vtex-oms:${orderId}`)

  assert.equal(omsLog.status, 'SUCCESS')
  assert.match(omsLog.message, /delivered/)
  assert.equal((await orderOf(orderId)).status, 'invoiced')
})

const partner = (body, token = PARTNER_TOKEN) =>
  fetch(`${app.shellUrl}/_v/marketplace-bridge/partner/tracking`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

test('partner interface: refused without the token, validated, replays change nothing', async () => {
  const orderId = await invoiceAnOrder('TRK888', 'NFTRK888', 'MZN')
  const delivered = daysAgo(4, 15)
  const events = [
    {
      status: 'handed-to-carrier',
      date: daysAgo(6),
      city: 'Cajamar',
      state: 'SP',
      description: 'Entregue à transportadora',
    },
    {
      status: 'delivered',
      date: delivered,
      city: 'Campinas',
      state: 'SP',
      description: 'Entregue',
    },
  ]

  assert.equal(
    (await partner({ orderId, invoiceNumber: 'NFTRK888', events }, null))
      .status,
    401
  )
  assert.equal(
    (
      await partner(
        { orderId, invoiceNumber: 'NFTRK888', events },
        'wrong-token-0123456789'
      )
    ).status,
    401
  )
  const bad = await partner({
    orderId,
    invoiceNumber: 'NFTRK888',
    events: [{ status: 'lost', date: 'x' }],
  })

  assert.equal(bad.status, 400)
  assert.deepEqual((await bad.json()).error.fields, [
    {
      field: 'events.0.status',
      code: 'UNKNOWN',
      params: { allowed: 'handed-to-carrier, in-transit, delivered' },
    },
    { field: 'events.0.date', code: 'INVALID_DATE' },
  ])
  assert.equal((await partner('{not json')).status, 400)
  // An order OMS does not know: 404, nothing sent anywhere.
  const unknown = await partner({
    orderId: 'NOPE-0001',
    invoiceNumber: 'NFTRK888',
    events,
  })

  assert.equal(unknown.status, 404)
  assert.equal((await unknown.json()).error.reason, 'ORDER_NOT_FOUND')

  const first = await partner({ orderId, invoiceNumber: 'NFTRK888', events })

  assert.equal(first.status, 200)
  assert.deepEqual(await first.json(), { orderId, applied: 2, delivered: true })
  await app.settle()
  const omsCalls = app.emulator.vtex.reads
  const replay = await partner({ orderId, invoiceNumber: 'NFTRK888', events })

  assert.deepEqual(await replay.json(), {
    orderId,
    applied: 0,
    delivered: true,
  })
  assert.equal(app.emulator.vtex.reads, omsCalls)
  const pkg =
    app.emulator.vtex.data.orders[orderId].packageAttachment.packages[0]

  assert.equal(pkg.courierStatus.finished, true)
  assert.equal(
    pkg.courierStatus.deliveredDate,
    delivered.slice(0, 16).replace('T', ' ')
  )
  const log = await detail(`TRACKING:amazon:${orderId}`)

  assert.deepEqual(
    log.timeline
      .filter((e) => e.source === 'PARTNER' || e.kind === 'DELIVERED')
      .map((e) => e.status),
    ['handed-to-carrier', 'delivered']
  )
})

test('an invoice number with "/" is logged with the reason and the partner hears it', async () => {
  const orderId = await invoiceAnOrder('TRK999', '12345/1')
  const res = await partner({
    orderId,
    invoiceNumber: '12345/1',
    events: [
      {
        status: 'in-transit',
        date: daysAgo(1),
        city: 'Jundiaí',
        state: 'SP',
        description: 'Em trânsito',
      },
    ],
  })

  assert.equal(res.status, 422)
  const { error } = await res.json()

  assert.equal(error.reason, 'INVOICE_NOT_ADDRESSABLE')
  assert.match(error.message, /contains "\/"/)
  const log = await detail(`TRACKING:vtex-oms:${orderId}`)

  assert.equal(log.status, 'ERROR')
  assert.match(log.message, /cannot address it/)
})

const SETTINGS = `{ bridgeSettings { carrierRefreshHours hasPartnerToken hasCarrierToken marketplaces { id hasToken }
  vtexTracking { enabled username hasToken onlyWithInvoiceFile statusUpdates validatedAt } } }`

const SAVE = `mutation($input: BridgeSettingsInput!) { saveBridgeSettings(input: $input) {
  carrierRefreshHours vtexTracking { enabled username hasToken validatedAt } } }`

test('settings: secrets never come back; VTEX Tracking token checked before saving', async () => {
  const before = ok(await app.gql(SETTINGS)).bridgeSettings

  assert.equal(before.hasPartnerToken, true)
  assert.equal(before.hasCarrierToken, true)
  assert.ok(before.marketplaces.every((m) => m.hasToken))

  const refused = await app.gql(SAVE, {
    input: {
      carrierRefreshHours: 4,
      vtexTrackingEnabled: true,
      vtexTrackingUsername: 'loja',
      vtexTrackingToken: 'wrong-token',
    },
  })

  assert.match(refused.errors[0].message, /VTEX Tracking did not accept/)
  // Nothing was saved, not even the valid part.
  assert.equal(
    ok(await app.gql(SETTINGS)).bridgeSettings.carrierRefreshHours,
    6
  )

  const saved = ok(
    await app.gql(SAVE, {
      input: {
        vtexTrackingEnabled: true,
        vtexTrackingUsername: 'loja',
        vtexTrackingToken: 'sandbox-vtex-tracking-token',
      },
    })
  ).saveBridgeSettings

  assert.equal(saved.vtexTracking.enabled, true)
  assert.equal(saved.vtexTracking.hasToken, true)
  assert.ok(saved.vtexTracking.validatedAt)
  const raw = JSON.stringify(ok(await app.gql(SETTINGS)))

  assert.doesNotMatch(
    raw,
    /sandbox-vtex-tracking-token|local-partner-token|sandbox-carrier-token/
  )
})

test('VTEX Tracking: invoiced native orders are imported and logged', async () => {
  const imported = app.emulator.vtexTracking.imported.length
  const orderId = await invoiceAnOrder('TRK555')

  assert.equal(app.emulator.vtexTracking.imported.length, imported + 1)
  const service = app.emulator.vtexTracking.imported.at(-1)

  assert.equal(service.orderNumber, orderId)
  assert.equal(service.invoiceOrderOfService, 'NFTRK555')
  assert.equal(service.shipperCustomer.legalType, 'PF')
  const log = await detail(`TRACKING:vtex-tracking:${orderId}`)

  assert.equal(log.status, 'SUCCESS')
})

const external = (body, token = PARTNER_TOKEN) =>
  fetch(`${app.shellUrl}/_v/marketplace-bridge/tracking/orders`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })

test('VTEX Tracking: external orders through the API, routed-outside ones only once routed', async () => {
  const order = {
    orderId: 'ERP-1001',
    invoiceNumber: '778899',
    routing: 'EXTERNAL',
    routed: false,
    customer: {
      firstName: 'Loja',
      lastName: 'Física',
      street: 'Rua das Flores',
      number: '10',
      city: 'Curitiba',
      state: 'PR',
      postalCode: '80010-000',
    },
  }

  assert.equal((await external(order, null)).status, 401)
  assert.equal((await external({ ...order, customer: {} })).status, 400)
  const imported = app.emulator.vtexTracking.imported.length
  const waiting = await external(order)

  assert.equal(waiting.status, 202)
  assert.deepEqual(await waiting.json(), {
    orderId: 'ERP-1001',
    result: 'WAITING_FOR_ROUTING',
  })
  assert.equal(app.emulator.vtexTracking.imported.length, imported)
  const routed = await external({ ...order, routed: true })

  assert.equal(routed.status, 200)
  assert.equal(app.emulator.vtexTracking.imported.length, imported + 1)
  assert.equal(
    (await detail('TRACKING:vtex-tracking:ERP-1001')).status,
    'SUCCESS'
  )
})

test('VTEX Tracking status updates: an imported order without a carrier tracking number ends delivered in OMS and at the marketplaces', async () => {
  const target = await anOrderSoldOn('MGL')

  await app.control('vtex/order', {
    orderId: target.id,
    status: 'invoiced',
    invoice: { invoiceNumber: 'NF-VT-1', trackingNumber: null, courier: null },
  })
  await app.settle()
  assert.equal(
    (await detail(`TRACKING:vtex-tracking:${target.id}`)).status,
    'SUCCESS'
  )

  for (let h = 0; h < 96; h += 6) await advance(6)

  await app.settle()
  const pkg =
    app.emulator.vtex.data.orders[target.id].packageAttachment.packages[0]

  assert.equal(pkg.courier, 'VTEX Tracking')
  assert.match(pkg.trackingNumber, /^\d+$/)
  assert.equal(pkg.courierStatus.finished, true)
  const accepted = (
    await app.accepted('orders', target.marketplaceOrderId)
  ).filter((a) => a.marketplace === 'magalu')

  assert.deepEqual(
    accepted.map((a) => a.body.status),
    ['invoiced', 'in-transit', 'delivered']
  )
})

const REPROCESS = `mutation($ids: [ID!]!) { reprocessLogs(ids: $ids) { id status } }`
const HISTORY = `query($id: ID!) { integrationLog(id: $id) { status message attempts history { trigger status } } }`

test('an OMS log is reprocessed like any log: the update is redone, and fails again with its reason', async () => {
  // A partner update with an invoice number VTEX cannot address: an OMS error.
  const orderId = await invoiceAnOrder('TRK4242', '4242/1')

  await partner({
    orderId,
    invoiceNumber: '4242/1',
    events: [
      {
        status: 'in-transit',
        date: daysAgo(1),
        city: 'Jundiaí',
        state: 'SP',
        description: 'Em trânsito',
      },
    ],
  })
  const errorId = `TRACKING:vtex-oms:${orderId}`

  assert.equal((await detail(errorId)).status, 'ERROR')

  const queued = ok(await app.gql(REPROCESS, { ids: [errorId] })).reprocessLogs

  assert.equal(queued[0].status, 'QUEUED')
  await app.settle()
  const log = ok(await app.gql(HISTORY, { id: errorId })).integrationLog

  assert.equal(log.status, 'ERROR')
  assert.equal(log.history[0].trigger, 'REPROCESS')
  assert.match(log.message, /cannot address it|No carrier events/)
})
