import type { LogStatus } from './log'
import { LOG_STATUSES } from './log'
import type { Row } from './rows'
import type { TabStats } from './stats'
import { hasCause } from './statusModel'
import { emptyStats, sumStats } from './stats'

/**
 * The self-check of the counts: what the rows listed in a tab's status
 * folders add up to, compared with what the counts say. Every count the admin
 * sees (overview, per marketplace, abnormal, error groups) is derived from
 * the same rows, so a count that agrees with them cannot disagree with a
 * listing.
 */
export function statsOfRows(rows: Iterable<Row>): TabStats {
  const stats = emptyStats()

  for (const row of rows) {
    const byStatus = stats.counts[row.marketplace] ?? {}

    stats.counts[row.marketplace] = byStatus
    byStatus[row.status] = (byStatus[row.status] ?? 0) + 1
    if (row.abnormal)
      stats.abnormal![row.marketplace] =
        (stats.abnormal![row.marketplace] ?? 0) + 1
    if (hasCause(row.status) && row.cause)
      stats.causes![row.cause] = (stats.causes![row.cause] ?? 0) + 1
  }

  return stats
}

/** One count that disagrees with the rows. */
export interface CountDrift {
  /** `count.{marketplace}.{STATUS}`, `abnormal.{marketplace}` or `cause.{id}`. */
  what: string
  counted: number
  listed: number
}

function flatten(stats: TabStats) {
  const out = new Map<string, number>()
  const add = (k: string, n: number | undefined) => {
    if (n) out.set(k, (out.get(k) ?? 0) + n)
  }

  for (const [m, byStatus] of Object.entries(stats.counts))
    for (const s of LOG_STATUSES) add(`count.${m}.${s}`, byStatus[s])
  for (const [m, n] of Object.entries(stats.abnormal ?? {}))
    add(`abnormal.${m}`, n)
  for (const [c, n] of Object.entries(stats.causes ?? {})) add(`cause.${c}`, n)

  return out
}

/** Every count that differs from the rows (empty: they agree). Sorted by name. */
export function countDrift(counted: TabStats, rows: TabStats): CountDrift[] {
  const a = flatten(counted)
  const b = flatten(rows)

  return [...new Set([...a.keys(), ...b.keys()])]
    .sort((x, y) => (x < y ? -1 : 1))
    .map((what) => ({
      what,
      counted: a.get(what) ?? 0,
      listed: b.get(what) ?? 0,
    }))
    .filter((d) => d.counted !== d.listed)
}

/** a − b, count by count (the change that turns b into a). */
export function subtractStats(a: TabStats, b: TabStats): TabStats {
  const negated = emptyStats()

  for (const [m, byStatus] of Object.entries(b.counts)) {
    negated.counts[m] = {}
    for (const s of Object.keys(byStatus) as LogStatus[])
      negated.counts[m][s] = -(byStatus[s] ?? 0)
  }

  for (const [m, n] of Object.entries(b.abnormal ?? {}))
    negated.abnormal![m] = -n
  for (const [c, n] of Object.entries(b.causes ?? {})) negated.causes![c] = -n

  return sumStats([a, negated])
}
