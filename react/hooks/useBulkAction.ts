import { useEffect, useState } from 'react'
import { useMutation, useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'

import BULK_ACTION from '../graphql/bulkAction.graphql'
import BULK_ACTIONS from '../graphql/bulkActions.graphql'
import CANCEL_BULK from '../graphql/cancelBulkAction.graphql'
import RESUME_BULK from '../graphql/resumeBulkAction.graphql'
import START_BULK from '../graphql/startBulkAction.graphql'
import type {
  BulkActionQuery,
  BulkActionQueryVariables,
  BulkActionsQuery,
  BulkActionsQueryVariables,
  BulkKind,
  LogFilterInput,
  StartBulkActionMutation,
  StartBulkActionMutationVariables,
  Tab,
} from '../graphql/generated'
import { useErrorText } from './useErrorText'
import { useDismissed } from './useDismissed'
import { useNotify } from './useNotify'

const POLL_MS = 1000
/** A finished action older than this is not brought back by a reload. */
const STALE_MS = 60 * 60 * 1000

export type BulkActionView = NonNullable<BulkActionQuery['bulkAction']>

/**
 * The tab's current bulk action: the latest one from the service (so a
 * running action shows again after a reload), polled while it runs. A
 * finished one stays until the admin dismisses it (remembered in this
 * browser) or it is an hour old.
 */
export function useBulkAction(tab: Tab, onFinished: () => void) {
  const intl = useIntl()
  const showToast = useNotify()
  const { errorText } = useErrorText()
  const dismissed = useDismissed('marketplace-bridge.dismissed-bulk')
  const [id, setId] = useState<string | null>(null)
  const latest = useQuery<BulkActionsQuery, BulkActionsQueryVariables>(
    BULK_ACTIONS,
    { variables: { tab }, fetchPolicy: 'network-only' }
  )

  const currentId = id ?? latest.data?.bulkActions[0]?.id ?? null
  const current = useQuery<BulkActionQuery, BulkActionQueryVariables>(
    BULK_ACTION,
    {
      variables: { id: currentId ?? '' },
      skip: !currentId,
      fetchPolicy: 'network-only',
      notifyOnNetworkStatusChange: false,
    }
  )

  const found = current.data?.bulkAction ?? null
  const running = found?.status === 'RUNNING'
  const stale =
    !running &&
    found != null &&
    id !== found.id &&
    Date.now() - Date.parse(found.updatedAt) > STALE_MS

  const action = found && !stale && !dismissed.has(found.id) ? found : null
  const { startPolling, stopPolling } = current

  useEffect(() => {
    if (running) startPolling(POLL_MS)
    else stopPolling()

    return () => stopPolling()
  }, [running, startPolling, stopPolling])

  // When a run ends, the lists and counts change: refresh them once.
  const [wasRunning, setWasRunning] = useState(false)

  useEffect(() => {
    if (running) setWasRunning(true)
    else if (wasRunning) {
      setWasRunning(false)
      onFinished()
    }
  }, [running, wasRunning, onFinished])

  const [start] = useMutation<
    StartBulkActionMutation,
    StartBulkActionMutationVariables
  >(START_BULK)

  const [cancel] = useMutation(CANCEL_BULK)
  const [resume] = useMutation(RESUME_BULK)

  const fail = (e: unknown) =>
    showToast({
      message: intl.formatMessage(
        { id: 'admin/marketplace-bridge.bulk.failed' },
        { message: errorText(e) }
      ),
      variant: 'critical',
    })

  const run = async (
    kind: BulkKind,
    target: { ids: string[] } | { filter: LogFilterInput }
  ) => {
    try {
      const input =
        'ids' in target
          ? { tab, action: kind, ids: target.ids }
          : { tab, action: kind, filter: target.filter }

      const result = await start({ variables: { input } })
      const started = result.data?.startBulkAction

      if (started) {
        setId(started.id)
        await current.refetch({ id: started.id }).catch(() => undefined)
      }

      return true
    } catch (e) {
      fail(e)

      return false
    }
  }

  const stop = async () => {
    if (!action) return
    await cancel({ variables: { id: action.id } }).catch(fail)
    await current.refetch().catch(() => undefined)
  }

  const restart = async () => {
    if (!action) return
    await resume({ variables: { id: action.id } }).catch(fail)
    await current.refetch().catch(() => undefined)
  }

  return {
    action,
    run,
    stop,
    restart,
    dismiss: () => action && dismissed.add(action.id),
  }
}
