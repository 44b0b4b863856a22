import React, { useEffect } from 'react'
import { useIntl } from 'react-intl'
import type { DataViewStatus } from '@vtex/admin-ui'
import {
  DataView,
  DataViewActions,
  DataViewHeader,
  FlexSpacer,
  useDataViewState,
} from '@vtex/admin-ui'

import { useErrorText } from '../../hooks/useErrorText'
import type { useLogPages } from '../../hooks/useLogPages'
import { PAGE_SIZE } from '../../hooks/useLogPages'
import { FILTER_REASONS, problemOf } from '../../utils/errors'
import type { ColumnDeps } from './useLogColumns'
import LogsPagination from './LogsPagination'
import LogsTable from './LogsTable'
import ViewMessage from './ViewMessage'

interface Props extends ColumnDeps {
  pages: ReturnType<typeof useLogPages>
  /** A filter narrows the list (an empty page then means "nothing matches"). */
  filtered: boolean
  /** A date range is part of the filter. */
  dated: boolean
  onClearFilters: () => void
}

/**
 * admin-ui's DataView around the logs table: loading rows, pagination, and
 * what the list says instead of rows (our words: admin-ui's generic
 * "no items created" does not tell an empty period from an invalid search).
 */
const LogsView = ({
  pages,
  filtered,
  dated,
  onClearFilters,
  ...deps
}: Props) => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` })

  const { errorText, fieldText } = useErrorText()
  const view = useDataViewState()
  const { setStatus } = view
  const status: DataViewStatus = pages.loading ? 'loading' : 'ready'

  useEffect(() => setStatus({ type: status }), [status, setStatus])

  const problem = pages.error ? problemOf(pages.error) : null
  // The service refused this list's input: with no other input than the
  // filter, the filter is what to fix (and nothing of the last list stays).
  const invalidFilter = Boolean(
    problem &&
      (problem.code === 'BAD_USER_INPUT' ||
        (problem.reason && FILTER_REASONS.includes(problem.reason)))
  )
  let message: React.ReactNode = null

  if (pages.error && invalidFilter) {
    message = (
      <ViewMessage
        testId="logs-invalid"
        role="alert"
        title={errorText(pages.error)}
        description={
          problem!.fields.map(fieldText).join(' ') || t('empty.fixFilter')
        }
        action={{ label: t('empty.clearFilters'), onClick: onClearFilters }}
      />
    )
  } else if (pages.error) {
    message = (
      <ViewMessage
        testId="logs-error"
        role="alert"
        title={t('error.title')}
        description={errorText(pages.error)}
        action={{ label: t('error.retry'), onClick: pages.refetch }}
      />
    )
  } else if (!pages.loading && pages.items.length === 0) {
    message = (
      <ViewMessage
        testId="logs-empty"
        role="status"
        title={t(
          dated
            ? 'empty.period.title'
            : filtered
            ? 'empty.filtered.title'
            : 'empty.title'
        )}
        description={t(
          dated
            ? 'empty.period.description'
            : filtered
            ? 'empty.filtered.description'
            : 'empty.description'
        )}
        action={
          filtered
            ? { label: t('empty.clearFilters'), onClick: onClearFilters }
            : undefined
        }
      />
    )
  }

  const { pageInfo } = pages

  return (
    <DataView state={view}>
      {message ?? (
        <>
          <LogsTable
            items={pages.items}
            status={view.status}
            pageSize={PAGE_SIZE}
            label={t('table.label')}
            {...deps}
          />
          {pageInfo && pages.items.length > 0 ? (
            <DataViewHeader>
              <DataViewActions>
                <FlexSpacer />
                <LogsPagination
                  page={pages.page}
                  pageSize={PAGE_SIZE}
                  count={pages.items.length}
                  total={pageInfo.total ?? null}
                  hasNextPage={pageInfo.hasNextPage}
                  onNext={() => pages.next()}
                  onPrevious={() => pages.previous()}
                  loading={false}
                />
              </DataViewActions>
            </DataViewHeader>
          ) : null}
        </>
      )}
    </DataView>
  )
}

export default LogsView
