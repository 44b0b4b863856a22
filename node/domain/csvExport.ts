import type { ChunkLease } from './bulk'
import { DomainError, invalidArgument, invalidFields } from './errors'
import { msOfOrderKey } from './layout'
import type { LogFilter } from './listPlan'
import type { Tab } from './tabs'

/**
 * A CSV export worked in the background: a record in VBase that a chain of
 * IO events works through, one chunk per event (services/csvExports.ts).
 * Each chunk claims the record with a lease (If-Match, the bulk actions'
 * rules: domain/bulk.ts), lists the next rows of the filter from the stored
 * cursor, writes them as part file number `parts.length`, and commits the
 * part's row count and the new cursor. A chunk done again (a duplicate event,
 * a handler that died before its commit) starts from the same committed
 * cursor and writes the same part number: it overwrites its own part, and
 * the file never holds a row twice. The download serves the committed parts
 * in order.
 */
export type CsvExportStatus = 'RUNNING' | 'DONE' | 'CANCELED' | 'FAILED'

export interface CsvExport extends ChunkLease {
  id: string
  tab: Tab
  /** The filter as parsed when it started (tab included). */
  filter: LogFilter
  /** The admin's language and time zone (domain/csv.ts); null: the raw export. */
  locale: string | null
  timeZone: string | null
  status: CsvExportStatus
  /** Logs the filter matched when it started (null when the counts cannot tell). */
  total: number | null
  /** Rows in the committed parts. */
  rows: number
  /** Rows of each committed part, in order: part i is file i. */
  parts: number[]
  /** Where the next chunk's listing starts. */
  cursor: string | null
  /** The filter had more than MAX_EXPORT_ROWS rows: the file holds the first ones. */
  truncated: boolean
  lastError: string | null
  createdAt: string
  updatedAt: string
  finishedAt: string | null
  /** When the export and its files are removed. */
  expiresAt: string
  /** Re-sends by the maintenance pass since the last progress. */
  resends: number
}

/** An export and its files are kept this long after it started. */
export const EXPORT_TTL_MS = 24 * 60 * 60 * 1000
/**
 * The most rows one file holds. Decision: what its download streams well
 * within the route's 30 s (≈ 75 MB of CSV, ≈ 10 MB gzipped on the wire).
 */
export const MAX_EXPORT_ROWS = 500_000
/** Exports running at once per account (workspace); a fourth waits. */
export const MAX_RUNNING_EXPORTS = 3
/** Re-sends of a quiet export by the maintenance pass before it is failed. */
export const MAX_EXPORT_RESENDS = 10

const EXPORT_ID = /^\d{13}-[a-z0-9]{1,16}$/

export const isExportId = (id: string) => EXPORT_ID.test(id)

export const exportNotFound = (id: string) =>
  new DomainError(
    'NOT_FOUND',
    `CSV export ${id} was not found (unknown, or expired and removed).`,
    'EXPORT_NOT_FOUND'
  )

export interface NewCsvExport {
  id: string
  filter: LogFilter
  locale: string | null
  timeZone: string | null
  total: number | null
  nowMs: number
}

/**
 * A new export, RUNNING from the first part. Refused (EXPORT_TOO_LARGE,
 * field `filter` TOO_MANY) when the counts say the filter has more rows than
 * one file holds: the admin narrows the filter, nothing is written.
 */
export function newCsvExport(input: NewCsvExport): CsvExport {
  if (input.total != null && input.total > MAX_EXPORT_ROWS) {
    throw invalidFields(
      'EXPORT_TOO_LARGE',
      `This filter matches ${input.total} logs; an export holds at most ${MAX_EXPORT_ROWS}. Narrow the filter (status, marketplace or dates).`,
      [{ field: 'filter', code: 'TOO_MANY', params: { max: MAX_EXPORT_ROWS } }]
    )
  }

  const now = new Date(input.nowMs).toISOString()

  return {
    id: input.id,
    tab: input.filter.tab,
    filter: input.filter,
    locale: input.locale,
    timeZone: input.timeZone,
    status: 'RUNNING',
    total: input.total,
    rows: 0,
    parts: [],
    cursor: null,
    truncated: false,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
    expiresAt: new Date(input.nowMs + EXPORT_TTL_MS).toISOString(),
    claimedUntil: null,
    owner: null,
    sends: 0,
    sentAt: null,
    resends: 0,
  }
}

/** What one chunk wrote: part number `part` holding `rows` rows. */
export interface ExportChunk {
  part: number
  rows: number
  /** Where the next chunk starts; null when nothing is left. */
  cursor: string | null
  finished: boolean
  truncated: boolean
}

/**
 * Commits a chunk: part `part` holds `rows` rows, whatever an earlier attempt
 * of the same part recorded (a redone chunk replaces its own part, so the
 * same chunk applied twice gives the same parts and rows). The lease is
 * released; a finished export is DONE.
 */
