import { useRef } from 'react'
import { useMutation, useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'

import CANCEL_CSV_EXPORT from '../../graphql/cancelCsvExport.graphql'
import CSV_EXPORTS from '../../graphql/csvExports.graphql'
import START_CSV_EXPORT from '../../graphql/startCsvExport.graphql'
import type {
  CancelCsvExportMutation,
  CancelCsvExportMutationVariables,
  CsvExportFieldsFragment,
  CsvExportsQuery,
  CsvExportsQueryVariables,
  LogFilterInput,
  StartCsvExportMutation,
  StartCsvExportMutationVariables,
  Tab,
} from '../../graphql/generated'
import { useErrorText } from '../../hooks/useErrorText'
import { useNotify } from '../../hooks/useNotify'

export type CsvExportView = CsvExportFieldsFragment

/**
 * The tab's CSV exports: the latest ones from the service (so a running or
 * finished export shows again after a reload, until it expires), starting
 * one of what the filter shows in the admin's language and time zone, and
 * canceling one. Each running export polls its own record (CsvExportItem).
 */
export function useCsvExports(tab: Tab) {
  const intl = useIntl()
  const showToast = useNotify()
  const { errorText } = useErrorText()
  const list = useQuery<CsvExportsQuery, CsvExportsQueryVariables>(
    CSV_EXPORTS,
    { variables: { tab }, fetchPolicy: 'network-only' }
  )

  const [start, started] = useMutation<
    StartCsvExportMutation,
    StartCsvExportMutationVariables
  >(START_CSV_EXPORT)

  const [cancel] = useMutation<
    CancelCsvExportMutation,
    CancelCsvExportMutationVariables
  >(CANCEL_CSV_EXPORT)

  const { refetch } = list
  const fail = (id: string, e: unknown) =>
    showToast({
      message: intl.formatMessage(
        { id: `admin/marketplace-bridge.export.${id}` },
        { message: errorText(e) }
      ),
      variant: 'critical',
    })

  // A second click while the first start is on its way starts nothing.
  const starting = useRef(false)
  const run = async (
    filter: LogFilterInput,
    locale: string,
    timeZone: string
  ) => {
    if (starting.current) return
    starting.current = true
    try {
      await start({ variables: { input: { tab, filter, locale, timeZone } } })
      await refetch().catch(() => undefined)
    } catch (e) {
      fail('startFailed', e)
    } finally {
      starting.current = false
    }
  }

  const stop = async (id: string) => {
    try {
      await cancel({ variables: { id } })
    } catch (e) {
      fail('cancelFailed', e)
    }

    await refetch().catch(() => undefined)
  }

  return {
    exports: list.data?.csvExports ?? [],
    starting: started.loading,
    run,
    stop,
    refresh: () => refetch().catch(() => undefined),
  }
}
