/**
 * What an order's tracking update means on Amazon (pure). Amazon learns of
 * a seller-fulfilled order's journey from one shipment confirmation (carrier
 * and tracking number; Amazon follows the carrier itself), so only the
 * invoiced / handed-to-carrier update with a tracking number is sent. A
 * cancellation cannot be told through the Orders API: the store cancels in
 * Seller Central, and the log says so (ALERT).
 */
import type { AdapterOutcome } from '../adapter'
import type { TrackingPayload } from '../../domain/rules'

/** Amazon order ids are 3-7-7 digits. */
export const AMAZON_ORDER_ID_RE = /^\d{3}-\d{7}-\d{7}$/

export interface Shipment {
  orderId: string
  trackingNumber: string
  carrierName: string
  shipDate: string
  packageReferenceId: string
}

/** A positive number identifying the package in the order: the invoice number's digits. */
export function packageReferenceId(invoiceNumber: string | undefined) {
  const digits = (invoiceNumber ?? '').replace(/\D/g, '').replace(/^0+/, '')

  return digits ? digits.slice(-12) : '1'
}

/** The invoice's issuance as the ship date, never in the future; now when unreadable. */
export function shipDate(issuance: string | undefined, now: number) {
  const t = Date.parse(issuance ?? '')

  return new Date(Number.isNaN(t) || t > now ? now : t).toISOString()
}

const hostOf = (url: string | null | undefined) => {
  try {
    return url ? new URL(url).hostname : null
  } catch {
    return null
  }
}

/** Send a shipment confirmation, or the outcome without calling Amazon. */
export function trackingDecision(
  order: { orderId: string; marketplaceOrderId: string | null },
  update: TrackingPayload,
  now: number
): { confirm: Shipment } | { outcome: AdapterOutcome } {
  if (update.status === 'canceled') {
    return {
      outcome: {
        status: 'ALERT',
        reason: 'AMAZON_CANCEL_IN_SELLER_CENTRAL',
        params: { orderId: order.marketplaceOrderId ?? order.orderId },
        action: 'ORDER_ACTION_REQUIRED',
      },
    }
  }

  if (update.status !== 'invoiced' && update.status !== 'handed-to-carrier') {
    return {
      outcome: {
        status: 'SUCCESS',
        reason: 'AMAZON_TRACKING_NOT_SENT',
        params: { status: update.status },
      },
    }
  }

  const orderId = order.marketplaceOrderId?.trim() ?? ''

  if (!orderId)
    return {
      outcome: {
        status: 'ERROR',
        reason: 'AMAZON_ORDER_ID_MISSING',
        params: { orderId: order.orderId },
      },
    }
  if (!AMAZON_ORDER_ID_RE.test(orderId))
    return {
      outcome: {
        status: 'ERROR',
        reason: 'AMAZON_ORDER_ID_INVALID',
        params: { orderId },
      },
    }
  const trackingNumber = update.tracking?.number?.trim()

  if (!trackingNumber)
    return {
      outcome: {
        status: 'ERROR',
        reason: 'AMAZON_TRACKING_NUMBER_MISSING',
        params: { orderId },
      },
    }

  return {
    confirm: {
      orderId,
      trackingNumber,
      carrierName:
        update.tracking?.courier?.trim() ||
        hostOf(update.tracking?.url) ||
        'Other',
      shipDate: shipDate(update.invoice?.issuanceDate, now),
      packageReferenceId: packageReferenceId(update.invoice?.number),
    },
  }
}

export interface OrderItemsPage {
  items: Array<{ orderItemId: string; unshipped: number }>
  nextToken: string | null
}

/** getOrderItems' payload: each item's quantity not shipped yet; null when malformed. */
export function orderItemsPage(body: unknown): OrderItemsPage | null {
  const payload =
    body && typeof body === 'object'
      ? (body as { payload?: unknown }).payload
      : null

  const list =
    payload && typeof payload === 'object'
      ? (payload as { OrderItems?: unknown; NextToken?: unknown })
      : null

  if (!list || !Array.isArray(list.OrderItems)) return null
  const items: OrderItemsPage['items'] = []

  for (const raw of list.OrderItems as unknown[]) {
    const i = (raw ?? {}) as Record<string, unknown>
    const ordered = Number(i.QuantityOrdered)
    const shipped = Number(i.QuantityShipped ?? 0)

    if (typeof i.OrderItemId !== 'string' || !Number.isInteger(ordered))
      return null
    items.push({
      orderItemId: i.OrderItemId,
      unshipped: Math.max(
        0,
        ordered - (Number.isInteger(shipped) ? shipped : 0)
      ),
    })
  }

  return {
    items,
    nextToken:
      typeof list.NextToken === 'string' && list.NextToken
        ? list.NextToken
        : null,
  }
}

/** getOrder's MarketplaceId (which store the order was placed in). */
export function orderMarketplace(body: unknown): string | null {
  const payload =
    body && typeof body === 'object'
      ? (body as { payload?: { MarketplaceId?: unknown } }).payload
      : null

  return typeof payload?.MarketplaceId === 'string'
    ? payload.MarketplaceId
    : null
}
