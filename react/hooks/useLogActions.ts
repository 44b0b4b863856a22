import { useMutation } from 'react-apollo'
import { useIntl } from 'react-intl'
import { useToast } from '@vtex/admin-ui'

import REPROCESS_LOGS from '../graphql/reprocessLogs.graphql'
import REMOVE_LOGS from '../graphql/removeLogs.graphql'

const errorText = (e: unknown) => {
  const err = e as { graphQLErrors?: Array<{ message: string }>; message?: string }
  return err.graphQLErrors?.[0]?.message ?? err.message ?? String(e)
}

/**
 * Reprocess and remove, with their toasts. Both refetch the active list and
 * overview queries so every number on screen moves together.
 */
export function useLogActions() {
  const intl = useIntl()
  const showToast = useToast()
  const refetchQueries = ['IntegrationLogs', 'IntegrationOverview', 'IntegrationLog']
  const [reprocess, reprocessState] = useMutation(REPROCESS_LOGS, { refetchQueries, awaitRefetchQueries: true })
  const [remove, removeState] = useMutation(REMOVE_LOGS, { refetchQueries, awaitRefetchQueries: true })

  const reprocessLog = async (id: string) => {
    try {
      await reprocess({ variables: { ids: [id] } })
      showToast({ message: intl.formatMessage({ id: 'admin/marketplace-bridge.toast.reprocess.queued' }), variant: 'info' })
      return true
    } catch (e) {
      showToast({
        message: intl.formatMessage({ id: 'admin/marketplace-bridge.toast.reprocess.error' }, { message: errorText(e) }),
        variant: 'critical',
      })
      return false
    }
  }

  const removeLog = async (id: string) => {
    try {
      await remove({ variables: { ids: [id] } })
      showToast({ message: intl.formatMessage({ id: 'admin/marketplace-bridge.toast.remove.done' }), variant: 'positive' })
      return true
    } catch (e) {
      showToast({
        message: intl.formatMessage({ id: 'admin/marketplace-bridge.toast.remove.error' }, { message: errorText(e) }),
        variant: 'critical',
      })
      return false
    }
  }

  return { reprocessLog, removeLog, busy: reprocessState.loading || removeState.loading }
}
