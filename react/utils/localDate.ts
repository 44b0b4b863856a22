type Part = 'day' | 'month' | 'year'

/**
 * The order of day, month and year in a locale's short dates (pt-BR
 * 31/12/2026, en-US 12/31/2026), read from Intl so every locale gets its own.
 */
export function dayOrder(locale: string): Part[] {
  const parts = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(2026, 11, 31)))

  return parts
    .map((p) => p.type)
    .filter((t): t is Part => t === 'day' || t === 'month' || t === 'year')
}

/**
 * The pattern a day is typed in, in the locale's order and the admin's own
 * letters ("dd/mm/aaaa" in pt-BR, "mm/dd/yyyy" in en-US): a placeholder that
 * cannot be taken for a value. `letters` names day, month and year in the
 * admin's language.
 */
export function dayPattern(
  locale: string,
  letters: Record<Part, string>
): string {
  const width: Record<Part, number> = { day: 2, month: 2, year: 4 }

  return dayOrder(locale)
    .map((p) => letters[p].repeat(width[p]))
    .join('/')
}

/** A calendar day (YYYY-MM-DD) as the locale writes it. */
export function formatDay(day: string | null, locale: string): string {
  if (!day) return ''
  const [y, m, d] = day.split('-').map(Number)

  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)))
}

/**
 * What the admin typed, read in the locale's order ("31/12/2026" in pt-BR,
 * "12/31/2026" in en-US; any separator): the day as YYYY-MM-DD, null when it
 * is not a date, "" when blank.
 */
export function parseDay(text: string, locale: string): string | null {
  const trimmed = text.trim()

  if (trimmed === '') return ''
  const numbers = trimmed.split(/\D+/).filter(Boolean).map(Number)

  if (numbers.length !== 3) return null
  const order = dayOrder(locale)
  const value = Object.fromEntries(
    order.map((p, i) => [p, numbers[i]])
  ) as Record<Part, number>

  if (value.year < 100) value.year += 2000
  const date = new Date(Date.UTC(value.year, value.month - 1, value.day))

  if (
    date.getUTCFullYear() !== value.year ||
    date.getUTCMonth() !== value.month - 1 ||
    date.getUTCDate() !== value.day
  )
    return null

  return date.toISOString().slice(0, 10)
}
