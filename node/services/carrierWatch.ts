import type {
  CarrierEvent,
  CarrierReport,
  CarrierWatch,
  RefreshPolicy,
} from '../domain/carrier'
import { afterCheck, newEvents, startWatch } from '../domain/carrier'
import {
  DUE_PREFIX,
  carrierPath,
  duePath,
  parseDuePath,
} from '../domain/layout'
import type { BridgeSettings } from '../domain/settings'
import type { OmsOrder } from '../domain/vtex'
import { invoicedPackage } from '../domain/vtex'
import type { OmsWriter } from './carrierOms'
import type { LogStore } from './logStore'
import type { MarketplaceSender } from './marketplaceSender'
import { withOptimisticRetry } from './retry'
import type { KeyValueStore } from './storage'

/** The carrier connector (docs/connector.md): what a tracking number's package went through. */
export interface CarrierGateway {
  report(watch: CarrierWatch): Promise<CarrierReport>
}

export interface CarrierDeps {
  kv: KeyValueStore
  logs: LogStore
  oms: OmsWriter
  carrier: CarrierGateway | null
  /** VTEX Tracking's delivery status, for orders imported there with status updates on. */
  vtexTrackingGateway?: CarrierGateway | null
  /** Marketplaces, through their adapters (services/marketplaceSender.ts). */
  marketplaces: MarketplaceSender
  settings: BridgeSettings
  now: () => number
}

const LEASE_MS = 2 * 60_000

/**
 * The carrier watches' mechanics: an order followed (created once), its
 * due entries, the checks that are due (claimed with If-Match), the watch
 * saved with its due entry moved. What news does is `apply`
 * (services/carrier.ts: OMS and marketplace fan-out).
 */
export abstract class CarrierWatches {
  constructor(protected readonly deps: CarrierDeps) {}

  protected get policy(): RefreshPolicy {
    const { everyHours, forDays } = this.deps.settings.carrier

    return { everyHours, forDays }
  }

  protected iso() {
    return new Date(this.deps.now()).toISOString()
  }

  /** Sends news to OMS and the marketplaces; the watch with what was sent. */
  protected abstract apply(
    watch: CarrierWatch,
    fresh: CarrierEvent[],
    source: 'CARRIER' | 'PARTNER'
  ): Promise<CarrierWatch>

  /**
   * An invoiced order with a tracking number starts being followed (once:
   * the watch is created only if absent). Returns the watch, or null when
   * there is nothing to follow.
   */
  async startFromOrder(order: OmsOrder): Promise<CarrierWatch | null> {
    if (!this.deps.carrier || order.status !== 'invoiced') return null
    const pkg = invoicedPackage(order)

    if (!pkg?.invoiceNumber || !pkg.trackingNumber) return null

    return this.create(
      startWatch(
        {
          orderId: order.orderId,
          invoiceNumber: pkg.invoiceNumber,
          trackingNumber: pkg.trackingNumber,
          trackingUrl: pkg.trackingUrl ?? null,
          courier: pkg.courier ?? null,
        },
        this.deps.now(),
        this.policy
      )
    )
  }

  /**
   * An order imported into VTEX Tracking with status updates on, and no
   * carrier tracking number: VTEX Tracking is asked for its delivery status
   * on the same schedule (VTEX asks for at most one read per 6 h).
   */
  async followVtexTracking(
    orderId: string,
    invoiceNumber: string
  ): Promise<CarrierWatch | null> {
    if (!this.deps.vtexTrackingGateway) return null

    return this.create({
      ...startWatch(
        {
          orderId,
          invoiceNumber,
          trackingNumber: '',
          trackingUrl: null,
          courier: 'VTEX Tracking',
        },
        this.deps.now(),
        this.policy
      ),
      source: 'VTEX_TRACKING',
    })
  }

