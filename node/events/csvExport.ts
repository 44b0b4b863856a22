import type { EventContext } from '@vtex/api'

import type { Clients } from '../clients'
import { rootOf } from '../composition/root'
import { csvExportEventOf } from '../domain/csvExport'
import { handle } from './handlers'

/**
 * The app's own CSV export events: one chunk each (services/csvExports.ts).
 * A malformed body or an unknown export is acknowledged with a warning; a
 * failed chunk throws, and the bus delivers the event again.
 */
export const runCsvExport = (ctx: EventContext<Clients>) =>
  handle(ctx, 'CSV export event', csvExportEventOf, ({ exportId }) =>
    rootOf(ctx.clients).csvExports.runChunk(exportId)
  )
