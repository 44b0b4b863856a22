import type { OperationType } from '../../marketplaces/adapter'

/**
 * A configured marketplace seen as a VTEX channel: the affiliate VTEX puts on
 * its orders and the trade policy (sales channel) that decides what it sells,
 * at which price and from which warehouses. Built by the caller from the
 * bridge's settings (`marketplaces[i]`), so the decisions here do not depend
 * on the settings' shape.
 */
export interface MarketplaceChannel {
  /** The bridge's marketplace id (`mercadolivre`). */
  marketplaceId: string
  /** Display name, also matched against the order's `marketplace.name`. */
  name?: string
  /** VTEX affiliate code (`MLB`). */
  affiliateId: string
  /** Trade policy id (`"2"`). */
  salesChannel: string
  /** Price table read for this marketplace; VTEX's default is the trade policy id. */
  priceTable?: string | null
  /** Operations the marketplace's adapter performs (PRICE only where it takes prices). Default: all. */
  operations?: readonly OperationType[]
  /** Tabs enabled for this marketplace. Default: both. */
  tabs?: { PRODUCTS?: boolean; INVENTORY?: boolean }
}

/** The price table to read for a marketplace (its own, else its trade policy's). */
export const priceTableOf = (m: MarketplaceChannel) =>
  m.priceTable?.trim() ? m.priceTable.trim() : m.salesChannel

/** Affiliate codes compare as VTEX shows them: three upper-case letters. */
export const sameAffiliate = (a: string | null | undefined, b: string) =>
  Boolean(a) && String(a).trim().toUpperCase() === b.trim().toUpperCase()

export const takes = (m: MarketplaceChannel, op: OperationType) =>
  !m.operations || m.operations.includes(op)
