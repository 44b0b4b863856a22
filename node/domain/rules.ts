import type {
  InventoryBalance,
  OmsOrder,
  BroadcasterNotification,
} from './vtex'
import { invoicedPackage } from './vtex'
import type { TrackingPayload, TrackingStatus } from './trackingPayload'
import { TRACKING_STATUSES } from './trackingPayload'

export type { ProductPayload } from './product'
export { channelProductOf, productPayload, productPayloadOf } from './product'
export type { TrackingPayload, TrackingStatus } from './trackingPayload'
export { TRACKING_STATUSES } from './trackingPayload'

/** Stock-only changes are exported when the balance before or after is at most this. */
export const STOCK_THRESHOLD = 5

/** An update reaching the marketplace later than this after the change is abnormal. */
export const ABNORMAL_LATENCY_MS = 60 * 60 * 1000

/**
 * Which tabs a catalog notification feeds. A notification with only
 * StockModified is a stock-only change (the ≤ 5 rule applies to it);
 * anything else about the SKU is a product change, and a stock change that
 * comes with it is exported as it is.
 */
export function tabsForCatalogChange(n: BroadcasterNotification) {
  const productChanged = Boolean(
    n.HasStockKeepingUnitModified ||
      n.PriceModified ||
      n.HasStockKeepingUnitRemovedFromAffiliate ||
      n.IsActive === false
  )

  return {
    products: productChanged,
    inventory: Boolean(n.StockModified),
    stockOnly: Boolean(n.StockModified) && !productChanged,
  }
}

/**
 * The documented rule: a stock-only change is exported only when the balance
 * before *or* after is ≤ 5 (16→60 is not sent; 0→23 and 15→2 are). `before`
 * is the last balance exported to that marketplace; unknown means export.
 */
export function shouldExportStock(
  before: number | null,
  after: number,
  threshold = STOCK_THRESHOLD
) {
  if (before == null) return true

  return before <= threshold || after <= threshold
}

/**
 * The balance a marketplace last accepted for a stock log (`lastAccepted` of
 * an INVENTORY log is an InventoryPayload); null when unknown.
 */
export function lastAcceptedQuantity(
  log: { lastAccepted: unknown } | null | undefined
): number | null {
  const accepted = log?.lastAccepted

  if (!accepted || typeof accepted !== 'object') return null
  const { quantity } = accepted as Record<string, unknown>

  return typeof quantity === 'number' && Number.isFinite(quantity)
    ? quantity
    : null
}

/** Reached the marketplace more than an hour after the change in VTEX. */
export function isAbnormal(
  changedAt: string | null | undefined,
  acceptedAt: string,
  limitMs = ABNORMAL_LATENCY_MS
) {
  if (!changedAt) return false

  return Date.parse(acceptedAt) - Date.parse(changedAt) > limitMs
}

// ---------------------------------------------------------------- payloads

export interface InventoryPayload {
  quantity: number
}

/** Units available to sell: total minus reserved in every warehouse. */
export function inventoryPayload(
  inventory: InventoryBalance,
  unlimited = 9999
): InventoryPayload {
  let quantity = 0

  for (const b of inventory.balance ?? []) {
    quantity += b.hasUnlimitedQuantity
      ? unlimited
      : Math.max(0, b.totalQuantity - b.reservedQuantity)
  }

  return { quantity }
}

// ---------------------------------------------------------------- tracking

const FROM_VTEX: Record<string, TrackingStatus> = {
  'payment-approved': 'payment-approved',
  'ready-for-handling': 'handling',
  'start-handling': 'handling',
  handling: 'handling',
  invoiced: 'invoiced',
  canceled: 'canceled',
}

/** Statuses only the carrier or a partner can report. */
export const isBeyondInvoiced = (status: unknown) =>
  status === 'handed-to-carrier' ||
  status === 'in-transit' ||
  status === 'delivered'

export type TrackingDecision =
  | { send: TrackingPayload }
  | { skip: string }
  | { invalid: string }

/**
 * What to tell the marketplace about an order. Only the workflow's own
 * statuses up to Invoiced (and Canceled) are sent; "handed to carrier" and
 * "delivered" are never invented from VTEX's workflow: they come from the
 * partner interface.
 */
export function trackingUpdate(order: OmsOrder): TrackingDecision {
  const status = FROM_VTEX[order.status]

  if (!status)
    return {
      skip: `Order status "${order.status}" is not sent to marketplaces`,
    }
  if (status !== 'invoiced') return { send: { status } }
  const pkg = invoicedPackage(order)

  if (!pkg?.invoiceNumber) {
    return {
      invalid: `Order ${order.orderId} is invoiced but OMS has no invoice for it`,
    }
  }

  return {
    send: {
      status,
      invoice: {
        number: pkg.invoiceNumber,
        key: pkg.invoiceKey ?? null,
        value: pkg.invoiceValue ?? 0,
        issuanceDate: pkg.issuanceDate ?? '',
        url: pkg.invoiceUrl ?? null,
      },
      tracking: {
        number: pkg.trackingNumber || null,
        url: pkg.trackingUrl || null,
        courier: pkg.courier || null,
      },
    },
  }
}

const rank = (s: unknown) => TRACKING_STATUSES.indexOf(s as TrackingStatus)

/** A status older than the one the marketplace already accepted is not sent again. */
export function isTrackingRegression(
  lastAccepted: unknown,
  next: TrackingPayload
) {
  const last = (lastAccepted as TrackingPayload | null)?.status

  if (!last) return false
  if (last === 'canceled') return next.status !== 'canceled'

  return rank(next.status) < rank(last)
}
