/**
 * What to collect from a connector on one run (pure). VTEX's standard
 * serves logs by day (`DateAt=yyyy-mm-dd`) and status, with no paging: one
 * request per day, oldest first, with `status=all` when every status is
 * wanted, else the statuses in lower case (`error,alert`).
 *
 * Decisions: days are UTC dates; the last `lookbackDays` days (today
 * included) are collected on every run, since a connector keeps adding to
 * today and may still rewrite yesterday (Pending → Success) — collecting
 * them again is harmless, each message is one log by its key. Days before
 * that window are collected once: `completeThrough` is the last such day
 * the store has all of, and a run after an outage catches up from it, at
 * most MAX_CATCH_UP_DAYS back.
 */
import type { PartnerStatus } from './messages'
import { PARTNER_STATUSES } from './messages'

export const MAX_CATCH_UP_DAYS = 30
const DAY_MS = 86_400_000

export interface PlannedRequest {
  /** yyyy-mm-dd */
  dateAt: string
  status: string
}

export interface CollectionPlan {
  requests: PlannedRequest[]
  /** The cursor to keep once every request succeeded. */
  completeThrough: string
}

export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`)

/** `all`, or the wanted statuses in lower case (VTEX's examples: `status=all`, `status=sucess,error`). */
export const statusParam = (statuses: readonly PartnerStatus[]) =>
  PARTNER_STATUSES.every((s) => statuses.includes(s))
    ? 'all'
    : PARTNER_STATUSES.filter((s) => statuses.includes(s))
        .map((s) => s.toLowerCase())
        .join(',')

export function collectionPlan(input: {
  now: number
  lookbackDays: number
  statuses: readonly PartnerStatus[]
  /** Last day fully collected (null the first time). */
  completeThrough: string | null
}): CollectionPlan {
  const today = dayMs(utcDay(input.now))
  const windowStart = today - (Math.max(1, input.lookbackDays) - 1) * DAY_MS
  const oldest = today - (MAX_CATCH_UP_DAYS - 1) * DAY_MS
  const cursor =
    input.completeThrough && !Number.isNaN(dayMs(input.completeThrough))
      ? dayMs(input.completeThrough) + DAY_MS
      : windowStart

  const start = Math.max(oldest, Math.min(windowStart, cursor))
  const status = statusParam(input.statuses)
  const requests: PlannedRequest[] = []

  for (let d = start; d <= today; d += DAY_MS)
    requests.push({ dateAt: utcDay(d), status })

  return { requests, completeThrough: utcDay(windowStart - DAY_MS) }
}
