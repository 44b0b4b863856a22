import { LOG_BUCKET } from './domain/layout'
import { IntegrationLog, Outcome } from './domain/log'
import { deliveryRequest, notConfigured, outcomeOf } from './domain/delivery'
import { BridgeSettings, parseSettings } from './domain/settings'
import { Clients } from './clients'
import { JobDispatcher, MarketplaceConnector } from './services/connector'
import { JobStore } from './services/jobStore'
import { LogStore } from './services/logStore'
import { ReprocessService } from './services/reprocess'

/** The event key reprocess jobs travel on (service.json subscribes to it). */
export const REPROCESS_EVENT = 'marketplace-bridge.reprocess-job'

const appId = () => process.env.VTEX_APP_ID ?? ''

export async function loadSettings(clients: Clients): Promise<BridgeSettings> {
  return parseSettings(await clients.apps.getAppSettings(appId()))
}

/** Delivers through the generic HTTP/JSON connector of the log's marketplace. */
export function httpConnector(clients: Clients, settings: BridgeSettings): MarketplaceConnector {
  return {
    async deliver(log: IntegrationLog, trigger: Outcome['trigger']) {
      const at = () => new Date().toISOString()
      const marketplace = settings.marketplaces.find(m => m.id === log.marketplace)
      if (!marketplace || !marketplace.tabs[log.tab]) return notConfigured(log, at(), trigger)
      const request = deliveryRequest(log, marketplace)
      const response = await clients.marketplaceHttp.send(request, marketplace.token)
      return outcomeOf(marketplace, request, response, at(), trigger)
    },
  }
}

function eventDispatcher(clients: Clients): JobDispatcher {
  return {
    dispatch: (jobId, logId) => clients.events.sendEvent('', REPROCESS_EVENT, { jobId, logId }),
  }
}

/** The services a resolver or handler works with, built from ctx.clients. */
export function bridge(clients: Clients) {
  const kv = clients.logStorage.bucket(LOG_BUCKET)
  const logs = new LogStore(kv)
  const jobs = new JobStore(kv)
  return { logs, jobs, reprocess: new ReprocessService(logs, jobs, eventDispatcher(clients)) }
}
