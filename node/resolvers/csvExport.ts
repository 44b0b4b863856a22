import type { CsvExport } from '../domain/csvExport'
import { exportProgress } from '../domain/csvExport'
import { exportDownloadPath, exportFileName } from '../domain/csvExportPlan'
import { parseTab } from '../domain/tabs'
import { rootOf } from '../composition/root'
import { withErrors } from './errors'
import type { MutationFn, QueryFn } from './types'

/** What the admin sees of an export: progress, file name, and its link once the file is ready. */
const present = (e: CsvExport) => ({
  id: e.id,
  tab: e.tab,
  status: e.status,
  total: e.total,
  rows: e.rows,
  progress: exportProgress(e),
  chunks: e.parts.length,
  truncated: e.truncated,
  fileName: exportFileName(e),
  downloadUrl: e.status === 'DONE' ? exportDownloadPath(e.id) : null,
  lastError: e.lastError,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
  expiresAt: e.expiresAt,
})

export const csvExport: QueryFn<'csvExport'> = withErrors(
  async (_, args, ctx) => {
    // A query only reads: a running export progresses by its own events,
    // and the schedule's maintenance pass re-sends one that went quiet.
    const found = await rootOf(ctx.clients).csvExports.get(args.id)

    return found ? present(found) : null
  }
)

export const csvExportList: QueryFn<'csvExports'> = withErrors(
  async (_, args, ctx) =>
    (await rootOf(ctx.clients).csvExports.recent(parseTab(args.tab))).map(
      present
    )
)

export const startCsvExport: MutationFn<'startCsvExport'> = withErrors(
  async (_, { input }, ctx) =>
    present(
      await rootOf(ctx.clients).csvExports.start({
        ...(input.filter ?? {}),
        tab: input.tab,
        locale: input.locale ?? null,
        timeZone: input.timeZone ?? null,
      })
    )
)

export const cancelCsvExport: MutationFn<'cancelCsvExport'> = withErrors(
  async (_, args, ctx) =>
    present(await rootOf(ctx.clients).csvExports.cancel(args.id))
)
