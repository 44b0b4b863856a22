import type { FieldError } from './errors'

/**
 * The partner-date rule: when a logistics partner says something happened.
 * A strict ISO 8601 instant with a time zone, on a real calendar day, within
 * a plausible window around the store's clock.
 */
export const PARTNER_DATE_WINDOW = {
  /** An event older than this (days before now) is not plausible news. */
  pastDays: 365,
  /** Clocks differ: an event up to this far (hours) in the future is accepted. */
  futureHours: 24,
} as const

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/

const daysIn = (year: number, month: number) =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
    ? 30
    : 31

/**
 * An ISO 8601 date-time with a time zone (`2026-11-24T10:00:00Z`,
 * `2026-11-24T07:00:00-03:00`) naming a real calendar instant, as epoch ms;
 * null for anything else. Unlike Date.parse it never rolls 30 February over
 * into March, and it refuses dates without a zone (their instant is unknown)
 * and expanded years (`+275760-…`).
 */
export function strictInstant(value: unknown): number | null {
  if (typeof value !== 'string') return null
  const m = DATE_TIME.exec(value)

  if (!m) return null
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number)
  const second = m[6] ? Number(m[6]) : 0
  const zoneHours = m[9] ? Number(m[9]) : 0
  const zoneMinutes = m[10] ? Number(m[10]) : 0

  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month))
    return null
  if (hour > 23 || minute > 59 || second > 59) return null
  if (zoneHours > 14 || zoneMinutes > 59) return null
  const t = Date.parse(value)

  return Number.isNaN(t) ? null : t
}

/**
 * The partner-date rule: a strict ISO 8601 instant within the plausible
 * window (PARTNER_DATE_WINDOW.pastDays before now to futureHours after). Returns
 * the instant in UTC ISO form, or why the field is refused.
 */
export function partnerEventDate(
  value: unknown,
  field: string,
  nowMs: number
): { iso: string } | FieldError {
  const t = strictInstant(value)

  if (t == null) return { field, code: 'INVALID_DATE' }
  const from = nowMs - PARTNER_DATE_WINDOW.pastDays * DAY_MS
  const to = nowMs + PARTNER_DATE_WINDOW.futureHours * HOUR_MS

  if (t < from || t > to) {
    return {
      field,
      code: 'OUT_OF_RANGE',
      params: {
        min: new Date(from).toISOString(),
        max: new Date(to).toISOString(),
      },
    }
  }

  return { iso: new Date(t).toISOString() }
}
