import { useRuntime } from 'vtex.render-runtime'

import type { LogsUrlState } from '../utils/urlState'
import { readUrlState, toQuery } from '../utils/urlState'

/**
 * The logs page's state lives in the URL through render-runtime, so the
 * VTEX Admin's address and back button follow the tab, the filters and the
 * open log, and a copied link shows the same page.
 */
export function useLogsUrl() {
  const { query, setQuery } = useRuntime()
  const state = readUrlState(query)

  /** Changes part of the state; `replace` keeps the history entry (e.g. closing a log). */
  const update = (patch: Partial<LogsUrlState>, replace = false) =>
    setQuery(toQuery({ ...state, ...patch }), { merge: false, replace })

  return { state, update }
}
