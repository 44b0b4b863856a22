import type { ChannelTarget } from '../domain/channels/catalogTargets'
import { catalogChangeTargets } from '../domain/channels/catalogTargets'
import { sellsSku } from '../domain/channels/payloads'
import { orderTarget } from '../domain/channels/orderTarget'
import { channelsOf } from '../domain/channels/settingsChannel'
import type { BridgeSettings } from '../domain/settings'
import type { Tab } from '../domain/tabs'
import type { BroadcasterNotification } from '../domain/vtex'
import type { VtexSource } from './connector'

/** One export job to create: a tab's log of one marketplace. */
export interface IntakeTarget {
  tab: Tab
  marketplaceId: string
  stockOnly: boolean
}

/** The jobs of a set of channel targets: one per tab and marketplace (PRODUCT, PRICE and DEACTIVATE are all a Produtos log). */
export function jobsOf(targets: readonly ChannelTarget[]): IntakeTarget[] {
  const jobs = new Map<string, IntakeTarget>()

  for (const t of targets) {
    const key = `${t.tab}:${t.marketplaceId}`

    if (!jobs.has(key))
      jobs.set(key, {
        tab: t.tab,
        marketplaceId: t.marketplaceId,
        stockOnly: t.stockOnly,
      })
  }

  return [...jobs.values()]
}

/**
 * Which marketplaces a catalog notification is exported to
 * (catalogChangeTargets), with the facts it needs read from VTEX: the SKU's
 * trade policies (one catalog read), and — only when the SKU is outside a
 * marketplace's trade policy or deactivated — where it was listed (the
 * marketplaces whose latest product export of it succeeded: one index
 * listing).
 */
export async function catalogIntake(
  n: BroadcasterNotification,
  skuId: string,
  deps: {
    settings: BridgeSettings
    source: VtexSource
    listedOn: (skuId: string) => Promise<string[]>
  }
): Promise<IntakeTarget[]> {
  const channels = channelsOf(deps.settings)

  if (channels.length === 0) return []
  const sku = channels.some((c) => c.salesChannel !== '')
    ? await deps.source.sku(skuId)
    : null

  const leaves = sku ? channels.some((c) => !sellsSku(sku, c)) : false
  const listedOn =
    leaves || n.IsActive === false ? await deps.listedOn(skuId) : []

  const { targets } = catalogChangeTargets(n, channels, {
    skuChannels: sku ? sku.SalesChannels ?? [] : null,
    listedOn,
  })

  return jobsOf(targets)
}

/**
 * The marketplace an order status change goes to (orderTarget over the OMS
 * order): at most one job. An order OMS does not know, or one sold on no
 * configured marketplace (the store's own site, another integration's
 * affiliate), creates none.
 */
export async function orderIntake(
  orderId: string,
  deps: { settings: BridgeSettings; source: VtexSource }
): Promise<IntakeTarget[]> {
  const order = await deps.source.order(orderId)

  if (!order) return []
  const target = orderTarget(order, deps.settings)

  return target.marketplaceId
    ? [
        {
          tab: 'TRACKING',
          marketplaceId: target.marketplaceId,
          stockOnly: false,
        },
      ]
    : []
}
