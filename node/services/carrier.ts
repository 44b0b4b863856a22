import type {
  CarrierEvent,
  CarrierReport,
  CarrierWatch,
  RefreshPolicy,
  TimelineEntry,
} from '../domain/carrier'
import {
  afterCheck,
  appendTimeline,
  assertAddressableInvoice,
  marketplacePayload,
  newEvents,
  omsInvoicePatch,
  omsTrackingBody,
  startWatch,
  withEvents,
} from '../domain/carrier'
import type { PartnerUpdate } from '../domain/partner'
import { partnerOrderRefusal } from '../domain/partner'
import type { DeliveryResponse } from '../domain/delivery'
import { originOf } from '../domain/delivery'
import { isDomainError } from '../domain/errors'
import {
  DUE_PREFIX,
  carrierPath,
  duePath,
  parseDuePath,
} from '../domain/layout'
import type { IntegrationLog, LogKey, Outcome } from '../domain/log'
import { recordOutcome } from '../domain/log'
import type { TrackingPayload } from '../domain/rules'
import type { BridgeSettings } from '../domain/settings'
import { enabledFor } from '../domain/settings'
import type { OmsOrder } from '../domain/vtex'
import { invoicedPackage } from '../domain/vtex'
import type { MarketplaceSender } from './marketplaceSender'
import type { LogStore } from './logStore'
import { withOptimisticRetry } from './retry'
import type { KeyValueStore, StoredFile } from './storage'

/** The pseudo-marketplace OMS updates are logged under (Tracking tab). */
export const OMS_LOG = 'vtex-oms'

/** Writes to VTEX's Orders API (clients/oms.ts). */
export interface OmsWriter {
  order(orderId: string): Promise<OmsOrder | null>
  putTracking(
    orderId: string,
    invoiceNumber: string,
    body: unknown
  ): Promise<DeliveryResponse>
  patchInvoice(
    orderId: string,
    invoiceNumber: string,
    body: unknown
  ): Promise<DeliveryResponse>
}

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

const ok = (r: DeliveryResponse) =>
  r.status != null && r.status >= 200 && r.status < 300

export class CarrierTracker {
  constructor(private readonly deps: CarrierDeps) {}

  private get policy(): RefreshPolicy {
    const { everyHours, forDays } = this.deps.settings.carrier

    return { everyHours, forDays }
  }

