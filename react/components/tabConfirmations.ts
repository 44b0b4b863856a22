import { useIntl } from 'react-intl'

import type {
  BulkKind,
  IntegrationOverviewQuery,
  Tab,
} from '../graphql/generated'
import type { ConfirmState } from '../hooks/useConfirm'
import type { LogsUrlState } from '../utils/urlState'
import { isFiltered } from '../utils/urlState'
import { parseLogIdParts } from '../utils/logId'

type Overview = IntegrationOverviewQuery['integrationOverview']

/**
 * "Reprocessar todos" over what the filter shows, as the API states it: it
 * acts on the overview's `reprocessableStatuses` (errors) — offered with no
 * status filter or a filter on one of them — and queues `reprocessable` logs
 * with no filter, the filter's match count with such a status filter, and an
 * unknown number otherwise. Not offered until the overview says which
 * statuses those are.
 */
export function reprocessAllScope(
  url: LogsUrlState,
  overview: Overview | null,
  matching: number | null
): { offered: boolean; count: number | null } {
  if (url.status != null) {
    const offered = Boolean(
      overview?.reprocessableStatuses.includes(url.status)
    )

    return { offered, count: offered ? matching : 0 }
  }

  return {
    offered: true,
    count: isFiltered(url) ? null : overview?.reprocessable ?? null,
  }
}

interface Deps {
  tab: Tab
  url: LogsUrlState
  overview: Overview | null
  /** Logs the filter matches, when the counts can tell. */
  matching: number | null
  selected: number
  names: Record<string, string>
  confirm: ConfirmState
  onRemove: (id: string) => unknown
  onBulk: (kind: BulkKind, target: 'selected' | 'all') => unknown
}

/**
 * What asks before it acts: "Reprocessar todos", "Remover todos", "Remover
 * selecionados" and a single "Remover Log", each naming the action and how
 * many logs it touches ("Reprocessar 26 logs com erro em Estoque?").
 * Reprocessing selected rows acts at once (the admin just chose them).
 */
export function useTabConfirmations(d: Deps) {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const tabName = t(`tabs.${d.tab.toLowerCase()}`)
  // "All" reprocesses what the filter shows that can be: how many, when known.
  const errors = reprocessAllScope(d.url, d.overview, d.matching).count

  const bulk = (kind: BulkKind, target: 'selected' | 'all') => {
    const run = () => d.onBulk(kind, target)

    if (kind === 'REPROCESS' && target === 'selected') return run()
    if (kind === 'REPROCESS') {
      return d.confirm.ask({
        title:
          errors == null
            ? t('confirm.reprocessAll.unknown', { tab: tabName })
            : t('confirm.reprocessAll.title', { count: errors, tab: tabName }),
        message: t('confirm.reprocess.message'),
        action: t('bulk.reprocessAll'),
        critical: false,
        run,
      })
    }

    const count = target === 'selected' ? d.selected : d.matching

    return d.confirm.ask({
      title:
        target === 'selected'
          ? t('confirm.removeSelected.title', { count: d.selected })
          : count == null
          ? t('confirm.removeAll.unknown', { tab: tabName })
          : t('confirm.removeAll.title', { count, tab: tabName }),
      message: t('confirm.remove.message'),
      action: t(target === 'selected' ? 'bulk.remove' : 'bulk.removeAll'),
      critical: true,
      run,
    })
  }

  const remove = (id: string, returnTo: HTMLElement | null) => {
    const { entityId, marketplace } = parseLogIdParts(id)

    d.confirm.ask(
      {
        title: t('confirm.removeLog.title', {
          entity: t(
            d.tab === 'TRACKING' ? 'detail.entity.order' : 'detail.entity.sku',
            { id: entityId }
          ),
          marketplace: d.names[marketplace] ?? marketplace,
        }),
        message: t('confirm.remove.message'),
        action: t('actions.remove'),
        critical: true,
        run: () => d.onRemove(id),
      },
      returnTo
    )
  }

  return { bulk, remove }
}
