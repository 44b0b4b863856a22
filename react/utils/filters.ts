import type { LogFilter, LogStatus } from './types'

export const EMPTY_FILTER: LogFilter = {
  status: null,
  marketplace: null,
  search: null,
  from: null,
  to: null,
  abnormalOnly: false,
  cause: null,
}

/** A date input's day (YYYY-MM-DD) as the start or the end of that day in the admin's time zone. */
export function dayBound(day: string, end: boolean): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`)

  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** The filter as GraphQL variables (only what is set). */
export function filterVariables(f: LogFilter) {
  return {
    status: f.status,
    marketplace: f.marketplace,
    search: f.search,
    from: f.from,
    to: f.to,
    abnormalOnly: f.abnormalOnly || null,
    cause: f.cause,
  }
}

/** The CSV export's address for a tab and filter (the app's private route). */
export function csvUrl(tab: string, f: LogFilter) {
  const params = new URLSearchParams({ tab })

  for (const [key, value] of Object.entries(filterVariables(f))) {
    if (value != null && value !== '') params.set(key, String(value))
  }

  return `/_v/marketplace-bridge/logs.csv?${params.toString()}`
}

export const isStatus = (v: string): v is LogStatus =>
  v === 'SUCCESS' || v === 'ERROR' || v === 'QUEUED'
