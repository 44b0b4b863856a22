import type { OperationType } from '../../marketplaces/adapter'
import { adapterOf } from '../../marketplaces/registry'
import type { BridgeSettings, MarketplaceConfig } from '../settings'
import type { MarketplaceChannel } from './channel'

const text = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' ? String(v).trim() : ''

/**
 * What a marketplace is told about a SKU, from the operations its adapter
 * performs: a Produtos job always sends the product carrying the trade
 * policy's price, and a SKU that left the trade policy is deactivated
 * through the adapter's DEACTIVATE, or else as the product with
 * `active: false` (the connector contract, docs/connector.md). So a
 * marketplace that takes PRODUCT takes prices and deactivations too.
 */
export function channelOperations(
  adapter: readonly OperationType[] | null | undefined
): readonly OperationType[] {
  const ops = adapter ?? []

  return ops.includes('PRODUCT')
    ? [...new Set<OperationType>([...ops, 'PRICE', 'DEACTIVATE'])]
    : ops
}

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
  const priceTable = text(m.priceTable)

  return {
    marketplaceId: m.id,
    name: m.name,
    affiliateId: text(m.affiliateId).toUpperCase(),
    salesChannel: text(m.salesChannel),
    priceTable: priceTable || null,
    currency: text(m.currency).toUpperCase() || DEFAULT_CURRENCY,
    operations: channelOperations(adapterOf(m.kind)?.operations),
    tabs: { PRODUCTS: m.tabs.PRODUCTS, INVENTORY: m.tabs.INVENTORY },
    tracking: m.tabs.TRACKING,
  }
}

/** Every configured marketplace as a channel, in the settings' order. */
export const channelsOf = (settings: BridgeSettings) =>
  settings.marketplaces.map(channelOf)

/** The marketplace's trade policy is set (its assortment, prices and stock can be read). */
export const hasTradePolicy = (c: MarketplaceChannel) => c.salesChannel !== ''
