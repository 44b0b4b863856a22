import type { Tab } from '../graphql/generated'

export const TABS: Tab[] = ['PRODUCTS', 'INVENTORY', 'TRACKING']

/** The tab as it appears in the URL: ?tab=products|inventory|tracking */
export const tabToParam = (tab: Tab) => tab.toLowerCase()

export function tabFromParam(value: string | undefined): Tab {
  const upper = value?.toUpperCase()

  return TABS.find((t) => t === upper) ?? 'PRODUCTS'
}
