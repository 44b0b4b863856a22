import { useMutation } from 'react-apollo'
import { useIntl } from 'react-intl'

import REPROCESS_LOGS from '../graphql/reprocessLogs.graphql'
import REMOVE_LOGS from '../graphql/removeLogs.graphql'
import { useErrorText } from './useErrorText'
import { useNotify } from './useNotify'

/** Both actions refetch the list, the overview and an open detail so every number moves together. */
const refetchQueries = [
  'IntegrationLogs',
  'IntegrationOverview',
  'IntegrationLog',
  'ErrorGroupPage',
]

/** Reprocess and remove, with their toasts. Each resolves to whether it worked. */
export function useLogActions() {
  const intl = useIntl()
  const showToast = useNotify()
  const { errorText } = useErrorText()
  const [reprocess, reprocessState] = useMutation(REPROCESS_LOGS, {
    refetchQueries,
    awaitRefetchQueries: true,
  })

  const [remove, removeState] = useMutation(REMOVE_LOGS, {
    refetchQueries,
    awaitRefetchQueries: true,
  })

  const act =
    (
      mutate: typeof reprocess,
      done: { id: string; variant: 'info' | 'positive' },
      failed: string
    ) =>
    async (id: string) => {
      try {
        await mutate({ variables: { ids: [id] } })
        showToast({
          message: intl.formatMessage({ id: done.id }),
          variant: done.variant,
        })

        return true
      } catch (e) {
        showToast({
          message: intl.formatMessage(
            { id: failed },
            { message: errorText(e) }
          ),
          variant: 'critical',
        })

        return false
      }
    }

  return {
    reprocessLog: act(
      reprocess,
      {
        id: 'admin/marketplace-bridge.toast.reprocess.queued',
        variant: 'info',
      },
      'admin/marketplace-bridge.toast.reprocess.error'
    ),
    removeLog: act(
      remove,
      { id: 'admin/marketplace-bridge.toast.remove.done', variant: 'positive' },
      'admin/marketplace-bridge.toast.remove.error'
    ),
    busy: reprocessState.loading || removeState.loading,
  }
}
