import type { SkuChannels } from './vtexTypes'

/**
 * Whether a SKU is sold in a trade policy, from the catalog's answer
 * (`stockkeepingunitbyid` → `SalesChannels`, or the ids themselves). A SKU
 * assigned to no trade policy is sold in all of them: that is what Catalog's
 * `stockkeepingunitidsbysaleschannel?onlyAssigned=false` returns for every
 * trade policy (docs/channels.md).
 */
export function skuInChannel(
  sku: SkuChannels | ReadonlyArray<number | string> | null | undefined,
  salesChannel: string
): boolean {
  const channels = Array.isArray(sku)
    ? sku
    : (sku as SkuChannels | null | undefined)?.SalesChannels ?? []

  if (channels.length === 0) return true

  return channels.some((c) => String(c).trim() === salesChannel.trim())
}
