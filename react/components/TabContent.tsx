import React, { useCallback, useEffect, useState } from 'react'
import { useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import type { DataViewStatus } from '@vtex/admin-ui'
import {
  Button,
  Center,
  Heading,
  Inline,
  Stack,
  Text,
  Tag,
  useModalState,
  csx,
} from '@vtex/admin-ui'

import INTEGRATION_LOGS from '../graphql/integrationLogs.graphql'
import INTEGRATION_OVERVIEW from '../graphql/integrationOverview.graphql'
import MARKETPLACES from '../graphql/marketplaces.graphql'
import { useBulkAction } from '../hooks/useBulkAction'
import { useLogActions } from '../hooks/useLogActions'
import { EMPTY_FILTER, csvUrl, filterVariables } from '../utils/filters'
import type {
  BulkKind,
  LogFilter,
  LogPageData,
  MarketplacesData,
  OverviewData,
  Tab,
} from '../utils/types'
import BulkBar from './BulkBar'
import BulkProgress from './BulkProgress'
import ErrorGroups from './ErrorGroups'
import Filters from './Filters'
import LogDetail from './LogDetail'
import LogsTable from './LogsTable'
import OverviewStrip from './OverviewStrip'

export const PAGE_SIZE = 20
const POLL_MS = 2000

const TabContent = ({ tab }: { tab: Tab }) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const [filter, setFilterState] = useState<LogFilter>(EMPTY_FILTER)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [refreshKey, setRefreshKey] = useState(0)
  /** cursors[n] is the `after` of page n; page 0 starts at null. */
  const [cursors, setCursors] = useState<Array<string | null>>([null])
  const [openId, setOpenId] = useState<string | null>(null)
  const modal = useModalState()
  const { reprocessLog, removeLog, busy } = useLogActions()

  const page = cursors.length - 1
  const logs = useQuery<LogPageData>(INTEGRATION_LOGS, {
    variables: {
      tab,
      ...filterVariables(filter),
      first: PAGE_SIZE,
      after: cursors[page],
    },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  })

  const overview = useQuery<OverviewData>(INTEGRATION_OVERVIEW, {
    variables: { tab },
    fetchPolicy: 'cache-and-network',
  })

  const markets = useQuery<MarketplacesData>(MARKETPLACES)

  const items = logs.data?.integrationLogs.data ?? []
  // Tracking also logs VTEX's own systems the bridge updates.
  const marketplaceNames: Record<string, string> = {
    'vtex-oms': 'VTEX OMS',
    'vtex-tracking': 'VTEX Tracking',
    ...Object.fromEntries(
      (markets.data?.marketplaces ?? []).map((m) => [m.id, m.name])
    ),
  }

  const pageInfo = logs.data?.integrationLogs.pageInfo
  const queued =
    (overview.data?.integrationOverview.byStatus.queued ?? 0) > 0 ||
    items.some((i) => i.status === 'QUEUED')

  // A queued log updates by itself: poll while anything waits in the queue.
  const { startPolling: pollLogs, stopPolling: stopLogs } = logs
  const { startPolling: pollOverview, stopPolling: stopOverview } = overview

  useEffect(() => {
    if (queued) {
      pollLogs(POLL_MS)
      pollOverview(POLL_MS)
    } else {
      stopLogs()
      stopOverview()
    }

    return () => {
      stopLogs()
      stopOverview()
    }
  }, [queued, pollLogs, pollOverview, stopLogs, stopOverview])

  const resetPages = () => setCursors([null])
  const setFilter = (next: LogFilter) => {
    setFilterState(next)
    setSelected(new Set())
    resetPages()
  }

  const { refetch: refetchLogs } = logs
  const { refetch: refetchOverview } = overview
  const refreshAll = useCallback(() => {
    setSelected(new Set())
    setRefreshKey((k) => k + 1)
    refetchLogs().catch(() => undefined)
    refetchOverview().catch(() => undefined)
  }, [refetchLogs, refetchOverview])

  const bulk = useBulkAction(tab, refreshAll)
  const bulkRunning = bulk.action?.status === 'RUNNING'
  const runBulk = async (kind: BulkKind, target: 'selected' | 'all') => {
    const ok = await bulk.run(
      kind,
      target === 'selected' ? { ids: [...selected] } : { filter }
    )

    if (ok) setSelected(new Set())
  }

  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev)

      if (next.has(id)) next.delete(id)
      else next.add(id)

      return next
    })

  const togglePage = () =>
    setSelected((prev) => {
      const all = items.length > 0 && items.every((i) => prev.has(i.id))
      const next = new Set(prev)

      for (const i of items) {
        if (all) next.delete(i.id)
        else next.add(i.id)
      }

      return next
    })

  const open = (id: string) => {
    setOpenId(id)
    modal.show()
  }

  const remove = async (id: string) => {
    if (await removeLog(id)) {
      if (openId === id) modal.hide()
      if (items.length === 1 && page > 0) setCursors((c) => c.slice(0, -1))
    }
  }

  let viewStatus: DataViewStatus = 'ready'

  if (logs.error && !logs.data) viewStatus = 'error'
  else if (!logs.data && logs.loading) viewStatus = 'loading'
  else if (items.length === 0) viewStatus = 'empty'

  const from = page * PAGE_SIZE + 1
  const to = page * PAGE_SIZE + items.length

  return (
    <Stack space="$space-5" className={csx({ paddingY: '$space-5' })}>
      <OverviewStrip
        loading={overview.loading}
        total={overview.data?.integrationOverview.total}
        abnormal={overview.data?.integrationOverview.abnormal}
        byStatus={overview.data?.integrationOverview.byStatus}
      />
      <ErrorGroups
        tab={tab}
        selected={filter.cause}
        refreshKey={refreshKey}
        onSelect={(cause) =>
          setFilter({
            ...filter,
            cause,
            status: cause ? 'ERROR' : filter.status,
          })
        }
      />
      <Filters
        filter={filter}
        marketplaces={markets.data?.marketplaces ?? []}
        onChange={setFilter}
      />
      {filter.cause ? (
        <Inline hSpace="$space-2" data-testid="cause-filter">
          <Tag label={t('groups.filtering')} />
        </Inline>
      ) : null}
      {bulk.action ? (
        <BulkProgress
          action={bulk.action}
          onStop={() => bulk.stop()}
          onResume={() => bulk.restart()}
        />
      ) : null}
      <BulkBar
        selected={selected.size}
        matching={pageInfo ? pageInfo.total : null}
        running={bulkRunning}
        csvHref={csvUrl(tab, filter)}
        onSelected={(kind) => runBulk(kind, 'selected')}
        onAll={(kind) => runBulk(kind, 'all')}
        onClear={() => setSelected(new Set())}
      />

      {viewStatus === 'error' ? (
        <Center
          className={csx({ paddingY: '$space-8' })}
          data-testid="logs-error"
        >
          <Stack space="$space-3">
            <Heading as="h3">{t('error.title')}</Heading>
            <Text tone="secondary">{logs.error?.message}</Text>
            <Button onClick={() => logs.refetch()}>{t('error.retry')}</Button>
          </Stack>
        </Center>
      ) : viewStatus === 'empty' ? (
        <Center
          className={csx({ paddingY: '$space-8' })}
          data-testid="logs-empty"
        >
          <Stack space="$space-2">
            <Heading as="h3">{t('empty.title')}</Heading>
            <Text tone="secondary">{t('empty.description')}</Text>
          </Stack>
        </Center>
      ) : (
        <LogsTable
          tab={tab}
          items={items}
          status={viewStatus}
          pageSize={PAGE_SIZE}
          marketplaceNames={marketplaceNames}
          onOpen={open}
          onReprocess={reprocessLog}
          onRemove={remove}
          selected={selected}
          onToggle={toggle}
          onTogglePage={togglePage}
        />
      )}

      {pageInfo && items.length > 0 ? (
        <Inline
          hSpace="$space-3"
          className={csx({ justifyContent: 'flex-end', alignItems: 'center' })}
        >
          <Text tone="secondary" data-testid="page-range">
            {pageInfo.total == null
              ? t('pagination.rangeUnknown', { from, to })
              : t('pagination.range', { from, to, total: pageInfo.total })}
          </Text>
          <Button
            variant="tertiary"
            disabled={page === 0}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            {t('pagination.previous')}
          </Button>
          <Button
            variant="tertiary"
            disabled={!pageInfo.hasNextPage}
            onClick={() => setCursors((c) => [...c, pageInfo.endCursor])}
          >
            {t('pagination.next')}
          </Button>
        </Inline>
      ) : null}

      {openId ? (
        <LogDetail
          id={openId}
          state={modal}
          busy={busy}
          marketplaceNames={marketplaceNames}
          onReprocess={reprocessLog}
          onRemove={remove}
        />
      ) : null}
    </Stack>
  )
}

export default TabContent
