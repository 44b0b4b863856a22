/**
 * TRACKING on Amazon: the order's items that are not shipped yet
 * (getOrderItems, every page), then one shipment confirmation with the
 * carrier and tracking number. When every item is already shipped (the
 * update was sent before) it is a SUCCESS without a second confirmation.
 */
import type { AdapterOutcome, Operation } from '../adapter'
import { errorOutcome, malformed } from './answers'
import { orderItemsPage, orderMarketplace, trackingDecision } from './orders'
import { confirmShipment, getOrder, getOrderItems } from './requests'
import type { AmazonSession } from './session'
import type { AmazonConfig } from './settings'

/** getOrderItems pages read at most (100 items each): a bound, not a real limit. */
const MAX_PAGES = 20

const ok = (s: number | null) => s != null && s >= 200 && s < 300

async function marketplaceOf(
  c: AmazonConfig,
  orderId: string,
  session: AmazonSession,
  now: () => number
): Promise<{ marketplaceId: string } | { outcome: AdapterOutcome }> {
  // One configured store: the order was placed there; several: ask the order.
  if (c.marketplaceIds.length === 1)
    return { marketplaceId: c.marketplaceIds[0] }
  const r = await session.call(getOrder(c, orderId))

  if ('outcome' in r) return r
  if (!ok(r.response.status))
    return { outcome: errorOutcome(r.response, now(), r.retryHintMs) }
  const marketplaceId = orderMarketplace(r.response.body)

  return marketplaceId
    ? { marketplaceId }
    : { outcome: malformed('Amazon answered the order without MarketplaceId') }
}

export async function sendTracking(
  op: Extract<Operation, { type: 'TRACKING' }>,
  c: AmazonConfig,
  session: AmazonSession,
  now: () => number
): Promise<AdapterOutcome> {
  const decision = trackingDecision(op.order, op.update, now())

  if ('outcome' in decision) return decision.outcome
  const { confirm } = decision
  const items: Array<{ orderItemId: string; quantity: number }> = []
  let nextToken: string | null = null

  for (let page = 0; page < MAX_PAGES; page++) {
    const r = await session.call(getOrderItems(c, confirm.orderId, nextToken))

    if ('outcome' in r) return r.outcome
    if (!ok(r.response.status))
      return errorOutcome(r.response, now(), r.retryHintMs)
    const parsed = orderItemsPage(r.response.body)

    if (!parsed)
      return malformed('Amazon answered the order items without OrderItems')
    for (const i of parsed.items)
      if (i.unshipped > 0)
        items.push({ orderItemId: i.orderItemId, quantity: i.unshipped })
    nextToken = parsed.nextToken
    if (!nextToken) break
  }

  if (!items.length) {
    return {
      status: 'SUCCESS',
      reason: 'AMAZON_ALREADY_SHIPPED',
      params: { orderId: confirm.orderId },
    }
  }

  const store = await marketplaceOf(c, confirm.orderId, session, now)

  if ('outcome' in store) return store.outcome
  const r = await session.call(
    confirmShipment(c, confirm.orderId, {
      marketplaceId: store.marketplaceId,
      packageReferenceId: confirm.packageReferenceId,
      carrierName: confirm.carrierName,
      trackingNumber: confirm.trackingNumber,
      shipDate: confirm.shipDate,
      orderItems: items,
    })
  )

  if ('outcome' in r) return r.outcome
  if (!ok(r.response.status))
    return errorOutcome(r.response, now(), r.retryHintMs)

  return {
    status: 'SUCCESS',
    reason: 'AMAZON_SHIPMENT_CONFIRMED',
    params: {
      orderId: confirm.orderId,
      trackingNumber: confirm.trackingNumber,
    },
  }
}
