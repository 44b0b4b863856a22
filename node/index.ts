import type { ClientsConfig, RecorderState, ServiceContext } from '@vtex/api'
import { LRUCache, Service, method } from '@vtex/api'

import { Clients } from './clients'
import { GRAPHQL_ROUTE, graphqlRoute } from './graphql/route'
import {
  onCatalogChange,
  onOrderStatus,
  runBulk,
  runJob,
} from './events/handlers'
import { runCsvExport } from './events/csvExport'
import { resolvers } from './resolvers'
import { csvDownload } from './routes/csvDownload'
import { exportCsv } from './routes/exportCsv'
import { externalOrders } from './routes/externalOrders'
import { runMaintenance } from './routes/maintenance'
import { mercadoLivreOAuth } from './routes/mercadoLivreOAuth'
import { routeContract } from './routes/contract'
import { partnerTracking } from './routes/partner'

const TIMEOUT_MS = 5000

const settingsCache = new LRUCache<string, any>({ max: 100 })

metrics.trackCache('settings', settingsCache)

const clients: ClientsConfig<Clients> = {
  implementation: Clients,
  options: {
    default: { retries: 2, timeout: TIMEOUT_MS },
    // Read-modify-write loops must see their own writes: no per-request memoization.
    // No blind HTTP retries for storage: a conditional write retried after it
    // landed would read as a conflict. Jobs recover instead (redelivery, sweep).
    logStorage: { memoizable: false, retries: 0, timeout: TIMEOUT_MS },
    apps: { memoryCache: settingsCache },
    marketplaceHttp: { timeout: 10_000 },
    events: { retries: 2, timeout: 3000 },
    skuCatalog: { retries: 2, timeout: TIMEOUT_MS },
    logistics: { retries: 2, timeout: TIMEOUT_MS },
    oms: { retries: 2, timeout: TIMEOUT_MS },
    vtexId: { retries: 1, timeout: TIMEOUT_MS },
    licenseManager: { retries: 1, timeout: TIMEOUT_MS },
    carrierHttp: { timeout: 10_000 },
    vtexTracking: { timeout: 10_000 },
  },
}

declare global {
  type Context = ServiceContext<Clients>
}

export default new Service<Clients, RecorderState, Context>({
  clients,
  events: { runJob, runBulk, runCsvExport, onCatalogChange, onOrderStatus },
  routes: {
    // Every route answers the route error contract (routes/contract.ts).
    exportCsv: [routeContract, method({ GET: exportCsv })],
    csvDownload: [routeContract, method({ GET: csvDownload })],
    partnerTracking: [routeContract, method({ POST: partnerTracking })],
    externalOrders: [routeContract, method({ POST: externalOrders })],
    runMaintenance: [routeContract, method({ POST: runMaintenance })],
    mercadoLivreOAuth: [routeContract, method({ GET: mercadoLivreOAuth })],
    // @vtex/api's GraphQL pipeline with the error contract (graphql/route.ts).
    [GRAPHQL_ROUTE]: graphqlRoute({ resolvers }),
  },
})
