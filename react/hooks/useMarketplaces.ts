import { useQuery } from 'react-apollo'

import MARKETPLACES from '../graphql/marketplaces.graphql'
import type { MarketplacesQuery, Tab } from '../graphql/generated'

/**
 * The marketplaces a tab can show (configured ones, then VTEX's own systems
 * the API marks `system`), and every display name by id.
 */
export function useMarketplaces(tab: Tab) {
  const { data } = useQuery<MarketplacesQuery>(MARKETPLACES)
  const all = data?.marketplaces ?? []

  return {
    list: all.filter((m) => m.tabs.includes(tab)),
    names: Object.fromEntries(all.map((m) => [m.id, m.name])) as Record<
      string,
      string
    >,
  }
}
