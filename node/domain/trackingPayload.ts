/**
 * What the bridge tells a marketplace about an order (the Tracking tab), and
 * the statuses it knows, in workflow order.
 */

/** Statuses the bridge sends, in workflow order. VTEX's workflow ends at invoiced. */
export const TRACKING_STATUSES = [
  'payment-approved',
  'handling',
  'invoiced',
  // Beyond Invoiced: only from the carrier or a logistics partner (carrier.ts).
  'handed-to-carrier',
  'in-transit',
  'delivered',
  'canceled',
] as const
export type TrackingStatus = (typeof TRACKING_STATUSES)[number]

export interface TrackingPayload {
  status: TrackingStatus
  /** VTEX's order id (the log's id). */
  orderId?: string
  /** The marketplace's own id of the order (OMS `marketplaceOrderId`): the order the marketplace knows. */
  marketplaceOrderId?: string | null
  invoice?: {
    number: string
    key: string | null
    value: number
    issuanceDate: string
    url: string | null
  }
  tracking?: {
    number: string | null
    url: string | null
    courier: string | null
  }
  /** Carrier events, oldest first (statuses beyond Invoiced). */
  events?: Array<{
    status: string
    date: string
    city: string
    state: string
    description: string
  }>
}

/** The order id a marketplace knows an order by: its own, else VTEX's (when OMS has none). */
export const orderRefOf = (payload: unknown, vtexOrderId: string) => {
  const own = (payload as TrackingPayload | null)?.marketplaceOrderId

  return typeof own === 'string' && own.trim() ? own.trim() : vtexOrderId
}
