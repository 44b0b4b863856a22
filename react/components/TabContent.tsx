import React, { useEffect, useState } from 'react'
import { useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import type { DataViewStatus } from '@vtex/admin-ui'
import {
  Button,
  Center,
  Heading,
  Inline,
  Select,
  Stack,
  Text,
  useModalState,
  csx,
} from '@vtex/admin-ui'

import INTEGRATION_LOGS from '../graphql/integrationLogs.graphql'
import INTEGRATION_OVERVIEW from '../graphql/integrationOverview.graphql'
import MARKETPLACES from '../graphql/marketplaces.graphql'
import { useLogActions } from '../hooks/useLogActions'
import type {
  LogPageData,
  LogStatus,
  MarketplacesData,
  OverviewData,
  Tab,
} from '../utils/types'
import LogDetail from './LogDetail'
import LogsTable from './LogsTable'
import OverviewStrip from './OverviewStrip'

export const PAGE_SIZE = 20
const POLL_MS = 2000
const STATUSES: LogStatus[] = ['SUCCESS', 'ERROR', 'QUEUED']
/** Select value meaning "no filter" (admin-ui's Select keeps "" for its placeholder). */
const ALL = 'ALL'

const TabContent = ({ tab }: { tab: Tab }) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const [status, setStatus] = useState<LogStatus | typeof ALL>(ALL)
  const [marketplace, setMarketplace] = useState(ALL)
  /** cursors[n] is the `after` of page n; page 0 starts at null. */
  const [cursors, setCursors] = useState<Array<string | null>>([null])
  const [openId, setOpenId] = useState<string | null>(null)
  const modal = useModalState()
  const { reprocessLog, removeLog, busy } = useLogActions()

  const page = cursors.length - 1
  const logs = useQuery<LogPageData>(INTEGRATION_LOGS, {
    variables: {
      tab,
      status: status === ALL ? null : status,
      marketplace: marketplace === ALL ? null : marketplace,
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
  const marketplaceNames = Object.fromEntries(
    (markets.data?.marketplaces ?? []).map((m) => [m.id, m.name])
  )

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
      <Inline hSpace="$space-4" vSpace="$space-3">
        <Select
          label={t('filter.status')}
          value={status}
          data-testid="filter-status"
          onChange={(e) => {
            setStatus(e.target.value as LogStatus | typeof ALL)
            resetPages()
          }}
        >
          <option value={ALL}>{t('filter.status.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </Select>
        <Select
          label={t('filter.marketplace')}
          value={marketplace}
          data-testid="filter-marketplace"
          onChange={(e) => {
            setMarketplace(e.target.value)
            resetPages()
          }}
        >
          <option value={ALL}>{t('filter.marketplace.all')}</option>
          {(markets.data?.marketplaces ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
      </Inline>

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
        />
      )}

      {pageInfo && pageInfo.total > 0 ? (
        <Inline
          hSpace="$space-3"
          className={csx({ justifyContent: 'flex-end', alignItems: 'center' })}
        >
          <Text tone="secondary" data-testid="page-range">
            {t('pagination.range', {
              from: items.length ? from : 0,
              to,
              total: pageInfo.total,
            })}
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
