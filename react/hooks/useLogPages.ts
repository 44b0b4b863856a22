import { useEffect, useState } from 'react'
import { useQuery } from 'react-apollo'

import INTEGRATION_LOGS from '../graphql/integrationLogs.graphql'
import type {
  IntegrationLogsQuery,
  IntegrationLogsQueryVariables,
  LogFilterInput,
  Tab,
} from '../graphql/generated'

export const PAGE_SIZE = 20
const POLL_MS = 2000

export type LogRow = IntegrationLogsQuery['integrationLogs']['data'][number]

/**
 * The table's pages, newest first. Pages are cursors (the API's), so the
 * page stack restarts when the filter changes; the list polls while a log on
 * it waits in the queue (it resolves by itself). A failed call shows no rows:
 * what the table held belonged to another filter.
 */
export function useLogPages(tab: Tab, filter: LogFilterInput, busy: boolean) {
  const key = JSON.stringify([tab, filter])
  const [stack, setStack] = useState<{
    key: string
    cursors: Array<string | null>
  }>({ key, cursors: [null] })

  const cursors = stack.key === key ? stack.cursors : [null]
  const page = cursors.length - 1
  const logs = useQuery<IntegrationLogsQuery, IntegrationLogsQueryVariables>(
    INTEGRATION_LOGS,
    {
      variables: { tab, ...filter, first: PAGE_SIZE, after: cursors[page] },
      fetchPolicy: 'cache-and-network',
      notifyOnNetworkStatusChange: true,
    }
  )

  const failed = Boolean(logs.error)
  const items = failed ? [] : logs.data?.integrationLogs.data ?? []
  const pageInfo = failed ? null : logs.data?.integrationLogs.pageInfo ?? null
  const queued = busy || items.some((i) => i.status === 'QUEUED')
  const { startPolling, stopPolling } = logs

  useEffect(() => {
    if (queued && !failed) startPolling(POLL_MS)
    else stopPolling()

    return () => stopPolling()
  }, [queued, failed, startPolling, stopPolling])

  return {
    items,
    pageInfo,
    page,
    error: logs.error ?? null,
    loading: logs.loading && !logs.data,
    refetch: () => logs.refetch().catch(() => undefined),
    next: () =>
      pageInfo?.endCursor &&
      setStack({ key, cursors: [...cursors, pageInfo.endCursor] }),
    previous: () =>
      page > 0 && setStack({ key, cursors: cursors.slice(0, -1) }),
  }
}
