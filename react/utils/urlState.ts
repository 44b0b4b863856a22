import type { LogFilterInput, LogStatus, Tab } from '../graphql/generated'
import { tabFromParam, tabToParam } from './tabs'

type Query = Record<string, string | undefined>

export const STATUSES: LogStatus[] = [
  'SUCCESS',
  'ERROR',
  'ALERT',
  'PENDING',
  'QUEUED',
]

/**
 * What the logs page keeps in its URL, so a reload, a copied link and the
 * Admin's back button show the same thing:
 * `?tab=&status=&marketplace=&q=&from=&to=&abnormal=&cause=&log=`.
 * Days (`from`, `to`) are the admin's calendar days (YYYY-MM-DD).
 */
export interface LogsUrlState {
  tab: Tab
  status: LogStatus | null
  marketplace: string | null
  search: string | null
  from: string | null
  to: string | null
  abnormalOnly: boolean
  cause: string | null
  /** The log whose detail is open. */
  log: string | null
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/

const text = (v: string | undefined) => (v && v.trim() ? v : null)

export function readUrlState(query: Query): LogsUrlState {
  const status = query.status?.toUpperCase()

  return {
    tab: tabFromParam(query.tab),
    status: STATUSES.find((s) => s === status) ?? null,
    marketplace: text(query.marketplace),
    search: text(query.q),
    from: query.from && DAY_RE.test(query.from) ? query.from : null,
    to: query.to && DAY_RE.test(query.to) ? query.to : null,
    abnormalOnly: query.abnormal === '1',
    cause: text(query.cause),
    log: text(query.log),
  }
}

/** The full query for a state (absent keys are removed from the URL). */
export function toQuery(s: LogsUrlState): Query {
  return {
    tab: tabToParam(s.tab),
    status: s.status?.toLowerCase() ?? undefined,
    marketplace: s.marketplace ?? undefined,
    q: s.search ?? undefined,
    from: s.from ?? undefined,
    to: s.to ?? undefined,
    abnormal: s.abnormalOnly ? '1' : undefined,
    cause: s.cause ?? undefined,
    log: s.log ?? undefined,
  }
}

/** A calendar day as the first or last instant of that day in the admin's time zone. */
export function dayBound(day: string, end: boolean): string | null {
  if (!DAY_RE.test(day)) return null
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`)

  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** The filter the API takes (logs query, CSV, bulk actions): one shape, LogFilterInput. */
export function filterOf(s: LogsUrlState): LogFilterInput {
  return {
    status: s.status,
    marketplace: s.marketplace,
    search: s.search,
    from: s.from ? dayBound(s.from, false) : null,
    to: s.to ? dayBound(s.to, true) : null,
    abnormalOnly: s.abnormalOnly || null,
    cause: s.cause,
  }
}

/** Whether anything narrows the list (an empty result then means "nothing matches"). */
export const isFiltered = (s: LogsUrlState) =>
  Boolean(
    s.status ||
      s.marketplace ||
      s.search ||
      s.from ||
      s.to ||
      s.abnormalOnly ||
      s.cause
  )
