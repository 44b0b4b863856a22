/**
 * A marketplace served by a partner's VTEX connector, as a kind of the
 * registry (`partner`): the bridge sends it nothing — the connector reads
 * VTEX and talks to its marketplace itself — and collects the connector's
 * logs on the maintenance schedule (services/partnerLogs.ts). Its settings
 * are the log endpoint and its credentials (settings.ts).
 */
import type { AdapterResult, MarketplaceAdapter } from '../adapter'
import type { PartnerConnectorConfig } from './settings'
import { partnerSettings } from './settings'

/** Decision: no operation, so no export job is sent to it; a reprocess of one would say why. */
const nothingSent = (): Promise<AdapterResult> =>
  Promise.resolve({
    outcome: {
      status: 'ERROR',
      reason: 'PARTNER_SENDS_ITSELF',
    },
    exchanges: [],
  })

export const partnerAdapter: MarketplaceAdapter<PartnerConnectorConfig> = {
  kind: 'partner',
  operations: [],
  settings: partnerSettings,
  needsListing: () => false,
  perform: nothingSent,
}
