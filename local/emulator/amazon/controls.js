'use strict'

/**
 * The local Amazon's console, under /_emulator/amazon on the emulator's own host:
 *   GET  /_emulator/amazon                 counters (requests, invalid requests and answers, 429s, tokens)
 *   GET  /_emulator/amazon/received        the last requests (?limit=)
 *   GET  /_emulator/amazon/notifications   LISTINGS_ITEM_ISSUES_CHANGE notifications Amazon would send
 *   GET  /_emulator/amazon/listing?sku=    one listing as stored
 *   POST /_emulator/amazon/expire-tokens   every access token expires now
 *   POST /_emulator/amazon/throttle        { operation, rate?, burst?, next? } plan change / next N answers 429
 *   POST /_emulator/amazon/issues          { sku, issues? } issues of the SKU's next processed submission
 *   POST /_emulator/amazon/review          { sku, underReview } listing held for review (not buyable)
 *   POST /_emulator/amazon/outage          { down } every SP-API call answers 503
 *   POST /_emulator/amazon/processing      { delayMs } how long Amazon takes to process a submission
 *   POST /_emulator/amazon/order           { orderId, items: [{ sku, quantity }] } a new unshipped order
 */
const { AMAZON_SEED } = require('./seed')

const SAMPLE_ISSUE = {
  code: '18027',
  message:
    'We believe the main image has text, logo, graphic, or watermark that is not permitted for this product type. Submit a compliant image to lift the suppression.',
  severity: 'ERROR',
  categories: ['INVALID_IMAGE'],
  enforcements: {
    actions: [{ action: 'SEARCH_SUPPRESSED' }],
    exemption: { status: 'NOT_EXEMPT' },
  },
}

const normalIssue = (i) => ({
  code: String(i.code || '99999'),
  message: String(i.message || 'Issue'),
  severity: ['ERROR', 'WARNING', 'INFO'].includes(i.severity)
    ? i.severity
    : 'ERROR',
  categories: Array.isArray(i.categories) ? i.categories : [],
  ...(Array.isArray(i.attributeNames)
    ? { attributeNames: i.attributeNames }
    : {}),
  ...(i.enforcements ? { enforcements: i.enforcements } : {}),
})

const send = (res, status, json) => {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(json))
}

/** The same controls as methods, for tests and the console route. */
const actions = {
  'expire-tokens': (emu) => {
    emu.lwa.expireAll()

    return { expired: emu.lwa.tokens.size }
  },
  throttle: (emu, { operation, rate, burst, next }) => {
    if (!emu.models.operations.some((o) => o.id === operation))
      throw new Error(`Unknown operation ${operation}`)
    if (rate != null || burst != null)
      emu.plans.override(operation, { rate, burst })
    if (next != null) emu.plans.force(operation, next)

    return {
      operation,
      plan: emu.plans.plan(operation),
      next: emu.plans.forced.get(operation) || 0,
    }
  },
  issues: (emu, { sku, sellerId = AMAZON_SEED.sellerId, issues }) => {
    if (!sku) throw new Error('sku is required')
    const list = (
      Array.isArray(issues) && issues.length ? issues : [SAMPLE_ISSUE]
    ).map(normalIssue)

    emu.listings.queueIssues(sellerId, String(sku), list)

    return { sku, issues: list }
  },
  review: (
    emu,
    { sku, sellerId = AMAZON_SEED.sellerId, underReview = true }
  ) => {
    if (!emu.listings.setReview(sellerId, String(sku), underReview))
      throw new Error(`No listing for SKU ${sku}`)

    return { sku, underReview: Boolean(underReview) }
  },
  outage: (emu, { down = true }) => {
    emu.outage = Boolean(down)

    return { down: emu.outage }
  },
  processing: (emu, { delayMs }) => {
    if (!(Number(delayMs) >= 0))
      throw new Error('delayMs must be a number of ms')
    emu.listings.processingMs = Number(delayMs)

    return { delayMs: emu.listings.processingMs }
  },
  order: (
    emu,
    {
      orderId,
      items,
      sellerId = AMAZON_SEED.sellerId,
      marketplaceId = AMAZON_SEED.marketplaceId,
    }
  ) => {
    if (!/^\d{3}-\d{7}-\d{7}$/.test(String(orderId)))
      throw new Error('orderId must be an Amazon order id (3-7-7 digits)')
    if (!Array.isArray(items) || !items.length)
      throw new Error('items are required')

    return emu.orders.add({ orderId, sellerId, marketplaceId, items })
  },
}

function control(emu, req, res, ctx) {
  const sub = ctx.pathname.replace(/^\/_emulator\/amazon\/?/, '')

  if (req.method === 'GET') {
    if (sub === '') return send(res, 200, emu.summary())
    if (sub === 'received')
      return send(
        res,
        200,
        emu.received.slice(-(Number(ctx.query.get('limit')) || 50))
      )
    if (sub === 'notifications')
      return send(res, 200, emu.listings.notifications)
    if (sub === 'listing') {
      const l = emu.listings.get(
        ctx.query.get('sellerId') || AMAZON_SEED.sellerId,
        ctx.query.get('sku') || ''
      )

      return l
        ? send(res, 200, l)
        : send(res, 404, { message: 'No such listing' })
    }
  }

  const action = req.method === 'POST' && actions[sub]

  if (!action)
    return send(res, 404, { message: `Unknown Amazon control ${sub}` })
  try {
    const body =
      ctx.body && ctx.body.length ? JSON.parse(ctx.body.toString('utf8')) : {}

    return send(res, 200, action(emu, body))
  } catch (e) {
    return send(res, 400, { message: e.message })
  }
}

module.exports = { control, actions, SAMPLE_ISSUE }
