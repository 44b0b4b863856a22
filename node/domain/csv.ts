import type { CsvLabels } from './csvLabels'
import { CSV_LABELS, CSV_LANGUAGES } from './csvLabels'
import { invalidFields } from './errors'
import type { LogSummary } from './log'
import type { Tab } from './tabs'

/** Columns of the CSV export, in order. */
export const CSV_COLUMNS = [
  'id',
  'marketplace',
  'entityId',
  'status',
  'processedAt',
  'attempts',
  'abnormal',
  'latencyMs',
  'message',
] as const

/**
 * RFC 4180 field: quoted when it holds a comma, quote or line break. A field
 * that a spreadsheet would run as a formula (=, +, -, @) gets a leading
 * apostrophe (OWASP CSV injection).
 */
export function csvField(value: unknown): string {
  if (value == null) return ''
  let text = String(value)

  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  if (/[",\r\n]/.test(text)) return `"${text.replace(/"/g, '""')}"`

  return text
}

/**
 * How the admin reads the file: its language's headers and statuses, times
 * in its time zone (named in the header). Null: the raw export (column ids,
 * status codes, ISO 8601 UTC), as before these parameters existed.
 */
export interface CsvFormat {
  locale: string
  labels: CsvLabels
  timeZone: string
  time: Intl.DateTimeFormat
}

/**
 * Reads the `locale` and `timeZone` parameters. A locale in another language
 * falls back to English; an unknown time zone is refused (INVALID_CSV_FORMAT,
 * field `timeZone`), as is a malformed locale.
 */
export function csvFormat(
  locale: string | null | undefined,
  timeZone: string | null | undefined
): CsvFormat | null {
  if (!locale && !timeZone) return null
  const tag = locale || 'en-US'

  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) || tag.length > 35) {
    throw invalidFields('INVALID_CSV_FORMAT', `Invalid locale "${tag}".`, [
      { field: 'locale', code: 'INVALID_FORMAT' },
    ])
  }

  const zone = timeZone || 'UTC'
  let time: Intl.DateTimeFormat

  try {
    time = new Intl.DateTimeFormat(tag, {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
  } catch {
    throw invalidFields('INVALID_CSV_FORMAT', `Unknown time zone "${zone}".`, [
      { field: 'timeZone', code: 'INVALID_FORMAT' },
    ])
  }

  const language = tag.slice(0, 2).toLowerCase()
  const labels =
    CSV_LABELS[
      (CSV_LANGUAGES as readonly string[]).includes(language)
        ? (language as keyof typeof CSV_LABELS)
        : 'en'
    ]

  return { locale: tag, labels, timeZone: zone, time }
}

export function csvHeader(format: CsvFormat | null = null, tab?: Tab) {
  if (!format) return `${CSV_COLUMNS.join(',')}\r\n`
  const { column } = format.labels
  const names = CSV_COLUMNS.map((c) =>
    c === 'entityId'
      ? column[tab === 'TRACKING' ? 'entityId.order' : 'entityId.sku']
      : c === 'processedAt'
      ? column.processedAt.replace('{zone}', format.timeZone)
      : column[c]
  )

  return `${names.map(csvField).join(',')}\r\n`
}

function localized(row: LogSummary, format: CsvFormat) {
  return {
    ...row,
    status: format.labels.status[row.status],
    processedAt: format.time.format(new Date(row.processedAt)),
    abnormal: row.abnormal ? format.labels.yes : format.labels.no,
  }
}

export const csvRow = (row: LogSummary, format: CsvFormat | null = null) => {
  const shown: Record<(typeof CSV_COLUMNS)[number], unknown> = format
    ? localized(row, format)
    : row

  return `${CSV_COLUMNS.map((c) => csvField(shown[c])).join(',')}\r\n`
}
