import { tabsForCatalogChange } from '../rules'
import type { BroadcasterNotification } from '../vtex'
import { skuInChannel } from './assortment'
import type { MarketplaceChannel } from './channel'
import { takes } from './channel'
import type { SkuChannels } from './vtexTypes'

/** What the bridge knows about the SKU when a catalog notification arrives. */
export interface CatalogFacts {
  /**
   * The SKU's trade policies as the catalog answers now (`SalesChannels` of
   * stockkeepingunitbyid, or the ids); null when the catalog has no such SKU
   * (the export then records that).
   */
  skuChannels: SkuChannels | ReadonlyArray<number | string> | null
  /**
   * Marketplaces the SKU has reached: a listing is mapped for it, or its last
   * product export there succeeded. Only these can be deactivated.
   */
  listedOn: readonly string[]
}

export interface ChannelTarget {
  marketplaceId: string
  tab: 'PRODUCTS' | 'INVENTORY'
  operation: 'PRODUCT' | 'PRICE' | 'STOCK' | 'DEACTIVATE'
  /** STOCK only: a stock-only change, so the ≤ 5 rule applies. */
  stockOnly: boolean
  /** LEFT_TRADE_POLICY / INACTIVE explain a DEACTIVATE; CHANGED anything else. */
  reason: 'CHANGED' | 'LEFT_TRADE_POLICY' | 'INACTIVE'
}

export type SkipReason =
  /** The SKU is not in the marketplace's trade policy and never reached it. */
  | 'NOT_IN_TRADE_POLICY'
  /** Deactivated in VTEX, and never listed there. */
  | 'NOT_LISTED'
  /** Nothing in the notification is sent to this marketplace (tab off, no prices taken, another affiliate's removal). */
  | 'NOTHING_TO_SEND'

export interface CatalogTargets {
  targets: ChannelTarget[]
  skipped: Array<{ marketplaceId: string; reason: SkipReason }>
}

/**
 * Which marketplaces a vtex.broadcaster notification concerns, and with what.
 * For each marketplace (its tabs and the operations its adapter takes; one
 * whose trade policy is not set yet sells every SKU):
 *   - SKU outside its trade policy: DEACTIVATE where it was listed (the
 *     broadcaster's HasStockKeepingUnitRemovedFromAffiliate, or the catalog
 *     answer showing it left), else nothing at all — stock, price or product;
 *   - SKU deactivated in VTEX (IsActive false): DEACTIVATE where listed;
 *   - HasStockKeepingUnitModified: PRODUCT (it carries the price);
 *   - PriceModified alone: PRICE, where the marketplace takes prices;
 *   - StockModified: STOCK, stock-only (≤ 5 rule) when nothing else changed
 *     (rules.ts `tabsForCatalogChange`).
 * A removal from an affiliate while the SKU is still in this marketplace's
 * trade policy concerned another marketplace.
 */
export function catalogChangeTargets(
  n: BroadcasterNotification,
  marketplaces: readonly MarketplaceChannel[],
  facts: CatalogFacts
): CatalogTargets {
  const tabs = tabsForCatalogChange(n)
  const out: CatalogTargets = { targets: [], skipped: [] }

  for (const m of marketplaces) {
    const products = m.tabs?.PRODUCTS !== false
    const inventory = m.tabs?.INVENTORY !== false
    const listed = facts.listedOn.includes(m.marketplaceId)
    const target = (
      tab: ChannelTarget['tab'],
      operation: ChannelTarget['operation'],
      reason: ChannelTarget['reason'] = 'CHANGED',
      stockOnly = false
    ) =>
      out.targets.push({
        marketplaceId: m.marketplaceId,
        tab,
        operation,
        stockOnly,
        reason,
      })

    const before = out.targets.length
    const skip = (reason: SkipReason) =>
      out.skipped.push({ marketplaceId: m.marketplaceId, reason })

    // A marketplace whose trade policy is not set yet sells every SKU (as before issue 11).
    const inPolicy =
      facts.skuChannels === null ||
      m.salesChannel.trim() === '' ||
      skuInChannel(facts.skuChannels, m.salesChannel)

    if (!inPolicy) {
      if (listed && products && takes(m, 'DEACTIVATE'))
        target('PRODUCTS', 'DEACTIVATE', 'LEFT_TRADE_POLICY')
      else skip('NOT_IN_TRADE_POLICY')
      continue
    }

    if (tabs.products && products) {
      if (n.IsActive === false) {
        if (!listed) {
          skip('NOT_LISTED')
          continue
        }

        if (takes(m, 'DEACTIVATE')) target('PRODUCTS', 'DEACTIVATE', 'INACTIVE')
      } else if (n.HasStockKeepingUnitModified) {
        if (takes(m, 'PRODUCT')) target('PRODUCTS', 'PRODUCT')
      } else if (n.PriceModified && takes(m, 'PRICE')) {
        target('PRODUCTS', 'PRICE')
      }
    }

    if (tabs.inventory && inventory && takes(m, 'STOCK'))
      target('INVENTORY', 'STOCK', 'CHANGED', tabs.stockOnly)

    if (out.targets.length === before) skip('NOTHING_TO_SEND')
  }

  return out
}
