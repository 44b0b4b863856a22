import { useCallback, useEffect, useState } from 'react'

import { tabFromSearch, searchWithTab } from '../utils/tabs'
import type { Tab } from '../utils/types'

/** The selected tab lives in the URL (?tab=...), so it survives reloads and links. */
export function useTabInUrl(): [Tab, (tab: Tab) => void] {
  const [tab, setTab] = useState<Tab>(() =>
    tabFromSearch(window.location.search)
  )

  useEffect(() => {
    const onPop = () => setTab(tabFromSearch(window.location.search))

    window.addEventListener('popstate', onPop)

    return () => window.removeEventListener('popstate', onPop)
  }, [])

  const select = useCallback((next: Tab) => {
    setTab(next)
    const search = searchWithTab(window.location.search, next)

    if (search !== window.location.search) {
      window.history.pushState(null, '', `${window.location.pathname}${search}`)
    }
  }, [])

  return [tab, select]
}
