import type {
  HttpRequest,
  HttpResponse,
  HttpTransport,
} from '../marketplaces/adapter'
import type { BridgeSettings, MarketplaceConfig } from '../domain/settings'
import type { CatalogSku, InventoryBalance, OmsOrder } from '../domain/vtex'
import type {
  JobDispatcher,
  Scheduler,
  VtexSource,
} from '../services/connector'
import { MarketplaceSender } from '../services/marketplaceSender'
import { JobStore } from '../services/jobStore'
import { LogStore } from '../services/logStore'
import type { Clock } from '../services/queue'
import { BridgeQueue } from '../services/queue'
import { MemoryStorage } from './memoryStorage'

export class FakeClock implements Clock {
  constructor(public t: number) {}
  now() {
    return this.t
  }
}

/** VTEX as the queue reads it: SKUs, inventory and orders in maps. */
export class FakeVtex implements VtexSource {
  skus = new Map<string, CatalogSku>()
  stock = new Map<string, number>()
  orders = new Map<string, OmsOrder>()
  async sku(id: string) {
    return this.skus.get(id) ?? null
  }

  async inventory(id: string): Promise<InventoryBalance | null> {
    const q = this.stock.get(id)

    return q == null
      ? null
      : {
          skuId: id,
          balance: [
            { warehouseId: '1_1', totalQuantity: q, reservedQuantity: 0 },
          ],
        }
  }

  async order(id: string) {
    return this.orders.get(id) ?? null
  }
}

/**
 * Marketplaces behind the one HTTP transport, answering by mode (the
 * marketplace is the host's first label: `https://{id}.example/api`);
 * records every request and every acceptance.
 */
export class FakeMarketplaces implements HttpTransport {
  mode = new Map<string, 'ok' | 'down' | 'reject' | 'throttle'>()
  requests: Array<{
    marketplace: string
    request: { method: string; url: string; body: string }
    headers: Record<string, string>
  }> = []

  accepted: Array<{ marketplace: string; url: string; body: unknown }> = []
  async send(request: HttpRequest): Promise<HttpResponse> {
    const id = new URL(request.url).hostname.split('.')[0]
    const body = JSON.stringify(request.body ?? {})

    this.requests.push({
      marketplace: id,
      request: { method: request.method, url: request.url, body },
      headers: request.headers ?? {},
    })
    const mode = this.mode.get(id) ?? 'ok'

    if (mode === 'down')
      return {
        status: 503,
        headers: {},
        body: { error: 'Service unavailable' },
      }
    if (mode === 'throttle')
      return {
        status: 429,
        headers: { 'retry-after': '7' },
        body: { error: 'Too many requests' },
      }
    if (mode === 'reject')
      return { status: 400, headers: {}, body: { message: 'Invalid EAN' } }
    this.accepted.push({
      marketplace: id,
      url: request.url,
      body: JSON.parse(body),
    })

    return { status: 200, headers: {}, body: { accepted: true } }
  }
}

/** Marketplaces through their adapters over the fake transport, on the test's clock. */
export const senderOver = (http: HttpTransport, now: () => number) =>
  new MarketplaceSender({ http, now })

export class RecordingDispatcher implements JobDispatcher {
  sent: Array<{ jobId: string; logId: string }> = []
  failNext = 0
  async dispatch(jobId: string, logId: string) {
    if (this.failNext > 0) {
      this.failNext--
      throw new Error('events unavailable')
    }

    this.sent.push({ jobId, logId })
  }
}

/** Keeps scheduled callbacks so a test runs them when it chooses. */
export class ManualScheduler implements Scheduler {
  pending: Array<{ ms: number; fn: () => void }> = []
  later(ms: number, fn: () => void) {
    this.pending.push({ ms, fn })
  }

  async runAll() {
    const due = this.pending.splice(0)

    due.forEach((d) => d.fn())
    await new Promise((r) => setImmediate(r))
    await new Promise((r) => setImmediate(r))
  }
}

export const marketplace = (
  id: string,
  tabs: Partial<MarketplaceConfig['tabs']> = {}
): MarketplaceConfig => ({
  id,
  name: id[0].toUpperCase() + id.slice(1),
  kind: 'custom',
  config: { baseUrl: `https://${id}.example/api`, token: `token-${id}` },
  affiliateId: null,
  salesChannel: null,
  tabs: { PRODUCTS: true, INVENTORY: true, TRACKING: true, ...tabs },
})

export function setup(settings: BridgeSettings, t0: number) {
  const kv = new MemoryStorage()
  const logs = new LogStore(kv)
  const jobs = new JobStore(kv)
  const vtex = new FakeVtex()
  const markets = new FakeMarketplaces()
  const dispatcher = new RecordingDispatcher()
  const scheduler = new ManualScheduler()
  const clock = new FakeClock(t0)
  const queue = new BridgeQueue({
    logs,
    jobs,
    dispatcher,
    source: vtex,
    marketplaces: senderOver(markets, () => clock.now()),
    settings,
    clock,
    scheduler,
    delays: { baseMs: 1000, capMs: 20_000 },
    // Waiting moves the fake clock (no real time passes in unit tests).
    wait: async (ms) => {
      clock.t += ms
    },
  })

  /** Runs every job whose event was sent, until none is left (like the event bus would). */
  const drain = async () => {
    const results: string[] = []

    while (dispatcher.sent.length) {
      const { jobId } = dispatcher.sent.shift()!

      results.push(await queue.run(jobId))
    }

    return results
  }

  return {
    kv,
    logs,
    jobs,
    vtex,
    markets,
    dispatcher,
    scheduler,
    clock,
    queue,
    drain,
  }
}
