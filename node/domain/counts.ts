import { causeStatus } from './causes'
import type { LogFilter } from './listPlan'
import type { LogStatus } from './log'
import type { TabStats } from './stats'
import { countFor } from './stats'

/** The parts of a log filter the counts can answer: all but its tab. */
export type CountedFilter = Omit<LogFilter, 'tab'>

const sum = (values: Record<string, number> | undefined) =>
  Object.values(values ?? {}).reduce((a, b) => a + b, 0)

/**
 * How the counts answer "how many logs does this filter match": a function
 * of the counts, or null when they cannot tell (a search, a date range, a
 * cause within one marketplace) — then nothing needs reading. Abnormal
 * latency is only flagged on accepted deliveries, so abnormal logs are all
 * successes and never have a cause; a cause's logs all have the status its
 * id names (causes.ts).
 */
export function countPlan(
  f: CountedFilter
): ((stats: TabStats) => number) | null {
  if (f.search || f.from || f.to) return null
  if (f.cause) {
    const { cause } = f

    if (f.abnormalOnly || (f.status && f.status !== causeStatus(cause)))
      return () => 0
    if (f.marketplace) return null

    return (stats) => stats.causes?.[cause] ?? 0
  }

  if (f.abnormalOnly) {
    const { marketplace } = f

    if (f.status && f.status !== 'SUCCESS') return () => 0
    if (marketplace) return (stats) => stats.abnormal?.[marketplace] ?? 0

    return (stats) => sum(stats.abnormal)
  }

  return (stats) => countFor(stats, f.status, f.marketplace)
}

/** The count of a filter over these counts; null when they cannot tell. */
export const countOf = (stats: TabStats, f: CountedFilter) =>
  countPlan(f)?.(stats) ?? null

export interface ErrorGroup {
  cause: string
  text: string
  count: number
  /** ERROR or ALERT: the status of every log in the group. */
  status: LogStatus
}

/** Error and alert causes by count, most frequent first (ties by id), at most `limit`. */
export const topCauses = (stats: TabStats, limit: number) =>
  Object.entries(stats.causes ?? {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
