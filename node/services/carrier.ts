import type {
  CarrierEvent,
  CarrierWatch,
  TimelineEntry,
} from '../domain/carrier'
import {
  appendTimeline,
  assertAddressableInvoice,
  marketplacePayload,
  newEvents,
  startWatch,
  withEvents,
} from '../domain/carrier'
import { isDomainError } from '../domain/errors'
import { carrierPath, duePath } from '../domain/layout'
import type { IntegrationLog, LogKey, Outcome } from '../domain/log'
import { recordOutcome } from '../domain/log'
import type { PartnerUpdate } from '../domain/partner'
import { partnerOrderRefusal } from '../domain/partner'
import type { TrackingPayload } from '../domain/rules'
import { enabledFor } from '../domain/settings'
import { OMS_LOG, sendToOms } from './carrierOms'
import { CarrierWatches } from './carrierWatch'
import type { StoredFile } from './storage'

export { OMS_LOG } from './carrierOms'
export type { OmsWriter } from './carrierOms'
export type { CarrierDeps, CarrierGateway } from './carrierWatch'

/**
 * Carrier and partner news for an order: OMS (invoice tracking data once,
 * then the status) and each marketplace enabled for tracking, every
 * outcome logged with the order's timeline; reprocess of an OMS log.
 */
export class CarrierTracker extends CarrierWatches {
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
  protected async apply(
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
    } = await sendToOms(this.deps.oms, watch, all, at)

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

    const sent = await sendToOms(this.deps.oms, watch, watch.events, at)

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
