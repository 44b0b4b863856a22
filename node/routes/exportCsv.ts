import type { CsvFormat } from '../domain/csv'
import { csvFormat, csvHeader, csvRow } from '../domain/csv'
import {
  EXPORT_PAGE_ROWS,
  IMMEDIATE_MAX_ROWS,
  tooLargeForImmediate,
} from '../domain/csvExportPlan'
import type { LogSummary } from '../domain/log'
import { rootOf } from '../composition/root'
import { parseLogFilter } from '../services/logStore'
import type { LogFilterInput } from '../typings/graphql'
import { requireAdmin } from './auth'

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/**
 * GET /_v/marketplace-bridge/logs.csv?tab=&status=&marketplace=&search=&from=&to=&abnormalOnly=&cause=&locale=&timeZone=
 * (a public route: IO serves private ones only on app.io.vtex.com; the admin
 * session is checked inside, as @auth does).
 * The logs a small filter shows, as CSV, at once: at most
 * IMMEDIATE_MAX_ROWS (5,000), read before answering, so it always fits the
 * handler's timeout; more is refused with CSV_TOO_LARGE (400) and belongs to
 * the background export (startCsvExport). `locale` (pt-BR, es-AR, en-US…) and
 * `timeZone` (IANA, e.g. America/Sao_Paulo) give the admin's headers,
 * statuses and local times (domain/csv.ts); without them, the raw export.
 */
export async function exportCsv(ctx: Context) {
  await requireAdmin(ctx)
  const q = ctx.query as Record<string, string | string[] | undefined>
  // A bad filter or format is refused here, before any byte is sent (the
  // route contract answers it: routes/contract.ts).
  const filter = parseLogFilter({
    tab: one(q.tab) ?? '',
    // Any text: parseLogFilter refuses an unknown status.
    status: (one(q.status) || null) as LogFilterInput['status'],
    marketplace: one(q.marketplace) || null,
    search: one(q.search) || null,
    from: one(q.from) || null,
    to: one(q.to) || null,
    abnormalOnly: one(q.abnormalOnly) === 'true',
    cause: one(q.cause) || null,
  })

  const format: CsvFormat | null = csvFormat(
    one(q.locale) || null,
    one(q.timeZone) || null
  )

  const store = rootOf(ctx.clients).logs
  const count = await store.count(filter)

  if (count != null && count > IMMEDIATE_MAX_ROWS) throw tooLargeForImmediate()
  // Every row is read before the answer starts: a filter the counts cannot
  // size is refused as soon as it passes the bound, never cut mid-file.
  const rows: LogSummary[] = []
  let after: string | null = null

  do {
    const page: Awaited<ReturnType<typeof store.list>> = await store.list({
      ...filter,
      first: EXPORT_PAGE_ROWS,
      after,
    })

    rows.push(...page.data)
    after = page.endCursor
  } while (after && rows.length <= IMMEDIATE_MAX_ROWS)

  if (rows.length > IMMEDIATE_MAX_ROWS) throw tooLargeForImmediate()
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')

  ctx.status = 200
  ctx.set('Content-Type', 'text/csv; charset=utf-8')
  ctx.set('Cache-Control', 'no-store')
  ctx.set(
    'Content-Disposition',
    `attachment; filename="marketplace-bridge-${filter.tab.toLowerCase()}-${stamp}.csv"`
  )
  ctx.body = `\ufeff${csvHeader(format, filter.tab)}${rows
    .map((row) => csvRow(row, format))
    .join('')}`
}
