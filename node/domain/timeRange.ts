import { parseStrictDate } from './dates'
import type { FieldError } from './errors'
import { invalidArgument, invalidFields } from './errors'
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
const MAX_MS = 9_999_999_999_999

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

/**
 * The order-key range of a date filter; null when there is none. `from` and
 * `to` are strict ISO 8601 (domain/dates.ts), inclusive; a calendar date
 * stands for the whole UTC day (`to: 2025-02-28` includes that day). Bad
 * input names every offending field at once (reason INVALID_DATE_RANGE).
 */
export function orderRangeOf(
  range: DateRange | null | undefined
): OrderRange | null {
  if (!range?.from && !range?.to) return null
  const fromMs = range.from ? parseStrictDate(range.from, 'start') : 0
  const toMs = range.to ? parseStrictDate(range.to, 'end') : MAX_MS
  const bad = (['from', 'to'] as const).filter(
    (field) => (field === 'from' ? fromMs : toMs) === null
  )

  if (bad.length > 0) {
    const fields: FieldError[] = bad.map((field) => ({
      field,
      code: 'INVALID_DATE',
    }))

    throw invalidFields(
      'INVALID_DATE_RANGE',
      `Invalid ${bad
        .map((field) => `${field} "${String(range[field]).slice(0, 40)}"`)
        .join(
          ' and '
        )}: use an ISO 8601 date (2025-02-28) or date-time with Z or an offset (2025-02-28T10:00:00-03:00).`,
      fields
    )
  }

  if (fromMs! > toMs!) {
    throw invalidFields(
      'INVALID_DATE_RANGE',
      'Invalid date range: "from" is after "to".',
      [{ field: 'from', code: 'OUT_OF_RANGE', params: { max: range.to! } }]
    )
  }

  return {
    lo: orderKeyOfMs(Math.min(Math.max(toMs!, 0), MAX_MS)),
    hi: orderKeyOfMs(Math.min(Math.max(fromMs!, 0), MAX_MS)),
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
