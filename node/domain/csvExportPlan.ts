import type { CsvExport } from './csvExport'
import { MAX_EXPORT_ROWS, MAX_RUNNING_EXPORTS, isExpired } from './csvExport'
import { invalidFields } from './errors'
import { LAYOUT_ROOT } from './layout'

/**
 * Where a CSV export lives in the `logs` bucket (docs/storage.md):
 *   v2/export/{id}                     the export record (ids sort newest first)
 *   v2/exportfile/{id}/{part}.csv      its parts, raw CSV, concatenated in order when served
 *   v2/exportslot/{n}                  the n-th running-export slot of the account
 */
export const EXPORT_PREFIX = `${LAYOUT_ROOT}/export/`
export const exportPath = (id: string) => `${EXPORT_PREFIX}${id}`
export const exportPartsPrefix = (id: string) =>
  `${LAYOUT_ROOT}/exportfile/${id}/`

export const exportPartPath = (id: string, part: number) =>
  `${exportPartsPrefix(id)}${String(part).padStart(5, '0')}.csv`

export const exportSlotPath = (slot: number) =>
  `${LAYOUT_ROOT}/exportslot/${slot}`

/**
 * The chunk plan. One event lists the filter EXPORT_PAGE_ROWS rows at a
 * time until its part holds CHUNK_MAX_ROWS rows or CHUNK_MAX_BYTES of CSV,
 * or CHUNK_BUDGET_MS went by — whichever comes first — then writes the part.
 * Decision (measured by `npm run bench:csv`: 5,000 rows ≈ 1 s with 20 ms per
 * VBase call): rows bound the part's size and the usual handler time, the
 * time budget bounds a slow VBase, both far from the 30 s timeout.
 */
export const EXPORT_PAGE_ROWS = 500
export const CHUNK_MAX_ROWS = 5_000
export const CHUNK_MAX_BYTES = 1_000_000
export const CHUNK_BUDGET_MS = 8_000

export interface ChunkSoFar {
  /** Rows in this chunk so far. */
  rows: number
  /** Characters of CSV in this chunk so far. */
  bytes: number
  elapsedMs: number
  /** Rows the export had committed before this chunk. */
  committed: number
}

/**
 * How many rows the chunk lists next; 0 when the chunk is full (rows,
 * bytes or time) or the export reached MAX_EXPORT_ROWS.
 */
export function nextPageSize(c: ChunkSoFar): number {
  if (c.bytes >= CHUNK_MAX_BYTES || c.elapsedMs >= CHUNK_BUDGET_MS) return 0

  return Math.max(
    0,
    Math.min(
      EXPORT_PAGE_ROWS,
      CHUNK_MAX_ROWS - c.rows,
      MAX_EXPORT_ROWS - c.committed - c.rows
    )
  )
}

/** The export reached the most one file holds while the filter had more. */
export const reachedRowCap = (c: ChunkSoFar) =>
  c.committed + c.rows >= MAX_EXPORT_ROWS

/** A running-export slot as read: absent, or naming an export (null: it is gone). */
export interface SlotView {
  taken: boolean
  holder: CsvExport | null
}

/**
 * The first slot a new export may take: absent, or held by an export that
 * is gone, finished or expired. -1: MAX_RUNNING_EXPORTS are running.
 * Decision: slots (created with If-None-Match, taken over with If-Match)
 * rather than counting the running exports, so that two admins starting at
 * the same moment cannot both pass a count.
 */
export function freeSlot(slots: SlotView[], nowMs: number): number {
  return slots
    .slice(0, MAX_RUNNING_EXPORTS)
    .findIndex(
      (s) =>
        !s.taken ||
        !s.holder ||
        s.holder.status !== 'RUNNING' ||
        isExpired(s.holder, nowMs)
    )
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * `marketplace-bridge-{tab}-{YYYY-MM-DD-HHmm}.csv`: the tab and when the
 * export started, in the admin's time zone (UTC for the raw export).
 */
export function exportFileName(exp: CsvExport): string {
  const at = new Date(exp.createdAt)
  let parts: Record<string, string>

  try {
    parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone: exp.timeZone ?? 'UTC',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(at)
        .map((p) => [p.type, p.value])
    )
  } catch {
    parts = {
      year: String(at.getUTCFullYear()),
      month: pad(at.getUTCMonth() + 1),
      day: pad(at.getUTCDate()),
      hour: pad(at.getUTCHours()),
      minute: pad(at.getUTCMinutes()),
    }
  }

  const stamp = `${parts.year}-${parts.month}-${parts.day}-${parts.hour}${parts.minute}`

  return `marketplace-bridge-${exp.tab.toLowerCase()}-${stamp}.csv`
}

/** The admin's link to a finished export (routes/csvDownload.ts). */
export const exportDownloadPath = (id: string) =>
  `/_v/marketplace-bridge/exports/${id}`

/**
 * The immediate download (`logs.csv`) answers at most this many rows, all
 * read before the first byte is sent (≈ 11 listings: a few seconds even on
 * a slow VBase); a larger filter is the background export's. Decision: kept
 * for API users and small filters, bounded so it always fits the timeout.
 */
export const IMMEDIATE_MAX_ROWS = 5_000

export const tooLargeForImmediate = () =>
  invalidFields(
    'CSV_TOO_LARGE',
    `This filter matches more than ${IMMEDIATE_MAX_ROWS} logs: export it in the background (the startCsvExport mutation, "Export CSV" in the admin).`,
    [{ field: 'filter', code: 'TOO_MANY', params: { max: IMMEDIATE_MAX_ROWS } }]
  )
