import { PassThrough } from 'stream'

import type { CsvFormat } from '../domain/csv'
import { csvFormat, csvHeader, csvRow } from '../domain/csv'
import { logStore } from '../bridge'
import { parseLogFilter } from '../services/logStore'
import type { LogFilterInput } from '../typings/graphql'
import { requireAdmin } from './auth'

/** Rows per storage page while streaming. */
const PAGE = 100

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/**
 * GET /_v/marketplace-bridge/logs.csv?tab=&status=&marketplace=&search=&from=&to=&abnormalOnly=&cause=&locale=&timeZone=
 * (a public route: IO serves private ones only on app.io.vtex.com; the admin
 * session is checked inside, as @auth does).
 * The logs a filter shows, as CSV, streamed one storage page at a time:
 * memory stays flat whatever the size. `locale` (pt-BR, es-AR, en-US…) and
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

  await logStore(ctx.clients).list({ ...filter, first: 1 })

  const store = logStore(ctx.clients)
  const out = new PassThrough()
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')

  ctx.status = 200
  ctx.set('Content-Type', 'text/csv; charset=utf-8')
  ctx.set('Cache-Control', 'no-store')
  ctx.set(
    'Content-Disposition',
    `attachment; filename="marketplace-bridge-${filter.tab.toLowerCase()}-${stamp}.csv"`
  )
  ctx.body = out

  const pump = async () => {
    out.write(`\ufeff${csvHeader(format, filter!.tab)}`)
    let after: string | null = null

    do {
      const page: Awaited<ReturnType<typeof store.list>> = await store.list({
        ...filter,
        first: PAGE,
        after,
      })

      const chunk = page.data.map((row) => csvRow(row, format)).join('')

      // Respect back-pressure: wait until the client took the last page.
      if (!out.write(chunk)) await new Promise((r) => out.once('drain', r))
      after = page.endCursor
    } while (after)

    out.end()
  }

  pump().catch((e) => {
    ctx.vtex.logger.error({ message: 'CSV export failed', error: String(e) })
    out.destroy(e)
  })
}
