/**
 * Strict ISO 8601 dates for anything the app is sent (filters, partner
 * events, imports). Accepted:
 *
 *   2025-02-28                              a calendar date (a whole UTC day)
 *   2025-02-28T10:15Z                       a date-time with Z …
 *   2025-02-28T10:15:30.123-03:00           … or an offset ±HH:MM
 *
 * Four-digit years only, real calendar days (no 2025-02-30, no 24:00), no
 * bare numbers, no expanded years (+275760-…), no local times without an
 * offset. `Date.parse` accepts all of those and rolls bad days over into the
 * next month, which is why nothing the app is sent goes through it.
 */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/

const DAY_MS = 86_400_000

/** Which instant a calendar date stands for: its first or its last millisecond. */
export type DateBound = 'start' | 'end'

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

function daysIn(year: number, month: number) {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
    month - 1
  ]
}

/** Epoch ms of a UTC calendar day (years 0–99 included: Date.UTC would read them as 19xx). */
function utcDay(year: number, month: number, day: number) {
  const d = new Date(0)

  d.setUTCFullYear(year, month - 1, day)

  return d.getTime()
}

function validDay(year: number, month: number, day: number) {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
}

/** A strict ISO 8601 value: a calendar date, or an instant with its offset. */
type Parsed =
  | { kind: 'date'; startMs: number }
  | { kind: 'instant'; ms: number; offsetMinutes: number }

/** The one strict ISO 8601 parser (filters, partner events, imports). */
function parseIso(value: unknown): Parsed | null {
  if (typeof value !== 'string' || value.length > 40) return null
  const date = DATE_RE.exec(value)

  if (date) {
    const [year, month, day] = date.slice(1).map(Number)

    if (!validDay(year, month, day)) return null

    return { kind: 'date', startMs: utcDay(year, month, day) }
  }

  const m = DATE_TIME_RE.exec(value)

  if (!m) return null
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number)
  const second = Number(m[6] ?? 0)
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3))
  const offsetH = Number(m[10] ?? 0)
  const offsetM = Number(m[11] ?? 0)

  if (
    !validDay(year, month, day) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetH > 23 ||
    offsetM > 59
  ) {
    return null
  }

  const offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetH * 60 + offsetM)

  return {
    kind: 'instant',
    ms:
      utcDay(year, month, day) +
      ((hour * 60 + minute) * 60 + second) * 1000 +
      ms -
      offsetMinutes * 60_000,
    offsetMinutes,
  }
}

/**
 * Epoch ms of a strict ISO 8601 date or date-time; null when `value` is not
 * one. A calendar date is a whole UTC day: `bound` says whether it stands for
 * its first millisecond (a range's start) or its last (a range's end).
 */
export function parseStrictDate(
  value: unknown,
  bound: DateBound = 'start'
): number | null {
  const parsed = parseIso(value)

  if (!parsed) return null
  if (parsed.kind === 'instant') return parsed.ms

  return bound === 'end' ? parsed.startMs + DAY_MS - 1 : parsed.startMs
}

/**
 * A strict ISO 8601 date-time with its offset (a calendar date alone names
 * no instant): epoch ms and the offset in minutes; null for anything else.
 */
export function parseStrictInstant(
  value: unknown
): { ms: number; offsetMinutes: number } | null {
  const parsed = parseIso(value)

  return parsed?.kind === 'instant' ? parsed : null
}
