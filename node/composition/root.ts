import type { Clients } from '../clients'
import { LOG_BUCKET } from '../domain/layout'
import type { BridgeSettings } from '../domain/settings'
import { invoicedPackage } from '../domain/vtex'
import { VTEX_TRACKING_LOG } from '../domain/vtexTracking'
import { BulkRunner } from '../services/bulk'
import { CarrierTracker, OMS_LOG } from '../services/carrier'
import { vbasePartFiles } from '../clients/csvExportFiles'
import { clock } from '../services/clock'
import type { JobDispatcher, VtexSource } from '../services/connector'
import { CsvExportService } from '../services/csvExports'
import { JobStore } from '../services/jobStore'
import { LogStore } from '../services/logStore'
import { runFollowUps } from '../services/followUps'
import { ListingStore } from '../services/listings'
import { MarketplaceSender } from '../services/marketplaceSender'
import { MercadoLivreConnect } from '../services/mercadoLivreConnect'
import { StoredTokenKeeper } from '../services/tokenKeeper'
import { BridgeQueue } from '../services/queue'
import { VtexTrackingImporter } from '../services/vtexTracking'
import type { AccountChannelLists } from '../services/accountChannels'
import { logisticsSetup } from './logistics'
import { MaintenanceService } from './maintenance'
import { maintenanceSchedule } from './schedule'
import { collectPartners } from './partnerCollection'
import { loadSettings, saveSettings } from './settings'

/** The event key jobs travel on (service.json subscribes runJob to it). */
export const JOB_EVENT = 'marketplace-bridge.job'
/** The event key bulk-action chunks travel on (runBulk). */
export const BULK_EVENT = 'marketplace-bridge.bulk'
/** The event key CSV export chunks travel on (service.json subscribes runCsvExport to it). */
export const CSV_EXPORT_EVENT = 'marketplace-bridge.csv'

/**
 * The composition root: the per-request object graph, built once from
 * `ctx.clients` — one storage bucket, one LogStore, one JobStore, the queue,
 * the bulk runner, the carrier tracker, the VTEX Tracking importer, the
 * marketplaces through their adapters, the maintenance service. Nothing
 * else in node/ calls `new` on a store or a service: resolvers, routes and
 * handlers ask the root (`rootOf(ctx.clients)`).
 */
export class AppRoot {
  readonly kv
  readonly logs: LogStore
  readonly jobs: JobStore
  private readonly memo = new Map<string, Promise<unknown>>()

  constructor(private readonly clients: Clients) {
    this.kv = clients.logStorage.bucket(LOG_BUCKET)
    this.logs = new LogStore(this.kv)
    this.jobs = new JobStore(this.kv)
  }

  /** Built once per request; a failed build is tried again on the next ask. */
  private once<T>(name: string, build: () => Promise<T>): Promise<T> {
    let hit = this.memo.get(name) as Promise<T> | undefined

    if (!hit) {
      hit = build()
      this.memo.set(name, hit)
      hit.catch(() => this.memo.delete(name))
    }

    return hit
  }

  /** The settings (cached 10 s per account and workspace: composition/settings.ts). */
  settings(): Promise<BridgeSettings> {
    return loadSettings(this.clients)
  }

  /** `readAccount`: the account's affiliates and trade policies, read as the admin (a changed channel is checked against them). */
  saveSettings(
    input: Record<string, unknown>,
    readAccount: (() => Promise<AccountChannelLists>) | null = null
  ) {
    return saveSettings(this.clients, input, readAccount)
  }

  /** The SKU ↔ listing mappings (services/listings.ts). */
  get listings(): ListingStore {
    return new ListingStore(this.kv)
  }

  /** The app's schedule with VTEX's scheduler and its secret. */
  get schedule() {
    return maintenanceSchedule(this.clients)
  }

  /**
   * Marketplaces through their adapters, over the one HTTP transport: each
   * with its grant's token keeper (OAuth kinds), the SKU's listing for kinds
   * that use listings, listings a marketplace created recorded.
   */
  private marketplaces(now: () => number) {
    const listings = new ListingStore(this.kv, now)

    return new MarketplaceSender({
      http: this.clients.marketplaceHttp,
      tokens: (id, credentials) =>
        new StoredTokenKeeper(this.kv, id, { now, credentials }),
      listings: (id, skuId) => listings.listingsOf(id, skuId),
      mapListing: (listing) => listings.put(listing, 'CREATED'),
      now,
    })
  }

  /** A marketplace's OAuth grant in VBase (services/tokenKeeper.ts). */
  tokenKeeper(marketplaceId: string) {
    return new StoredTokenKeeper(this.kv, marketplaceId)
  }

  /** Mercado Livre's Connect flow (services/mercadoLivreConnect.ts). */
  get mercadoLivreConnect() {
    return new MercadoLivreConnect({
      kv: this.kv,
      http: this.clients.marketplaceHttp,
      keeper: (id) => this.tokenKeeper(id),
      now: () => Date.now(),
    })
  }

  /** PENDING logs' follow-ups that are due (services/followUps.ts), on the schedules' clock. */
  private async followUps() {
    const settings = await this.settings()
    const now = () => clock.now()
    const sender = this.marketplaces(now)
    const byId = (id: string) => settings.marketplaces.find((m) => m.id === id)

    return runFollowUps({
      logs: this.logs,
      followUp: async (log, ref) => {
        const m = byId(log.marketplace)

        return m ? sender.followUp(m, ref) : null
      },
      marketplaceName: (id) => byId(id)?.name ?? id,
      now,
    })
  }