  /** Creates a watch unless one exists (then that one), with its first due entry. */
  protected async create(watch: CarrierWatch): Promise<CarrierWatch | null> {
    const path = carrierPath(watch.orderId)
    const existing = await this.deps.kv.get<CarrierWatch>(path)

    if (existing) return existing.data
    try {
      await this.deps.kv.put(path, watch, { ifAbsent: true })
    } catch {
      return (await this.deps.kv.get<CarrierWatch>(path))?.data ?? null
    }

    await this.deps.kv.putMany([
      { path: duePath(Date.parse(watch.nextCheckAt), watch.orderId), data: {} },
    ])

    return watch
  }

  async get(orderId: string) {
    return (
      (await this.deps.kv.get<CarrierWatch>(carrierPath(orderId)))?.data ?? null
    )
  }

  /**
   * Checks every package whose check is due (oldest first, at most `max`).
   * Driven by the maintenance pass: persisted due times, no timers.
   */
  async runDue(max = 25): Promise<number> {
    if (!this.deps.carrier && !this.deps.vtexTrackingGateway) return 0
    const now = this.deps.now()
    const page = await this.deps.kv.list(DUE_PREFIX, { limit: max })
    let checked = 0

    for (const path of page.paths) {
      const due = parseDuePath(path)

      if (!due) continue
      if (due.dueMs > now) break
      if (await this.checkOne(due.orderId, path)) checked++
    }

    return checked
  }

  protected async checkOne(
    orderId: string,
    dueEntry: string
  ): Promise<boolean> {
    const file = await this.deps.kv.get<CarrierWatch>(carrierPath(orderId))
    const now = this.deps.now()
    const current = file
      ? duePath(Date.parse(file.data.nextCheckAt), orderId)
      : null

    if (!file || file.data.state !== 'WATCHING' || current !== dueEntry) {
      await this.deps.kv.delete(dueEntry)

      return false
    }

    if (file.data.claimedUntil && Date.parse(file.data.claimedUntil) > now)
      return false
    const claimed: CarrierWatch = {
      ...file.data,
      claimedUntil: new Date(now + LEASE_MS).toISOString(),
    }

    try {
      await this.deps.kv.put(carrierPath(orderId), claimed, {
        ifMatch: file.etag,
      })
    } catch {
      return false // another process is checking it
    }

    let watch = claimed
    let fresh: CarrierEvent[] = []
    let error: string | null = null

    try {
      const gateway =
        watch.source === 'VTEX_TRACKING'
          ? this.deps.vtexTrackingGateway
          : this.deps.carrier

      if (!gateway) throw new Error('no connector is configured for it')
      const report = await gateway.report(watch)

      watch = {
        ...watch,
        trackingNumber: watch.trackingNumber || report.trackingNumber,
        trackingUrl: report.trackingUrl ?? watch.trackingUrl,
        courier: report.courier ?? watch.courier,
      }
      fresh = newEvents(watch.seen, report.events)
      if (fresh.length > 0) watch = await this.apply(watch, fresh, 'CARRIER')
    } catch (e) {
      error = `Carrier check failed: ${
        e instanceof Error ? e.message : String(e)
      }`
    }

    const next = afterCheck(watch, fresh, now, this.policy, error)

    await this.saveWatch(orderId, next, dueEntry)

    return true
  }

  /** Writes the watch, moves its due entry (new one first). */
  protected async saveWatch(
    orderId: string,
    watch: CarrierWatch,
    oldDue: string | null
  ) {
    await withOptimisticRetry(`Saving carrier watch ${orderId}`, async () => {
      const file = await this.deps.kv.get<CarrierWatch>(carrierPath(orderId))

      await this.deps.kv.put(
        carrierPath(orderId),
        watch,
        file ? { ifMatch: file.etag } : { ifAbsent: true }
      )
    })

    const newDue =
      watch.state === 'WATCHING' &&
      (watch.trackingNumber || watch.source === 'VTEX_TRACKING')
        ? duePath(Date.parse(watch.nextCheckAt), orderId)
        : null

    if (newDue) await this.deps.kv.putMany([{ path: newDue, data: {} }])
    if (oldDue && oldDue !== newDue) await this.deps.kv.delete(oldDue)
  }
}
