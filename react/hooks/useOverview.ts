import { useEffect } from 'react'
import { useQuery } from 'react-apollo'

import INTEGRATION_OVERVIEW from '../graphql/integrationOverview.graphql'
import type {
  IntegrationOverviewQuery,
  IntegrationOverviewQueryVariables,
  Tab,
} from '../graphql/generated'

const POLL_MS = 2000

/** A tab's counts, polled while anything waits in the queue. */
export function useOverview(tab: Tab) {
  const overview = useQuery<
    IntegrationOverviewQuery,
    IntegrationOverviewQueryVariables
  >(INTEGRATION_OVERVIEW, {
    variables: { tab },
    fetchPolicy: 'cache-and-network',
  })

  const data = overview.data?.integrationOverview ?? null
  const queued = (data?.byStatus.queued ?? 0) > 0
  const { startPolling, stopPolling } = overview

  useEffect(() => {
    if (queued) startPolling(POLL_MS)
    else stopPolling()

    return () => stopPolling()
  }, [queued, startPolling, stopPolling])

  return {
    data,
    loading: overview.loading,
    queued,
    refetch: () => overview.refetch().catch(() => undefined),
  }
}
