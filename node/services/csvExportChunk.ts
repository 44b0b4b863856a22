import { csvFormat, csvHeader, csvRow } from '../domain/csv'
import type { CsvExport, ExportChunk } from '../domain/csvExport'
import {
  exportPartPath,
  nextPageSize,
  reachedRowCap,
} from '../domain/csvExportPlan'
import type { PartFiles } from './csvExportFiles'
import type { LogStore } from './logStore'

/**
 * One chunk of an export: lists the filter from the committed cursor, a
 * page at a time as the chunk plan says (domain/csvExportPlan.ts
 * `nextPageSize`), and writes the rows as part `parts.length` — the same
 * part number however often the chunk is redone, so it overwrites its own
 * part. Part 0 starts with the BOM and the header in the admin's language.
 */
export async function writeChunk(
  deps: { logs: LogStore; files: PartFiles },
  exp: CsvExport,
  now: () => number
): Promise<ExportChunk> {
  const format = csvFormat(exp.locale, exp.timeZone)
  const part = exp.parts.length
  const started = now()
  let text = part === 0 ? `\ufeff${csvHeader(format, exp.tab)}` : ''
  let rows = 0
  let { cursor } = exp
  let more = true

  for (;;) {
    const size = nextPageSize({
      rows,
      bytes: text.length,
      elapsedMs: now() - started,
      committed: exp.rows,
    })

    if (size === 0) break
    const page = await deps.logs.list({
      ...exp.filter,
      first: size,
      after: cursor,
    })

    text += page.data.map((r) => csvRow(r, format)).join('')
    rows += page.data.length
    cursor = page.endCursor
    more = page.hasNextPage && cursor != null
    if (!more) break
  }

  const truncated =
    more && reachedRowCap({ rows, bytes: 0, elapsedMs: 0, committed: exp.rows })

  await deps.files.write(exportPartPath(exp.id, part), text)

  return {
    part,
    rows,
    cursor: more ? cursor : null,
    finished: !more || truncated,
    truncated,
  }
}
