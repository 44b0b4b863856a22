import type { Tab } from './types'
import { TABS } from './types'

/** The tab as it appears in the URL: ?tab=products|inventory|tracking */
export const tabToParam = (tab: Tab) => tab.toLowerCase()

export function tabFromSearch(search: string): Tab {
  const value = new URLSearchParams(search).get('tab')?.toUpperCase()

  return (TABS as string[]).includes(value ?? '') ? (value as Tab) : 'PRODUCTS'
}

export function searchWithTab(search: string, tab: Tab): string {
  const params = new URLSearchParams(search)

  params.set('tab', tabToParam(tab))

  return `?${params.toString()}`
}
