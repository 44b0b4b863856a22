import type { Clients } from './clients'
import { vbasePartFiles } from './clients/csvExportFiles'
import { LOG_BUCKET } from './domain/layout'
import { clock } from './services/clock'
import { CsvExportService } from './services/csvExports'
import { LogStore } from './services/logStore'

/** The event key CSV export chunks travel on (service.json subscribes runCsvExport to it). */
export const CSV_EXPORT_EVENT = 'marketplace-bridge.csv'

/**
 * The CSV export service with what it needs, from ctx.clients (this app's
 * composition-root entry for exports: the root builds it, nothing else
 * calls `new` on it).
 */
export function csvExports(clients: Clients) {
  const kv = clients.logStorage.bucket(LOG_BUCKET)

  return new CsvExportService({
    kv,
    logs: new LogStore(kv),
    files: vbasePartFiles(clients.logStorage, LOG_BUCKET),
    dispatch: async (exportId) => {
      await clients.events.sendEvent('', CSV_EXPORT_EVENT, { exportId })
    },
    // The schedules' clock (the local runtime moves it: expiry in seconds).
    now: () => clock.now(),
  })
}
