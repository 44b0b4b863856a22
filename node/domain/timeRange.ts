import { invalidArgument } from './errors'
import { orderKeyOfMs } from './layout'

/**
 * VBase lists by prefix only, so a date range becomes the set of order-key
 * prefixes that cover it (decimal range decomposition). Keys are inverted
 * epoch ms, so the prefixes come out newest first. `GRAIN_DIGITS` trailing
 * digits are never split: the cover is at most ~10^6 ms (17 min) wider than
 * the range, and rows outside it are dropped by the reader.
 */
export const GRAIN_DIGITS = 6
const WIDTH = 13

export interface OrderRange {
  /** Smallest order key (newest time) included. */
  lo: string
  /** Largest order key (oldest time) included. */
  hi: string
}

export interface DateRange {
  from?: string | null
  to?: string | null
}

function parseDate(value: string, name: string) {
  const ms = Date.parse(value)

  if (!Number.isFinite(ms)) {
    throw invalidArgument(`Invalid ${name} "${value}": use an ISO 8601 date.`)
  }

  return ms
}

/** Null when there is no date filter. */
export function orderRangeOf(
  range: DateRange | null | undefined
): OrderRange | null {
  if (!range?.from && !range?.to) return null
  const fromMs = range.from ? parseDate(range.from, 'from') : 0
  const toMs = range.to ? parseDate(range.to, 'to') : 9_999_999_999_999

  if (fromMs > toMs) {
    throw invalidArgument('Invalid date range: "from" is after "to".')
  }

  return {
    lo: orderKeyOfMs(Math.min(toMs, 9_999_999_999_999)),
    hi: orderKeyOfMs(Math.max(fromMs, 0)),
  }
}

export const inRange = (order: string, range: OrderRange | null) =>
  !range || (order >= range.lo && order <= range.hi)

function split(prefix: string, lo: string, hi: string, out: string[]) {
  const n = lo.length

  if (n <= GRAIN_DIGITS || (/^0*$/.test(lo) && /^9*$/.test(hi))) {
    out.push(prefix)

    return
  }

  const a = Number(lo[0])
  const b = Number(hi[0])

  if (a === b) {
    split(prefix + lo[0], lo.slice(1), hi.slice(1), out)

    return
  }

  split(prefix + lo[0], lo.slice(1), '9'.repeat(n - 1), out)
  for (let d = a + 1; d < b; d++) out.push(prefix + String(d))
  split(prefix + hi[0], '0'.repeat(n - 1), hi.slice(1), out)
}

/** Ascending (newest first) order-key prefixes whose union covers the range. */
export function coverPrefixes(range: OrderRange): string[] {
  if (range.lo.length !== WIDTH || range.hi.length !== WIDTH) {
    throw invalidArgument('Order keys have 13 digits.')
  }

  if (range.lo > range.hi) return []
  const out: string[] = []

  split('', range.lo, range.hi, out)

  return out
}