  private get dispatcher(): JobDispatcher {
    return {
      dispatch: (jobId, logId) =>
        this.clients.events.sendEvent('', JOB_EVENT, { jobId, logId }),
    }
  }

  private get source(): VtexSource {
    const { clients } = this

    return {
      sku: (id) => clients.skuCatalog.sku(id),
      inventory: (id) => clients.logistics.inventory(id),
      order: (id) => clients.oms.order(id),
      logistics: () => logisticsSetup(clients),
      price: (id, table) => clients.pricing.computed(id, table),
    }
  }

  /** The queue: exports from VTEX's changes, reprocesses from the admin. */
  queue(): Promise<BridgeQueue> {
    return this.once('queue', async () => {
      return new BridgeQueue({
        logs: this.logs,
        jobs: this.jobs,
        dispatcher: this.dispatcher,
        source: this.source,
        // The queue's clock is the system's (services/jobRunner.ts systemClock).
        marketplaces: this.marketplaces(() => Date.now()),
        settings: await this.settings(),
        // Reprocessing an OMS or VTEX Tracking log redoes that update.
        systems: {
          [OMS_LOG]: {
            replay: async (orderId) =>
              (await this.carrier()).replayOms(orderId),
          },
          [VTEX_TRACKING_LOG]: {
            replay: async (orderId) =>
              (await this.vtexTracking()).replay(orderId),
          },
        },
      })
    })
  }

  /** Bulk actions: reprocess goes through the queue like a single reprocess. */
  bulk(): Promise<BulkRunner> {
    return this.once('bulk', async () => {
      const queue = await this.queue()

      return new BulkRunner({
        kv: this.kv,
        logs: this.logs,
        queueOne: (key) => queue.queueOne(key),
        // A reprocess goes at the pace the replicas work its jobs.
        pendingJobs: async (limit) => (await this.jobs.pending(limit)).length,
        dispatch: async (bulkId) => {
          await this.clients.events.sendEvent('', BULK_EVENT, { bulkId })
        },
      })
    })
  }

  /** Carrier refresh and partner events (services/carrier.ts). */
  carrier(): Promise<CarrierTracker> {
    return this.once('carrier', async () => {
      const settings = await this.settings()

      return new CarrierTracker({
        kv: this.kv,
        logs: this.logs,
        oms: this.clients.oms,
        carrier: this.clients.carrierHttp.gateway(settings.carrier),
        vtexTrackingGateway: (await this.vtexTracking()).gateway(),
        marketplaces: this.marketplaces(() => clock.now()),
        settings,
        now: () => clock.now(),
      })
    })
  }

  /** VTEX Tracking imports (services/vtexTracking.ts). */
  vtexTracking(): Promise<VtexTrackingImporter> {
    return this.once('vtexTracking', async () => {
      return new VtexTrackingImporter({
        kv: this.kv,
        logs: this.logs,
        api: this.clients.vtexTracking,
        order: (orderId) => this.clients.oms.order(orderId),
        settings: await this.settings(),
        now: () => clock.now(),
      })
    })
  }

  /** Background CSV exports (services/csvExports.ts). */
  get csvExports(): CsvExportService {
    return new CsvExportService({
      kv: this.kv,
      logs: this.logs,
      files: vbasePartFiles(this.clients.logStorage, LOG_BUCKET),
      dispatch: async (exportId) => {
        await this.clients.events.sendEvent('', CSV_EXPORT_EVENT, { exportId })
      },
      // The schedules' clock (the local runtime moves it: expiry in seconds).
      now: () => clock.now(),
    })
  }

  /** The one entry point of the bridge's upkeep (the schedule's route calls it). */
  async maintenance(): Promise<MaintenanceService> {
    return new MaintenanceService({
      queue: await this.queue(),
      logs: this.logs,
      settings: await this.settings(),
      bulk: await this.bulk(),
      carrier: await this.carrier(),
      csvExports: this.csvExports,
      schedule: this.schedule,
      logger: this.clients.ioContext.logger,
      followUps: () => this.followUps(),
      partnerLogs: () => collectPartners(this.clients, this.kv, this.logs),
      now: () => Date.now(),
    })
  }

  /**
   * An order OMS just invoiced (read once): followed at the carrier when it
   * has a tracking number, imported into VTEX Tracking when that is on, and,
   * with no tracking number, followed through VTEX Tracking's status updates.
   */
  async onInvoiced(orderId: string) {
    const order = await this.clients.oms.order(orderId)
    const tracker = await this.carrier()
    const importer = await this.vtexTracking()
    const followed = order ? await tracker.startFromOrder(order) : null
    const imported = await importer.importNative(orderId, order)
    const invoice = order ? invoicedPackage(order)?.invoiceNumber : null

    if (imported && !followed && importer.statusUpdates && invoice)
      await tracker.followVtexTracking(orderId, invoice)
  }
}

const roots = new WeakMap<Clients, AppRoot>()

/** The request's root (one per `ctx.clients`, which IO builds per request). */
export function rootOf(clients: Clients): AppRoot {
  let root = roots.get(clients)

  if (!root) {
    root = new AppRoot(clients)
    roots.set(clients, root)
  }

  return root
}
