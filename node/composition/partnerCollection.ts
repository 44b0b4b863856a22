import type { Clients } from '../clients'
import type { PartnerConnectorConfig } from '../marketplaces/partner/settings'
import { clock } from '../services/clock'
import type { LogStore } from '../services/logStore'
import type { PartnerRun } from '../services/partnerLogs'
import { collectPartnerLogs } from '../services/partnerLogs'
import type { KeyValueStore } from '../services/storage'
import { loadSettings } from './settings'

/**
 * The maintenance pass's partner-log collection: every marketplace of kind
 * `partner`, one after the other, on the schedules' clock, through the one
 * HTTP transport (a connector's host is merchant-configured: declared in
 * outbound-connectors.json, docs/deploy.md). One marketplace's failure is
 * its run's `failure` (and, when the store must act, a log of it); it never
 * stops the others.
 */
export async function collectPartners(
  clients: Clients,
  kv: KeyValueStore,
  logs: LogStore
): Promise<Record<string, PartnerRun>> {
  const runs: Record<string, PartnerRun> = {}
  const settings = await loadSettings(clients)

  for (const m of settings.marketplaces) {
    if (m.kind !== 'partner') continue
    runs[m.id] = await collectPartnerLogs(
      {
        kv,
        logs,
        http: clients.marketplaceHttp,
        account: clients.ioContext.account,
        now: () => clock.now(),
      },
      { id: m.id, name: m.name, config: m.config as PartnerConnectorConfig }
    ).catch((e: unknown) => ({
      written: 0,
      unchanged: 0,
      rejected: 0,
      overflow: 0,
      failure: `storage: ${String((e as Error)?.message ?? e)}`,
    }))
  }

  return runs
}
