import React, { useEffect } from 'react'
import { useIntl } from 'react-intl'
import {
  Button,
  Inline,
  Pagination,
  Text,
  csx,
  usePaginationState,
} from '@vtex/admin-ui'

interface Props {
  page: number
  pageSize: number
  count: number
  /** Known when the counts can tell (no search or date range). */
  total: number | null
  hasNextPage: boolean
  onNext: () => void
  onPrevious: () => void
  loading: boolean
}

/**
 * admin-ui's Pagination when the total is known. Pages are the API's
 * cursors, so a search or a date range (no total) pages forward and back
 * with the same buttons and the range alone.
 */
const LogsPagination = ({
  page,
  pageSize,
  count,
  total,
  hasNextPage,
  onNext,
  onPrevious,
  loading,
}: Props) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const state = usePaginationState({
    pageSize,
    total: total ?? pageSize,
    onNextPage: onNext,
    onPrevPage: onPrevious,
  })

  const { paginate } = state

  useEffect(() => {
    if (total != null) paginate({ type: 'setTotal', total })
  }, [total, paginate])
  useEffect(() => {
    paginate({ type: 'navigate', page: page + 1 })
  }, [page, paginate])

  if (total != null)
    return (
      <Pagination state={state} loading={loading} data-testid="page-range" />
    )

  const from = page * pageSize + 1

  return (
    <Inline hSpace="$space-2" className={csx({ alignItems: 'center' })}>
      <Text tone="secondary" variant="detail" data-testid="page-range">
        {t('pagination.rangeUnknown', { from, to: from + count - 1 })}
      </Text>
      <Button
        variant="neutralTertiary"
        disabled={page === 0}
        onClick={onPrevious}
      >
        {t('pagination.previous')}
      </Button>
      <Button
        variant="neutralTertiary"
        disabled={!hasNextPage}
        onClick={onNext}
      >
        {t('pagination.next')}
      </Button>
    </Inline>
  )
}

export default LogsPagination