export function applyExportChunk(
  exp: CsvExport,
  chunk: ExportChunk,
  now: string
): CsvExport {
  if (chunk.part > exp.parts.length) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `Part ${chunk.part} of export ${exp.id} comes after ${exp.parts.length} committed parts.`
    )
  }

  const parts = [...exp.parts.slice(0, chunk.part), chunk.rows]
  const rows = parts.reduce((a, b) => a + b, 0)
  const done = chunk.finished && exp.status === 'RUNNING'

  return {
    ...exp,
    parts,
    rows,
    cursor: chunk.cursor,
    truncated: chunk.truncated,
    // The count at the start was an estimate: never show more than 100 %.
    total:
      exp.total == null || chunk.finished ? rows : Math.max(exp.total, rows),
    status: done ? 'DONE' : exp.status,
    finishedAt: done ? now : exp.finishedAt,
    updatedAt: now,
    claimedUntil: null,
    owner: null,
    resends: 0,
  }
}

/** A chunk that failed: the lease is let go at once so a redelivery can redo it. */
export const releaseExport = (
  exp: CsvExport,
  error: string,
  now: string
): CsvExport => ({
  ...exp,
  lastError: error,
  updatedAt: now,
  claimedUntil: null,
  owner: null,
})

export function cancelExport(exp: CsvExport, now: string): CsvExport {
  if (exp.status !== 'RUNNING') {
    throw new DomainError(
      'INVALID_TRANSITION',
      `CSV export ${exp.id} is ${exp.status}: only a running one can be canceled.`,
      'EXPORT_NOT_RUNNING'
    )
  }

  return { ...exp, status: 'CANCELED', finishedAt: now, updatedAt: now }
}

/** Re-sent by the maintenance pass (its chunk event went quiet). */
export const markResent = (exp: CsvExport): CsvExport => ({
  ...exp,
  resends: exp.resends + 1,
})

/** Quiet after MAX_EXPORT_RESENDS re-sends: given up, with a reason the admin sees. */
export const giveUpExport = (exp: CsvExport, now: string): CsvExport => ({
  ...exp,
  status: 'FAILED',
  lastError:
    exp.lastError ??
    `No progress after ${MAX_EXPORT_RESENDS} attempts; start the export again.`,
  finishedAt: now,
  updatedAt: now,
  claimedUntil: null,
  owner: null,
})

export const exportGivesUp = (exp: CsvExport) =>
  exp.resends >= MAX_EXPORT_RESENDS

export const isExpired = (exp: CsvExport, nowMs: number) =>
  nowMs >= Date.parse(exp.expiresAt)

/**
 * Expired, read from the id alone (it starts with its creation time, as the
 * order key): the maintenance pass finds expired exports in a listing
 * without reading them.
 */
export const isExpiredId = (id: string, nowMs: number) =>
  isExportId(id) && nowMs >= msOfOrderKey(id.slice(0, 13)) + EXPORT_TTL_MS

export const exportProgress = (exp: CsvExport) =>
  exp.status === 'DONE'
    ? 1
    : exp.total && exp.total > 0
    ? Math.min(1, exp.rows / exp.total)
    : 0

/**
 * Whether the file can be served: DONE and not expired. Unknown or expired:
 * EXPORT_NOT_FOUND (404); still running: EXPORT_RUNNING (409); canceled or
 * failed: EXPORT_NOT_READY (409), there is no whole file to give.
 */
export function assertDownloadable(
  id: string,
  exp: CsvExport | null,
  nowMs: number
): CsvExport {
  if (!exp || isExpired(exp, nowMs)) throw exportNotFound(id)
  if (exp.status === 'RUNNING') {
    throw new DomainError(
      'CONFLICT',
      `CSV export ${id} is still running (${exp.rows} rows so far).`,
      'EXPORT_RUNNING'
    )
  }

  if (exp.status !== 'DONE') {
    throw new DomainError(
      'CONFLICT',
      `CSV export ${id} is ${exp.status}: it has no file.`,
      'EXPORT_NOT_READY'
    )
  }

  return exp
}

/** The app's own export event: `{ exportId }`. */
export function csvExportEventOf(body: unknown): { exportId: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw invalidArgument(
      'CSV export event: the body is not a JSON object',
      'INVALID_EVENT'
    )
  const { exportId } = body as { exportId?: unknown }

  if (exportId == null || exportId === '')
    throw invalidFields(
      'INVALID_EVENT',
      'CSV export event: exportId REQUIRED',
      [{ field: 'exportId', code: 'REQUIRED' }]
    )
  if (typeof exportId !== 'string' || !isExportId(exportId))
    throw invalidFields(
      'INVALID_EVENT',
      'CSV export event: exportId INVALID_FORMAT',
      [{ field: 'exportId', code: 'INVALID_FORMAT' }]
    )

  return { exportId }
}
