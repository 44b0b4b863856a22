import type { LogStatus } from './log'
import { LOG_STATUSES } from './log'
import { hasCause } from './statusModel'

/** Counts per marketplace: logs by status, and logs flagged with abnormal latency. */
export interface TabStats {
  counts: Record<string, Partial<Record<LogStatus, number>>>
  abnormal?: Record<string, number>
  /** Errors and alerts by cause id (causes.ts; the id names the status). */
  causes?: Record<string, number>
}

export const emptyStats = (): TabStats => ({
  counts: {},
  abnormal: {},
  causes: {},
})

export interface StatsChange {
  marketplace: string
  from: LogStatus | null
  to: LogStatus | null
  abnormalFrom?: boolean
  abnormalTo?: boolean
  causeFrom?: string | null
  causeTo?: string | null
}

const errorCause = (status: LogStatus | null, cause?: string | null) =>
  hasCause(status) && cause ? cause : null

export const changesStats = (c: StatsChange) =>
  c.from !== c.to ||
  Boolean(c.abnormalFrom) !== Boolean(c.abnormalTo) ||
  errorCause(c.from, c.causeFrom) !== errorCause(c.to, c.causeTo)

/**
 * Moves one log between statuses (null = absent). A delta alone may go
 * negative; only the sum of the base and the deltas means anything (mergeStats).
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

  const causes = { ...(stats.causes ?? {}) }
  const causeFrom = errorCause(change.from, change.causeFrom)
  const causeTo = errorCause(change.to, change.causeTo)

  if (causeFrom !== causeTo) {
    if (causeFrom) causes[causeFrom] = (causes[causeFrom] ?? 0) - 1
    if (causeTo) causes[causeTo] = (causes[causeTo] ?? 0) + 1
  }

  return { counts: { ...stats.counts, [m]: byStatus }, abnormal, causes }
}

/** Adds count sets together, as they are (a set of changes may be negative). */
export function sumStats(sets: TabStats[]): TabStats {
  const out = emptyStats()

  for (const s of sets) {
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

    for (const [c, n] of Object.entries(s.causes ?? {}))
      out.causes![c] = (out.causes![c] ?? 0) + n
  }

  return out
}

/** Adds count sets together. Sums are never below zero (a drifted count reads as 0). */
export function mergeStats(sets: TabStats[]): TabStats {
  const out = sumStats(sets)

  for (const byStatus of Object.values(out.counts)) {
    for (const status of LOG_STATUSES)
      if ((byStatus[status] ?? 0) < 0) byStatus[status] = 0
  }

  for (const m of Object.keys(out.abnormal!))
    if (out.abnormal![m] < 0) out.abnormal![m] = 0

  for (const c of Object.keys(out.causes!))
    if (out.causes![c] <= 0) delete out.causes![c]

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
  PENDING: 0,
  ALERT: 0,
  QUEUED: 0,
})

const totalOf = (byStatus: Record<LogStatus, number>) =>
  LOG_STATUSES.reduce((n, s) => n + byStatus[s], 0)

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
        total: totalOf(counts),
        abnormal: a,
        byStatus: counts,
      }
    })
    .filter((m) => m.total > 0)

  return {
    total: totalOf(byStatus),
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

/**
 * Every committed write leaves its count change as a file whose path is the
 * change (so a listing returns the changes, no reads):
 *   {epoch ms}{random}~{marketplace}~{from}~{to}~{abnormal from/to}~{cause from}~{cause to}
 * Oldest first. A status of "-" means absent. A compaction folds them into the base.
 */
const NONE = '-'

export function encodeDelta(change: StatsChange, atMs: number, nonce: string) {
  return [
    `${String(Math.floor(atMs)).padStart(13, '0')}${nonce}`,
    change.marketplace,
    change.from ?? NONE,
    change.to ?? NONE,
    `${change.abnormalFrom ? 1 : 0}${change.abnormalTo ? 1 : 0}`,
    errorCause(change.from, change.causeFrom) ?? NONE,
    errorCause(change.to, change.causeTo) ?? NONE,
  ].join('~')
}

const statusOrNull = (v: string): LogStatus | null | undefined => {
  if (v === NONE) return null

  return (LOG_STATUSES as readonly string[]).includes(v)
    ? (v as LogStatus)
    : undefined
}

export function decodeDelta(leaf: string): StatsChange | null {
  const parts = leaf.split('~')

  if (parts.length !== 7) return null
  const [, marketplace, from, to, ab, causeFrom, causeTo] = parts
  const f = statusOrNull(from)
  const t = statusOrNull(to)

  if (f === undefined || t === undefined || !/^[01]{2}$/.test(ab)) return null

  return {
    marketplace,
    from: f,
    to: t,
    abnormalFrom: ab[0] === '1',
    abnormalTo: ab[1] === '1',
    causeFrom: causeFrom === NONE ? null : causeFrom,
    causeTo: causeTo === NONE ? null : causeTo,
  }
}

/** The folded counts, and which delta files are already in them. */
export interface StatsBase {
  stats: TabStats
  /** Delta leaves folded in and maybe not deleted yet. */
  folded: string[]
  /** Texts of the causes seen, by id. */
  causeText: Record<string, string>
}

export const emptyBase = (): StatsBase => ({
  stats: emptyStats(),
  folded: [],
  causeText: {},
})

/** The base plus the listed deltas it does not hold yet, as they are (not clamped). */
export function sumDeltas(base: StatsBase, deltaLeaves: string[]) {
  const folded = new Set(base.folded)
  let { stats } = base

  for (const leaf of deltaLeaves) {
    if (folded.has(leaf)) continue
    const change = decodeDelta(leaf)

    if (change) stats = applyStatsChange(stats, change)
  }

  return stats
}

/** What the overview shows: base + the listed deltas it does not hold yet. */
export const currentStats = (base: StatsBase, deltaLeaves: string[]) =>
  mergeStats([sumDeltas(base, deltaLeaves)])

/**
 * Folds one listing of deltas (oldest first) into the base. `folded` then
 * holds the listed leaves (their deletes come after the base is written) and
 * any earlier folded leaf past the end of this listing; a folded leaf before
 * it that is not listed was deleted and is dropped, so `folded` stays about
 * one listing long. Idempotent: folding the same listing twice changes nothing.
 */
export function foldDeltas(
  base: StatsBase,
  deltaLeaves: string[],
  causeText: Record<string, string> = {}
): StatsBase {
  const last = deltaLeaves[deltaLeaves.length - 1] ?? ''
  const beyond = base.folded.filter((l) => l > last)

  return {
    stats: sumDeltas(base, deltaLeaves),
    folded: [...deltaLeaves, ...beyond],
    causeText: { ...base.causeText, ...causeText },
  }
}
