import type { LogStatus } from './log'
import { LOG_STATUSES } from './log'

/** Counts per marketplace: logs by status, and logs flagged with abnormal latency. */
export interface TabStats {
  counts: Record<string, Partial<Record<LogStatus, number>>>
  abnormal?: Record<string, number>
}

export const emptyStats = (): TabStats => ({ counts: {}, abnormal: {} })

export interface StatsChange {
  marketplace: string
  from: LogStatus | null
  to: LogStatus | null
  abnormalFrom?: boolean
  abnormalTo?: boolean
}

export const changesStats = (c: StatsChange) =>
  c.from !== c.to || Boolean(c.abnormalFrom) !== Boolean(c.abnormalTo)

/**
 * Moves one log between statuses (null = absent). A shard may go negative:
 * the decrement of a log counted in another shard lands wherever the writer
 * got in. Only the sum over shards means anything (mergeStats).
 */
export function applyStatsChange(
  stats: TabStats,
  change: StatsChange
): TabStats {
  if (!changesStats(change)) return stats
  const m = change.marketplace
  const byStatus = { ...(stats.counts[m] ?? {}) }

  if (change.from !== change.to) {
    if (change.from) byStatus[change.from] = (byStatus[change.from] ?? 0) - 1
    if (change.to) byStatus[change.to] = (byStatus[change.to] ?? 0) + 1
  }

  const abnormal = { ...(stats.abnormal ?? {}) }
  const delta =
    Number(Boolean(change.abnormalTo)) - Number(Boolean(change.abnormalFrom))

  if (delta !== 0) abnormal[m] = (abnormal[m] ?? 0) + delta

  return { counts: { ...stats.counts, [m]: byStatus }, abnormal }
}

/** Adds shards together. Sums are never below zero (a drifted count reads as 0). */
export function mergeStats(shards: TabStats[]): TabStats {
  const out = emptyStats()

  for (const s of shards) {
    for (const [m, byStatus] of Object.entries(s.counts)) {
      const target = { ...(out.counts[m] ?? {}) }

      out.counts[m] = target

      for (const status of LOG_STATUSES) {
        if (byStatus[status] != null)
          target[status] = (target[status] ?? 0) + (byStatus[status] ?? 0)
      }
    }

    for (const [m, n] of Object.entries(s.abnormal ?? {}))
      out.abnormal![m] = (out.abnormal![m] ?? 0) + n
  }

  for (const byStatus of Object.values(out.counts)) {
    for (const status of LOG_STATUSES)
      if ((byStatus[status] ?? 0) < 0) byStatus[status] = 0
  }

  for (const m of Object.keys(out.abnormal!))
    if (out.abnormal![m] < 0) out.abnormal![m] = 0

  return out
}

export interface Overview {
  total: number
  abnormal: number
  byStatus: Record<LogStatus, number>
  byMarketplace: Array<{
    marketplace: string
    total: number
    abnormal: number
    byStatus: Record<LogStatus, number>
  }>
}

const zero = (): Record<LogStatus, number> => ({
  SUCCESS: 0,
  ERROR: 0,
  QUEUED: 0,
})

export function overviewOf(stats: TabStats): Overview {
  const byStatus = zero()
  let abnormal = 0
  const markets = new Set([
    ...Object.keys(stats.counts),
    ...Object.keys(stats.abnormal ?? {}),
  ])

  const byMarketplace = [...markets]
    .sort((a, b) => a.localeCompare(b))
    .map((marketplace) => {
      const counts = zero()

      for (const status of LOG_STATUSES) {
        counts[status] = stats.counts[marketplace]?.[status] ?? 0
        byStatus[status] += counts[status]
      }

      const a = stats.abnormal?.[marketplace] ?? 0

      abnormal += a

      return {
        marketplace,
        total: counts.SUCCESS + counts.ERROR + counts.QUEUED,
        abnormal: a,
        byStatus: counts,
      }
    })
    .filter((m) => m.total > 0)

  return {
    total: byStatus.SUCCESS + byStatus.ERROR + byStatus.QUEUED,
    abnormal,
    byStatus,
    byMarketplace,
  }
}

/** Total the list shows for a status and/or marketplace filter. */
export function countFor(
  stats: TabStats,
  status?: LogStatus | null,
  marketplace?: string | null
) {
  const markets = marketplace ? [marketplace] : Object.keys(stats.counts)
  const statuses = status ? [status] : LOG_STATUSES
  let total = 0

  for (const m of markets)
    for (const s of statuses) total += stats.counts[m]?.[s] ?? 0

  return total
}
