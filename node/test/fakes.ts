import type { DeliveryRequest, DeliveryResponse } from '../domain/delivery'
import type { BridgeSettings, MarketplaceConfig } from '../domain/settings'
import type { CatalogSku, InventoryBalance, OmsOrder } from '../domain/vtex'
import type {
  JobDispatcher,
  MarketplaceGateway,
  Scheduler,
  VtexSource,
} from '../services/connector'
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

/** Marketplaces answering by mode; records every request and every acceptance. */
export class FakeMarketplaces implements MarketplaceGateway {
  mode = new Map<string, 'ok' | 'down' | 'reject' | 'throttle'>()
  requests: Array<{ marketplace: string; request: DeliveryRequest }> = []
  accepted: Array<{ marketplace: string; url: string; body: unknown }> = []
  async send(
    m: MarketplaceConfig,
    request: DeliveryRequest
  ): Promise<DeliveryResponse> {
    this.requests.push({ marketplace: m.id, request })
    const mode = this.mode.get(m.id) ?? 'ok'

    if (mode === 'down')
      return { status: 503, body: { error: 'Service unavailable' } }
    if (mode === 'throttle')
      return {
        status: 429,
        body: { error: 'Too many requests' },
        retryAfter: '7',
      }
    if (mode === 'reject')
      return { status: 400, body: { message: 'Invalid EAN' } }
    this.accepted.push({
      marketplace: m.id,
      url: request.url,
      body: JSON.parse(request.body),
    })

    return { status: 200, body: { accepted: true } }
  }
}

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
  connector: 'http-json',
  baseUrl: `https://${id}.example/api`,
  token: `token-${id}`,
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
    gateway: markets,
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
