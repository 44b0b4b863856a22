import type { LogSummary } from './log'

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

export const csvHeader = () => `${CSV_COLUMNS.join(',')}\r\n`

export const csvRow = (row: LogSummary) =>
  `${CSV_COLUMNS.map((c) => csvField(row[c])).join(',')}\r\n`