  private iso() {
    return new Date(this.deps.now()).toISOString()
  }

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
  private async create(watch: CarrierWatch): Promise<CarrierWatch | null> {
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

  private async checkOne(orderId: string, dueEntry: string): Promise<boolean> {
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
  private async saveWatch(
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

  /**
   * A logistics partner's events (the partner route), only for an order
   * OMS has invoiced with that invoice (checked with OMS unless the order is
   * already followed under that invoice). Replays change nothing; an
   * invoice number VTEX cannot address is logged with the reason.
   */
  async partner(
    update: PartnerUpdate
  ): Promise<{ applied: number; delivered: boolean }> {
    const file = await this.deps.kv.get<CarrierWatch>(
      carrierPath(update.orderId)
    )

    if (file?.data.invoiceNumber !== update.invoiceNumber) {
      const refusal = partnerOrderRefusal(
        await this.deps.oms.order(update.orderId),
        update
      )

      if (refusal) throw refusal
    }

    let watch: CarrierWatch = file?.data ?? {
      ...startWatch(
        {
          orderId: update.orderId,
          invoiceNumber: update.invoiceNumber,
          trackingNumber: update.trackingNumber ?? '',
          trackingUrl: update.trackingUrl,
          courier: update.courier,
        },
        this.deps.now(),
        this.policy
      ),
    }

    watch = {
      ...watch,
      invoiceNumber: update.invoiceNumber,
      trackingNumber: update.trackingNumber ?? watch.trackingNumber,
      trackingUrl: update.trackingUrl ?? watch.trackingUrl,
      courier: update.courier ?? watch.courier,
    }

    const fresh = newEvents(watch.seen, update.events)

    if (fresh.length === 0)
      return { applied: 0, delivered: watch.state === 'DELIVERED' }
    const next: CarrierWatch = {
      ...withEvents(await this.apply(watch, fresh, 'PARTNER'), fresh),
      updatedAt: this.iso(),
    }

    const oldDue =
      file && file.data.state === 'WATCHING'
        ? duePath(Date.parse(file.data.nextCheckAt), update.orderId)
        : null

    await this.saveWatch(update.orderId, next, oldDue)

    return { applied: fresh.length, delivered: next.state === 'DELIVERED' }
  }

  /**
   * Sends news to OMS (invoice tracking data once, then the tracking status
   * with every event so far) and to each marketplace, logging each outcome
   * with the order's timeline.
   */
  private async apply(
    watch: CarrierWatch,
    fresh: CarrierEvent[],
    source: 'CARRIER' | 'PARTNER'
  ): Promise<CarrierWatch> {
    const all = [...watch.events, ...fresh].sort(
      (a, b) => Date.parse(a.date) - Date.parse(b.date)
    )

    const at = this.iso()
    const timeline: TimelineEntry[] = fresh.map((e) => ({
      at: e.date,
      kind:
        e.status === 'delivered'
          ? 'DELIVERED'
          : source === 'CARRIER'
          ? 'CARRIER_EVENT'
          : 'PARTNER_EVENT',
      status: e.status,
      description: [e.description, [e.city, e.state].filter(Boolean).join('/')]
        .filter(Boolean)
        .join(' — '),
      source,
    }))

    const last = all[all.length - 1]

    try {
      assertAddressableInvoice(watch.invoiceNumber)
    } catch (e) {
      if (!isDomainError(e)) throw e
      const outcome: Outcome = {
        status: 'ERROR',
        message: e.message,
        origin: null,
        at,
        trigger: 'TRACKING_EVENT',
      }

      await this.log(OMS_LOG, watch.orderId, { events: all }, outcome, timeline)
      for (const m of enabledFor(this.deps.settings, 'TRACKING')) {
        await this.log(m.id, watch.orderId, null, outcome, timeline)
      }

      throw e
    }

    const {
      outcome: omsOutcome,
      trackingBody,
      invoicePatched,
    } = await this.sendToOms(watch, all, at)

    await this.log(
      OMS_LOG,
      watch.orderId,
      { tracking: trackingBody },
      omsOutcome,
      [
        ...timeline,
        {
          at,
          kind: 'OMS_UPDATED',
          status: last.status,
          description: omsOutcome.message,
          source: 'VTEX',
        },
      ]
    )

    // Marketplaces: the new status with the events.
    for (const m of enabledFor(this.deps.settings, 'TRACKING')) {
      const key: LogKey = {
        tab: 'TRACKING',
        marketplace: m.id,
        entityId: watch.orderId,
      }

      const file = await this.deps.logs.getFile(key)
      const base = (file?.data.payload ?? null) as TrackingPayload | null
      const payload = marketplacePayload(base, all, watch)
      const { outcome } = await this.deps.marketplaces.perform(
        m,
        {
          type: 'TRACKING',
          order: { orderId: watch.orderId, marketplaceOrderId: null },
          update: payload,
        },
        'CHANGE'
      )

      // The read above is the update's If-Match base (no second read).
      await this.log(m.id, watch.orderId, payload, outcome, timeline, file)
    }

    return { ...watch, invoicePatched }
  }

  /** OMS: the invoice's tracking data once (Message Center's trackingURL), then the status. */
  private async sendToOms(
    watch: CarrierWatch,
    all: CarrierEvent[],
    at: string
  ) {
    let { invoicePatched } = watch
    const omsSteps: Array<{
      what: string
      url: string
      body: unknown
      call: () => Promise<DeliveryResponse>
    }> = []

    if (!invoicePatched && watch.trackingNumber) {
      const body = omsInvoicePatch(watch, all)

      omsSteps.push({
        what: 'invoice tracking data',
        url: `/api/oms/pvt/orders/${watch.orderId}/invoice/${watch.invoiceNumber}`,
        body,
        call: () =>
          this.deps.oms.patchInvoice(watch.orderId, watch.invoiceNumber, body),
      })
    }

    const trackingBody = omsTrackingBody(all)

    omsSteps.push({
      what: 'tracking status',
      url: `/api/oms/pvt/orders/${watch.orderId}/invoice/${watch.invoiceNumber}/tracking`,
      body: trackingBody,
      call: () =>
        this.deps.oms.putTracking(
          watch.orderId,
          watch.invoiceNumber,
          trackingBody
        ),
    })

    let outcome: Outcome = {
      status: 'SUCCESS',
      message: `OMS updated: ${all[all.length - 1].status} (${
        all.length
      } event${all.length === 1 ? '' : 's'})${
        trackingBody.isDelivered
          ? `, delivered ${trackingBody.deliveredDate}`
          : ''
      }`,
      origin: null,
      at,
      trigger: 'TRACKING_EVENT',
    }

    for (const step of omsSteps) {
      const method = step.what === 'tracking status' ? 'PUT' : 'PATCH'
      let response: DeliveryResponse

      try {
        response = await step.call()
      } catch (e) {
        response = {
          status: null,
          body: null,
          networkError: e instanceof Error ? e.message : String(e),
        }
      }

      if (!ok(response)) {
        const origin = originOf(
          { method, url: step.url, body: step.body },
          response
        )

        outcome = {
          status: 'ERROR',
          message: `OMS refused the ${step.what}: ${
            response.status
              ? `HTTP ${response.status}`
              : response.networkError ?? 'no answer'
          }`,
          origin,
          at,
          trigger: 'TRACKING_EVENT',
        }
        break
      }

      if (step.what === 'invoice tracking data') invoicePatched = true
    }

    return { outcome, trackingBody, invoicePatched }
  }

  /** Reprocess of an OMS log: sends the events known so far again. */
  async replayOms(
    orderId: string
  ): Promise<{ payload: unknown; outcome: Outcome }> {
    const watch = await this.get(orderId)
    const at = this.iso()
    const failed = (message: string) => ({
      payload: null,
      outcome: {
        status: 'ERROR' as const,
        message,
        origin: null,
        at,
        trigger: 'REPROCESS' as const,
      },
    })

    if (!watch || watch.events.length === 0)
      return failed(`No carrier events are known for order ${orderId}.`)
    try {
      assertAddressableInvoice(watch.invoiceNumber)
    } catch (e) {
      if (!isDomainError(e)) throw e

      return failed(e.message)
    }

    const sent = await this.sendToOms(watch, watch.events, at)

    if (sent.invoicePatched !== watch.invoicePatched) {
      await this.saveWatch(
        orderId,
        { ...watch, invoicePatched: sent.invoicePatched },
        null
      )
    }

    return { payload: { tracking: sent.trackingBody }, outcome: sent.outcome }
  }

  private log(
    marketplace: string,
    orderId: string,
    payload: unknown,
    outcome: Outcome,
    timeline: TimelineEntry[],
    known?: StoredFile<IntegrationLog> | null
  ) {
    const key: LogKey = { tab: 'TRACKING', marketplace, entityId: orderId }

    // The change is the news itself: latency runs from when the bridge learned it.
    const learned = { ...outcome, changedAt: outcome.changedAt ?? outcome.at }

    return this.deps.logs.update(
      key,
      (cur) => ({
        ...recordOutcome(cur, key, payload ?? cur?.payload ?? null, learned),
        timeline: appendTimeline(cur?.timeline, timeline),
      }),
      known
    )
  }
}
