import { parseStrictInstant } from './dates'
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
/** Time zones on Earth are at most 14 hours from UTC. */
const MAX_ZONE_HOURS = 14

/**
 * An ISO 8601 date-time with a time zone (`2026-11-24T10:00:00Z`,
 * `2026-11-24T07:00:00-03:00`) naming a real calendar instant, as epoch ms;
 * null for anything else: the one strict parser (dates.ts) for a date-time
 * (never a date alone, whose instant is unknown), in a real time zone.
 */
export function strictInstant(value: unknown): number | null {
  const instant = parseStrictInstant(value)

  if (!instant) return null
  if (Math.floor(Math.abs(instant.offsetMinutes) / 60) > MAX_ZONE_HOURS)
    return null

  return instant.ms
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
