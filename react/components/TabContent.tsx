import React, { useCallback, useEffect, useRef, useState } from 'react'
import { useIntl } from 'react-intl'
import { Inline, Stack, Tag, csx } from '@vtex/admin-ui'
import { useRuntime } from 'vtex.render-runtime'

import type { Tab } from '../graphql/generated'
import { useBulkAction } from '../hooks/useBulkAction'
import { useConfirm } from '../hooks/useConfirm'
import { useLogActions } from '../hooks/useLogActions'
import { useLogPages } from '../hooks/useLogPages'
import { useLogSelection } from '../hooks/useLogSelection'
import { useLogsUrl } from '../hooks/useLogsUrl'
import { useMarketplaces } from '../hooks/useMarketplaces'
import { useOverview } from '../hooks/useOverview'
import { filterOf, isFiltered, toQuery } from '../utils/urlState'
import BulkBar from './BulkBar'
import BulkProgress from './BulkProgress'
import ConfirmDialog from './ConfirmDialog'
import ErrorGroups from './ErrorGroups'
import LogDetail from './detail/LogDetail'
import LogFilters from './logs/LogFilters'
import LogsView from './logs/LogsView'
import OverviewStrip from './OverviewStrip'
import { reprocessAllScope, useTabConfirmations } from './tabConfirmations'
import CsvExports from './csv/CsvExports'
import { useCsvExports } from './csv/useCsvExports'

/** One tab of the logs page: counts, error groups, filters, bulk actions, table, detail. */
const TabContent = ({ tab }: { tab: Tab }) => {
  const intl = useIntl()
  const { culture } = useRuntime()
  const { state: url, update } = useLogsUrl()
  const filter = filterOf(url)
  const listKey = JSON.stringify([tab, filter])
  const overview = useOverview(tab)
  const pages = useLogPages(tab, filter, overview.queued)
  const markets = useMarketplaces(tab)
  const selection = useLogSelection(
    listKey,
    pages.items.map((i) => i.id)
  )

  const confirm = useConfirm()
  const { reprocessLog, removeLog, busy } = useLogActions()
  const [refreshKey, setRefreshKey] = useState(0)
  const opener = useRef<HTMLElement | null>(null)

  const { refetch: refetchLogs } = pages
  const { refetch: refetchOverview } = overview
  const refreshAll = useCallback(() => {
    setRefreshKey((k) => k + 1)
    refetchLogs()
    refetchOverview()
  }, [refetchLogs, refetchOverview])

  const bulk = useBulkAction(tab, refreshAll)
  const csv = useCsvExports(tab)
  const ask = useTabConfirmations({
    tab,
    url,
    overview: overview.data,
    matching: pages.pageInfo?.total ?? null,
    selected: selection.size,
    names: markets.names,
    confirm,
    onRemove: async (id) => {
      if (!(await removeLog(id))) return
      if (url.log === id) update({ log: null })
      if (pages.items.length === 1) pages.previous()
    },
    onBulk: async (kind, target) => {
      const ok = await bulk.run(
        kind,
        target === 'selected' ? { ids: [...selection.selected] } : { filter }
      )

      if (ok) selection.clear()
    },
  })

  const clearFilters = () =>
    update({
      status: null,
      marketplace: null,
      search: null,
      from: null,
      to: null,
      abnormalOnly: false,
      cause: null,
    })

  const dialog = <ConfirmDialog confirm={confirm} />

  // The detail closed (close button, Escape, back button): focus goes back
  // to what opened it, or to its row's link.
  const shownLog = useRef(url.log)

  useEffect(() => {
    const closed = shownLog.current

    shownLog.current = url.log
    if (!closed || url.log) return
    const target =
      opener.current && document.contains(opener.current)
        ? opener.current
        : document.querySelector<HTMLElement>(
            `tr[data-log-id="${CSS.escape(closed)}"] [data-testid="open-log"]`
          )

    target?.focus()
  }, [url.log])

  const open = (id: string, from: HTMLElement | null) => {
    opener.current = from
    update({ log: id })
  }

  return (
    <Stack space="$space-3" className={csx({ paddingY: '$space-3' })}>
      <OverviewStrip overview={overview.data} loading={overview.loading} />
      <ErrorGroups
        tab={tab}
        selected={url.cause}
        refreshKey={refreshKey}
        onSelect={(group) =>
          update({
            cause: group?.cause ?? null,
            status: group ? group.status : url.status,
          })
        }
      />
      <LogFilters url={url} marketplaces={markets.list} onChange={update} />
      {url.cause ? (
        <Inline hSpace="$space-2" data-testid="cause-filter">
          <Tag
            label={intl.formatMessage({
              id: 'admin/marketplace-bridge.groups.filtering',
            })}
          />
        </Inline>
      ) : null}
      {bulk.action ? (
        <BulkProgress
          action={bulk.action}
          onStop={() => bulk.stop()}
          onResume={() => bulk.restart()}
          onDismiss={() => bulk.dismiss()}
        />
      ) : null}
      <CsvExports
        exports={csv.exports}
        onCancel={(id) => csv.stop(id)}
        onSettled={() => csv.refresh()}
      />
      <BulkBar
        selected={selection.size}
        matching={pages.pageInfo?.total ?? null}
        unavailable={Boolean(pages.error)}
        running={bulk.action?.status === 'RUNNING'}
        noErrors={
          !reprocessAllScope(url, overview.data, pages.pageInfo?.total ?? null)
            .offered
        }
        onSelected={(kind) => ask.bulk(kind, 'selected')}
        onAll={(kind) => ask.bulk(kind, 'all')}
        onClear={() => selection.clear()}
        onExport={() =>
          csv.run(
            filter,
            culture.locale,
            Intl.DateTimeFormat().resolvedOptions().timeZone
          )
        }
      />
      <LogsView
        pages={pages}
        filtered={isFiltered(url)}
        dated={Boolean(url.from || url.to)}
        onClearFilters={clearFilters}
        tab={tab}
        names={markets.names}
        isSelected={selection.isSelected}
        pageState={selection.pageState}
        onToggle={(id) => selection.toggle(id)}
        onTogglePage={() => selection.togglePage()}
        onOpen={open}
        hrefFor={(id) =>
          `?${new URLSearchParams(
            Object.entries(toQuery({ ...url, log: id })).filter(
              (e): e is [string, string] => e[1] != null
            )
          )}`
        }
        onReprocess={reprocessLog}
        onRemove={(id, to) => ask.remove(id, to)}
      />
      {url.log ? (
        <LogDetail
          id={url.log}
          busy={busy}
          names={markets.names}
          returnFocus={opener}
          onClose={() => update({ log: null })}
          onReprocess={reprocessLog}
          onRemove={(id, to) => ask.remove(id, to)}
        >
          {dialog}
        </LogDetail>
      ) : (
        dialog
      )}
    </Stack>
  )
}

export default TabContent
