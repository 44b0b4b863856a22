import type { BridgeSettings, MarketplaceConfig } from '../settings'
import { configuredFor } from '../settings'
import { orderMarketplace } from './orderMarketplace'
import { channelsOf } from './settingsChannel'
import type { OrderOrigin } from './vtexTypes'

/** Why an order's status goes to no marketplace. */
export type NoTargetReason =
  | 'OWN_CHANNEL'
  | 'UNKNOWN_AFFILIATE'
  | 'UNKNOWN_SALES_CHANNEL'
  | 'AMBIGUOUS_SALES_CHANNEL'
  /** Sold on a configured marketplace whose Tracking tab is off. */
  | 'TRACKING_OFF'

export type OrderTarget =
  | {
      marketplaceId: string
      /** The marketplace's own order id (OMS `marketplaceOrderId`); null when OMS has none. */
      marketplaceOrderId: string | null
    }
  | { marketplaceId: null; reason: NoTargetReason }

/**
 * The one marketplace an order's status changes go to (the order sold on
 * it), or none: the intake of OMS changes, the carrier refresh, the partner
 * interface and a reprocess all ask this. Only marketplaces with an
 * affiliate set take part — an order cannot be attributed to a marketplace
 * without one — and the winner must have its Tracking tab on. The choice is
 * made among all of them first (orderMarketplace), so turning Tracking off
 * on one never hands its orders to another sharing its trade policy.
 */
export function orderTarget(
  order: OrderOrigin,
  settings: BridgeSettings
): OrderTarget {
  const channels = channelsOf(settings).filter((c) => c.affiliateId !== '')
  const found = orderMarketplace(order, channels)

  if (!found.marketplace) return { marketplaceId: null, reason: found.reason }
  const channel = channels.find(
    (c) => c.marketplaceId === found.marketplace.marketplaceId
  )

  if (!channel?.tracking) return { marketplaceId: null, reason: 'TRACKING_OFF' }

  return {
    marketplaceId: channel.marketplaceId,
    marketplaceOrderId: found.marketplaceOrderId,
  }
}

/** Whether an order's status may go to this marketplace (a reprocess of an older log asks this). */
export const orderGoesTo = (
  order: OrderOrigin,
  settings: BridgeSettings,
  marketplaceId: string
) => orderTarget(order, settings).marketplaceId === marketplaceId

/**
 * The marketplace (none or one) an order's carrier and partner news go to:
 * the one it sold on, if it receives Tracking (services/carrier.ts); none
 * when OMS does not know the order.
 */
export function newsTargets(
  order: OrderOrigin | null,
  settings: BridgeSettings
): Array<{
  marketplace: MarketplaceConfig
  marketplaceOrderId: string | null
}> {
  const target = order ? orderTarget(order, settings) : null

  if (!target || 'reason' in target) return []
  const marketplace = configuredFor(settings, 'TRACKING', target.marketplaceId)

  return marketplace
    ? [{ marketplace, marketplaceOrderId: target.marketplaceOrderId }]
    : []
}
