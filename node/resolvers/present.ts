import type { IntegrationLog, LogStatus, LogSummary } from '../domain/log'
import {
  REPROCESSABLE_STATUSES,
  giveUpAt,
  keepsExchange,
  reprocessRefusal,
} from '../domain/statusModel'
import type { Overview } from '../domain/stats'
import type { Tab } from '../domain/tabs'

const counts = (byStatus: Record<LogStatus, number>) => ({
  success: byStatus.SUCCESS,
  error: byStatus.ERROR,
  pending: byStatus.PENDING,
  alert: byStatus.ALERT,
  queued: byStatus.QUEUED,
})

export const presentOverview = (tab: Tab, o: Overview) => ({
  tab,
  total: o.total,
  abnormal: o.abnormal,
  byStatus: counts(o.byStatus),
  reprocessableStatuses: [...REPROCESSABLE_STATUSES],
  reprocessable: REPROCESSABLE_STATUSES.reduce(
    (sum, s) => sum + o.byStatus[s],
    0
  ),
  byMarketplace: o.byMarketplace.map((m) => ({
    ...m,
    byStatus: counts(m.byStatus),
  })),
})

/** A table row: whether Reprocess is offered comes from its own status and partner flag. */
export const presentRow = (row: LogSummary) => ({
  ...row,
  canReprocess: reprocessRefusal(row) === null,
})

export const presentLog = (log: IntegrationLog) => ({
  ...log,
  canReprocess: reprocessRefusal(log) === null,
  notReprocessableReason: reprocessRefusal(log),
  exchangeKept: keepsExchange(log.status),
  marketplaceOrderId: log.marketplaceOrderId ?? null,
  timeline: log.timeline ?? [],
  abnormal: log.abnormal ?? false,
  latencyMs: log.latencyMs ?? null,
  retry: log.retry ?? null,
  retriesExhausted: log.retriesExhausted ?? null,
  businessMessage: log.businessMessage ?? null,
  // Only the current status's state (a log written before it existed has none).
  alert: log.status === 'ALERT' ? log.alert ?? null : null,
  pending:
    log.status === 'PENDING' && log.pending
      ? { ...log.pending, giveUpAt: giveUpAt(log.pending) }
      : null,
  reason: log.reason ?? null,
  reasonParams: log.reason ? JSON.stringify(log.reasonParams ?? {}) : null,
  payload:
    log.payload === undefined ? null : JSON.stringify(log.payload, null, 2),
})

/** What integrationLogs hands PageInfo: the total is counted only when asked for. */
export interface PageInfoSource {
  total: () => Promise<number | null>
  endCursor: string | null
  hasNextPage: boolean
}
