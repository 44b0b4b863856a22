import type { BridgeSettings } from '../domain/settings'
import { enabledFor } from '../domain/settings'
import type { LogFilter } from '../domain/listPlan'
import { listingLookup, withListedSkus } from '../domain/listingSearch'
import type { ListingStore } from './listings'

/**
 * A log search that may be a marketplace listing id (docs/channels.md,
 * "Searching by listing id"): the term is looked up in the ListingStore's
 * listing-id reference of each marketplace concerned (one VBase read each,
 * plus one per SKU found) and the filter gains the SKUs it stands for. No
 * index change: logs stay indexed by SKU.
 */
export async function resolveListingSearch(
  listings: Pick<ListingStore, 'findByListing'>,
  settings: Pick<BridgeSettings, 'marketplaces'>,
  filter: LogFilter
): Promise<LogFilter> {
  const lookup = listingLookup(
    filter,
    enabledFor(settings, filter.tab).map((m) => m.id)
  )

  if (!lookup) return filter
  const found = await Promise.all(
    lookup.marketplaces.map(async (marketplace) =>
      (
        await listings.findByListing(marketplace, lookup.listingId)
      ).map(({ skuId }) => ({ marketplace, skuId }))
    )
  )

  return withListedSkus(filter, found.flat())
}
