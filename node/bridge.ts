import { LOG_BUCKET } from './domain/layout'
import { BridgeSettings, parseSettings } from './domain/settings'
import { Clients } from './clients'
import { JobDispatcher, VtexSource } from './services/connector'
import { JobStore } from './services/jobStore'
import { LogStore } from './services/logStore'
import { BridgeQueue } from './services/queue'

/** The event key jobs travel on (service.json subscribes runJob to it). */
export const JOB_EVENT = 'marketplace-bridge.job'

const appId = () => process.env.VTEX_APP_ID ?? ''

export async function loadSettings(clients: Clients): Promise<BridgeSettings> {
  return parseSettings(await clients.apps.getAppSettings(appId()))
}

function eventDispatcher(clients: Clients): JobDispatcher {
  return {
    dispatch: (jobId, logId) => clients.events.sendEvent('', JOB_EVENT, { jobId, logId }),
  }
}

function vtexSource(clients: Clients): VtexSource {
  return {
    sku: id => clients.catalog.sku(id),
    inventory: id => clients.logistics.inventory(id),
    order: id => clients.oms.order(id),
  }
}

/** The log store, for reads and removals. */
export function logStore(clients: Clients) {
  return new LogStore(clients.logStorage.bucket(LOG_BUCKET))
}

/** The queue with everything it needs, built from ctx.clients and the app settings. */
export async function bridgeQueue(clients: Clients) {
  const kv = clients.logStorage.bucket(LOG_BUCKET)
  return new BridgeQueue({
    logs: new LogStore(kv),
    jobs: new JobStore(kv),
    dispatcher: eventDispatcher(clients),
    source: vtexSource(clients),
    gateway: clients.marketplaceHttp,
    settings: await loadSettings(clients),
  })
}
