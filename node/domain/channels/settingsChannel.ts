import type { OperationType } from '../../marketplaces/adapter'
import type { BridgeSettings, MarketplaceConfig } from '../settings'
import type { MarketplaceChannel } from './channel'

/**
 * The channel fields a marketplace's settings may hold (issue 16's shape puts
 * `affiliateId` and `salesChannel` beside `id`, `name` and `tabs`; the
 * settings page adds the trade policy's `currency` and, when it is not the
 * trade policy's own, a `priceTable`). Settings saved before issue 11 have
 * none of them.
 */
interface ChannelFields {
  affiliateId?: unknown
  salesChannel?: unknown
  priceTable?: unknown
  currency?: unknown
}

const text = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' ? String(v).trim() : ''

/**
 * What the connector contract can be told (docs/connector.md): products,
 * prices (inside the product update: its body carries the trade policy's
 * price, so a PRICE is sent as the product), their deactivation (the
 * product with `active: false`), stock and tracking.
 */
export const CONTRACT_OPERATIONS: readonly OperationType[] = [
  'PRODUCT',
  'PRICE',
  'STOCK',
  'DEACTIVATE',
  'TRACKING',
]

/** Currency of a trade policy whose currency the settings page has not saved yet. */
export const DEFAULT_CURRENCY = 'BRL'

export interface SettingsChannel extends MarketplaceChannel {
  /** ISO 4217 of the trade policy (saved with the settings); DEFAULT_CURRENCY until then. */
  currency: string
  /** The marketplace's tabs, as saved. */
  tracking: boolean
}

/**
 * THE reader of a marketplace's channel settings: everything else in the
 * bridge sees a marketplace's affiliate, trade policy, price table and
 * currency through this function, so the settings' shape is known here
 * only.
 *
 * A marketplace saved without an affiliate has `affiliateId` "" (no order
 * can be attributed to it, so it receives no order traffic); without a
 * trade policy, `salesChannel` "" (docs/channels.md, "Before the channel is
 * set").
 */
export function channelOf(m: MarketplaceConfig): SettingsChannel {
  const f = m as MarketplaceConfig & ChannelFields
  const priceTable = text(f.priceTable)

  return {
    marketplaceId: m.id,
    name: m.name,
    affiliateId: text(f.affiliateId).toUpperCase(),
    salesChannel: text(f.salesChannel),
    priceTable: priceTable || null,
    currency: text(f.currency).toUpperCase() || DEFAULT_CURRENCY,
    operations: CONTRACT_OPERATIONS,
    tabs: { PRODUCTS: m.tabs.PRODUCTS, INVENTORY: m.tabs.INVENTORY },
    tracking: m.tabs.TRACKING,
  }
}

/** Every configured marketplace as a channel, in the settings' order. */
export const channelsOf = (settings: BridgeSettings) =>
  settings.marketplaces.map(channelOf)

/** The marketplace's trade policy is set (its assortment, prices and stock can be read). */
export const hasTradePolicy = (c: MarketplaceChannel) => c.salesChannel !== ''
