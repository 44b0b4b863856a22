import type { MarketplaceChannel } from './channel'
import { sameAffiliate } from './channel'
import type { OrderOrigin } from './vtexTypes'

export type OrderChannel =
  | {
      marketplace: MarketplaceChannel
      /** The marketplace's own order id (OMS `marketplaceOrderId`); null when OMS has none. */
      marketplaceOrderId: string | null
      matchedBy: 'affiliateId' | 'salesChannel' | 'marketplaceName'
    }
  | {
      marketplace: null
      /**
       * OWN_CHANNEL: closed in the store's own checkout (site, telesales…);
       * UNKNOWN_AFFILIATE: sold through an affiliate no configured marketplace uses;
       * UNKNOWN_SALES_CHANNEL / AMBIGUOUS_SALES_CHANNEL: placed by another store
       * without an affiliate, and its trade policy names no / several marketplaces.
       */
      reason:
        | 'OWN_CHANNEL'
        | 'UNKNOWN_AFFILIATE'
        | 'UNKNOWN_SALES_CHANNEL'
        | 'AMBIGUOUS_SALES_CHANNEL'
    }

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')
const fold = (v: unknown) => text(v).toLowerCase()

/**
 * Which configured marketplace an OMS order was sold on, from the order's own
 * data (docs/channels.md, "Which order goes where"):
 *
 * 1. `affiliateId`, when set, decides alone: VTEX gives every marketplace a
 *    unique affiliate code and stamps it on the orders that marketplace
 *    places. An affiliate no configured marketplace uses means the order
 *    belongs to a marketplace the bridge does not serve (never to another one
 *    that happens to share its trade policy).
 * 2. Without an affiliate, an order placed by another store (`origin`
 *    Fulfillment or Chain) is matched by its trade policy (`salesChannel`),
 *    when exactly one configured marketplace uses it; several → the order's
 *    `marketplace.name` must name one of them (id or name, case-insensitive);
 *    otherwise it is not guessed.
 * 3. Anything else (`origin` Marketplace: the store's own checkout) is the
 *    store's own channel: no marketplace.
 *
 * The marketplace's order id is OMS's `marketplaceOrderId`. VTEX's OpenAPI
 * documents no derivation of it from VTEX's own order id, so none is made:
 * null when OMS has none.
 */
export function orderMarketplace(
  order: OrderOrigin,
  marketplaces: readonly MarketplaceChannel[]
): OrderChannel {
  const marketplaceOrderId = text(order.marketplaceOrderId) || null
  const affiliateId = text(order.affiliateId)

  if (affiliateId) {
    const m = marketplaces.find((x) =>
      sameAffiliate(affiliateId, x.affiliateId)
    )

    return m
      ? { marketplace: m, marketplaceOrderId, matchedBy: 'affiliateId' }
      : { marketplace: null, reason: 'UNKNOWN_AFFILIATE' }
  }

  const origin = text(order.origin)

  if (origin !== 'Fulfillment' && origin !== 'Chain')
    return { marketplace: null, reason: 'OWN_CHANNEL' }

  const channel = text(order.salesChannel)
  const candidates = channel
    ? marketplaces.filter((m) => m.salesChannel.trim() === channel)
    : []

  if (candidates.length === 1)
    return {
      marketplace: candidates[0],
      marketplaceOrderId,
      matchedBy: 'salesChannel',
    }
  if (candidates.length === 0)
    return { marketplace: null, reason: 'UNKNOWN_SALES_CHANNEL' }

  const named = fold(order.marketplace?.name)
  const byName = named
    ? candidates.filter(
        (m) => fold(m.marketplaceId) === named || fold(m.name) === named
      )
    : []

  return byName.length === 1
    ? {
        marketplace: byName[0],
        marketplaceOrderId,
        matchedBy: 'marketplaceName',
      }
    : { marketplace: null, reason: 'AMBIGUOUS_SALES_CHANNEL' }
}
