import { LOG_STATUSES, LogStatus } from './log'

/** Counts per marketplace and status, kept beside the logs of one tab. */
export interface TabStats {
  counts: Record<string, Partial<Record<LogStatus, number>>>
}

export const emptyStats = (): TabStats => ({ counts: {} })

export interface StatsChange {
  marketplace: string
  from: LogStatus | null
  to: LogStatus | null
}

/** Moves one log between statuses (null = absent). Never goes below zero. */
export function applyStatsChange(stats: TabStats, change: StatsChange): TabStats {
  if (change.from === change.to) return stats
  const byStatus = { ...(stats.counts[change.marketplace] ?? {}) }
  if (change.from) byStatus[change.from] = Math.max(0, (byStatus[change.from] ?? 0) - 1)
  if (change.to) byStatus[change.to] = (byStatus[change.to] ?? 0) + 1
  return { counts: { ...stats.counts, [change.marketplace]: byStatus } }
}

export interface Overview {
  total: number
  byStatus: Record<LogStatus, number>
  byMarketplace: Array<{ marketplace: string; total: number; byStatus: Record<LogStatus, number> }>
}

const zero = (): Record<LogStatus, number> => ({ SUCCESS: 0, ERROR: 0, QUEUED: 0 })

export function overviewOf(stats: TabStats): Overview {
  const byStatus = zero()
  const byMarketplace = Object.keys(stats.counts)
    .sort()
    .map(marketplace => {
      const counts = zero()
      for (const status of LOG_STATUSES) {
        counts[status] = stats.counts[marketplace][status] ?? 0
        byStatus[status] += counts[status]
      }
      return {
        marketplace,
        total: counts.SUCCESS + counts.ERROR + counts.QUEUED,
        byStatus: counts,
      }
    })
    .filter(m => m.total > 0)
  return { total: byStatus.SUCCESS + byStatus.ERROR + byStatus.QUEUED, byStatus, byMarketplace }
}

/** Total the list shows for a status and/or marketplace filter. */
export function countFor(stats: TabStats, status?: LogStatus | null, marketplace?: string | null) {
  const markets = marketplace ? [marketplace] : Object.keys(stats.counts)
  const statuses = status ? [status] : LOG_STATUSES
  let total = 0
  for (const m of markets) for (const s of statuses) total += stats.counts[m]?.[s] ?? 0
  return total
}
