import { LOG_STATUSES } from '../domain/log'
import type { BridgeSettings } from '../domain/settings'
import { DAY_MS, retentionDays } from '../domain/settings'
import { TABS } from '../domain/tabs'
import type { BulkRunner } from '../services/bulk'
import type { CarrierTracker } from '../services/carrier'
import type { CsvExportService } from '../services/csvExports'
import type { FollowUpReport } from '../services/followUps'
import type { PartnerRun } from '../services/partnerLogs'
import type { LogStore } from '../services/logStore'
import type { BridgeQueue } from '../services/queue'
import type { MaintenanceSchedule } from '../services/schedule'

export interface MaintenanceDeps {
  queue: BridgeQueue
  logs: LogStore
  settings: BridgeSettings
  bulk: BulkRunner
  carrier: CarrierTracker
  csvExports: CsvExportService
  schedule: MaintenanceSchedule
  logger: Parameters<LogStore['selfCheck']>[0]
  /** PENDING logs' follow-ups that are due (services/followUps.ts). */
  followUps: () => Promise<FollowUpReport>
  /** Partner connectors' logs collected (services/partnerLogs.ts), per marketplace of kind `partner`. */
  partnerLogs: () => Promise<Record<string, PartnerRun>>
  now: () => number
}

/**
 * The one entry point of the bridge's upkeep, called by the schedule's
 * route (routes/maintenance.ts) and nothing else: re-send jobs that went
 * quiet, fold count changes, apply the retention settings, check the counts
 * against their rows, re-send bulk actions that went quiet, CSV exports'
 * expiry and re-sends, run the carrier
 * checks that are due, and keep the schedule itself registered. Bounded
 * work per run (retention removes at most 200 logs per tab and status; 25
 * jobs and 25 carrier checks), then the PENDING logs' follow-ups that are
 * due (at most 50 read per tab), then the partner connectors' logs (each
 * kind-`partner` marketplace's days due, idempotent per message).
 */
export class MaintenanceService {
  constructor(private readonly deps: MaintenanceDeps) {}

  async run() {
    const { queue, logs, settings, bulk, carrier, schedule } = this.deps
    const swept = await queue.sweep()
    const now = this.deps.now()

    for (const tab of TABS) {
      await logs.compact(tab)
      for (const status of LOG_STATUSES) {
        const days = retentionDays(settings, status)

        // A PENDING log is never expired: its follow-ups end it.
        if (days == null) continue
        await logs.expire(
          tab,
          status,
          new Date(now - days * DAY_MS).toISOString()
        )
      }
    }

    // Counts against the rows they count (at most every 10 min), off the request: it lists every row.
    logs.selfCheck(this.deps.logger).catch(() => undefined)
    await bulk.sweep()
    await this.deps.csvExports.maintain()
    const carrierChecks = await carrier.runDue()
    const followUps = await this.deps.followUps()
    const partnerLogs = await this.deps.partnerLogs()

    // Renews the schedule near its end; a failure here waits for the next pass.
    await schedule.ensure().catch(() => undefined)

    return { ...swept, carrierChecks, followUps, partnerLogs }
  }
}
