import type { ListedSku, LogFilter } from './listPlan'
import { parseSearch } from './search'
import type { Tab } from './tabs'

export type { ListedSku } from './listPlan'

/** At most this many SKUs of one searched listing are listed (a page merges one index folder per SKU). */
export const MAX_LISTED_SKUS = 10

/** Tabs whose logs are per SKU, so a listing id means something there. */
const LISTING_TABS: readonly Tab[] = ['PRODUCTS', 'INVENTORY']

/**
 * Whether a search is looked up as a marketplace listing id, and on which
 * marketplaces: on Produtos and Estoque, a search term, on the chosen
 * marketplace or else every marketplace that receives the tab. Null when
 * there is nothing to look up (no search, the Tracking tab, no marketplace).
 */
export function listingLookup(
  filter: LogFilter,
  marketplacesOfTab: readonly string[]
): { listingId: string; marketplaces: string[] } | null {
  const search = parseSearch(filter.search)

  if (!search || !LISTING_TABS.includes(filter.tab)) return null
  const marketplaces = filter.marketplace
    ? marketplacesOfTab.filter((m) => m === filter.marketplace)
    : [...marketplacesOfTab]

  return marketplaces.length ? { listingId: search.term, marketplaces } : null
}

/**
 * The filter once the listing id is looked up (docs/channels.md): when it
 * stands for SKUs, the search finds the term as an exact id (as before)
 * or those SKUs' logs on the listing's marketplace; when it stands for
 * none, the filter is unchanged (an id search, by prefix from 3 characters).
 */
export function withListedSkus(
  filter: LogFilter,
  found: readonly ListedSku[]
): LogFilter {
  const unique = found.filter(
    (f, i) =>
      found.findIndex(
        (g) => g.marketplace === f.marketplace && g.skuId === f.skuId
      ) === i
  )

  return unique.length
    ? { ...filter, listedSkus: unique.slice(0, MAX_LISTED_SKUS) }
    : filter
}
