import type { ChannelProduct } from '../../marketplaces/adapter'
import type { ProductPayload } from '../product'
import { channelProductOf, productPayloadOf } from '../product'
import type { InventoryPayload } from '../rules'
import { inventoryPayload } from '../rules'
import type { TrackingPayload } from '../trackingPayload'
import type { CatalogSku, InventoryBalance } from '../vtex'
import { skuInChannel } from './assortment'
import type { MarketplaceChannel } from './channel'
import { channelPrice } from './price'
import { channelStock } from './stock'
import type { ComputedPrice, Dock, Warehouse } from './vtexTypes'

/** The account's logistics configuration, read once for every channel. */
export interface LogisticsSetup {
  docks: readonly Dock[]
  warehouses: readonly Warehouse[]
}

type Channel = MarketplaceChannel & { currency: string }

const tradePolicySet = (c: MarketplaceChannel) => c.salesChannel.trim() !== ''

/** The SKU is sold on this marketplace: in its trade policy, or the marketplace has none set yet. */
export const sellsSku = (sku: CatalogSku, channel: MarketplaceChannel) =>
  !tradePolicySet(channel) || skuInChannel(sku, channel.salesChannel)

/**
 * The product as one marketplace gets it (Produtos tab). In its trade
 * policy: the catalog's data with the trade policy's price (Pricing's
 * computed price for the marketplace's price table; null when Pricing has
 * none). Outside it: the same product with `active: false`, to deactivate
 * (`deactivate`: the marketplace's DEACTIVATE where its adapter has one,
 * else this product update). A marketplace whose trade policy is not set
 * yet (or no channel at all) gets the catalog's data as before issue 11, no
 * price.
 */
export function productForChannel(
  sku: CatalogSku,
  channel: Channel | null | undefined,
  computed: ComputedPrice | null | undefined
): { product: ChannelProduct; payload: ProductPayload; deactivate: boolean } {
  const base = channelProductOf(sku)
  const out = (product: ChannelProduct, deactivate = false) => ({
    product,
    payload: productPayloadOf(product),
    deactivate,
  })

  if (!channel || !tradePolicySet(channel)) return out(base)
  if (!sellsSku(sku, channel)) return out({ ...base, active: false }, true)
  const price = channelPrice(computed, channel.currency)

  return out({
    ...base,
    price: price?.price ?? null,
    listPrice: price?.listPrice ?? null,
  })
}

/**
 * The balance one marketplace gets (Estoque tab): what the warehouses behind
 * its trade policy's docks can sell (channelStock). A marketplace whose
 * trade policy is not set yet gets every warehouse's balance, as before
 * issue 11. Null when the trade policy is set but Logistics has no docks or
 * warehouses to read (nothing is guessed: not the sum, not zero).
 */
export function stockForChannel(
  inventory: InventoryBalance,
  logistics: LogisticsSetup | null | undefined,
  channel: MarketplaceChannel | null | undefined
): InventoryPayload | null {
  if (!channel || !tradePolicySet(channel)) return inventoryPayload(inventory)
  if (!logistics) return null

  return {
    quantity: channelStock(
      inventory,
      logistics.docks,
      logistics.warehouses,
      channel.salesChannel
    ).quantity,
  }
}

/** What the marketplace the order was sold on is told: the update, addressed with both ids. */
export const trackingForMarketplace = (
  update: TrackingPayload,
  orderId: string,
  marketplaceOrderId: string | null
): TrackingPayload => ({ ...update, orderId, marketplaceOrderId })
