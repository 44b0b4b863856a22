import type { Listing, Operation } from '../../marketplaces/adapter'
import { shouldExportStock } from '../rules'
import type { InventoryBalance } from '../vtex'
import type { Dock, Warehouse } from './vtexTypes'

/**
 * What a marketplace is told for a warehouse with unlimited quantity
 * (`hasUnlimitedQuantity`): marketplaces take a number, and this one is high
 * enough never to run out between two updates. The same figure the bridge
 * always sent for unlimited stock (rules.ts `inventoryPayload`).
 */
export const UNLIMITED_STOCK = 9999

export interface ChannelStock {
  /** Units the trade policy can sell: Σ max(0, total − reserved) over its warehouses. */
  quantity: number
  /** A reachable warehouse has unlimited quantity (`quantity` is then at least UNLIMITED_STOCK). */
  unlimited: boolean
  /** The reachable warehouses that have a balance for the SKU. */
  warehouseIds: string[]
}

const active = (x: { isActive?: boolean }) => x.isActive !== false

/**
 * The stock one trade policy can sell: only the warehouses that ship through
 * an active dock serving that trade policy (the dock's `salesChannels` or its
 * main `salesChannel`) count, so two marketplaces on two trade policies can
 * get two figures for one SKU. Per warehouse: total − reserved, never
 * negative. A reachable warehouse with unlimited quantity makes the channel
 * unlimited: the figure sent is UNLIMITED_STOCK (or the finite sum, if
 * higher).
 */
export function channelStock(
  inventory: InventoryBalance,
  docks: readonly Dock[],
  warehouses: readonly Warehouse[],
  salesChannel: string
): ChannelStock {
  const sc = salesChannel.trim()
  const dockIds = new Set(
    docks
      .filter(
        (d) =>
          active(d) &&
          [...(d.salesChannels ?? []), d.salesChannel ?? '']
            .map((c) => String(c).trim())
            .includes(sc)
      )
      .map((d) => d.id)
  )

  const reachable = new Set(
    warehouses
      .filter(
        (w) =>
          active(w) &&
          (w.warehouseDocks ?? []).some((d) => dockIds.has(d.dockId))
      )
      .map((w) => w.id)
  )

  let quantity = 0
  let unlimited = false
  const warehouseIds: string[] = []

  for (const b of inventory.balance ?? []) {
    if (!reachable.has(b.warehouseId)) continue
    warehouseIds.push(b.warehouseId)
    if (b.hasUnlimitedQuantity) unlimited = true
    else
      quantity += Math.max(
        0,
        (b.totalQuantity ?? 0) - (b.reservedQuantity ?? 0)
      )
  }

  return {
    quantity: unlimited ? Math.max(UNLIMITED_STOCK, quantity) : quantity,
    unlimited,
    warehouseIds,
  }
}

/**
 * The STOCK operation for one marketplace, or why nothing is sent. A
 * stock-only change follows the ≤ 5 rule on this marketplace's own balance
 * (`before`: the last quantity this marketplace accepted; rules.ts
 * `shouldExportStock`); any other change sends the balance as it is.
 */
export function stockOperation(
  skuId: string,
  stock: ChannelStock,
  before: number | null,
  stockOnly: boolean,
  listing: Listing | null
): Operation | { skip: string } {
  if (stockOnly && !shouldExportStock(before, stock.quantity))
    return {
      skip: `stock ${before}→${stock.quantity} is above the 5-unit rule`,
    }

  return { type: 'STOCK', skuId, quantity: stock.quantity, listing }
}
