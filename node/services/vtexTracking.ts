import type { DeliveryResponse } from '../domain/delivery'
import { originOf } from '../domain/delivery'
import type { LogKey, Outcome } from '../domain/log'
import { recordOutcome } from '../domain/log'
import type { BridgeSettings } from '../domain/settings'
import type { OmsOrder } from '../domain/vtex'
import type { ExternalOrder } from '../domain/vtexTracking'
import {
  VTEX_TRACKING_LOG,
  deliveryServiceOf,
  eventsOfDeliveryService,
  orderOfExternal,
} from '../domain/vtexTracking'
import type { CarrierGateway } from './carrier'
import type { LogStore } from './logStore'
import type { KeyValueStore } from './storage'

export interface TrackingApi {
  auth(
    username: string,
    password: string
  ): Promise<{
    authenticated: boolean
    accessToken?: string
    expiration?: string
    message?: string
  }>
  postServices(
    accessToken: string,
    services: unknown[]
  ): Promise<DeliveryResponse>
  byInvoice(
    accessToken: string,
    invoice: string
  ): Promise<{ data?: Array<Record<string, unknown>> }>
}

export interface VtexTrackingDeps {
  kv: KeyValueStore
  logs: LogStore
  api: TrackingApi
  order: (orderId: string) => Promise<OmsOrder | null>
  settings: BridgeSettings
  now: () => number
}

/** Access tokens per username, until shortly before they expire. */
const tokens = new Map<string, { token: string; until: number }>()

const externalPath = (orderId: string) => `v2/external/${orderId}`

/**
 * Imports invoiced orders into VTEX Tracking: native ones when OMS invoices
 * them, external ones (ERP, physical stores) posted to the app, routed
 * outside VTEX Tracking only once routed. Every import is a Tracking-tab log
 * (marketplace "vtex-tracking"), reprocessable like any other.
 */
export class VtexTrackingImporter {
  constructor(private readonly deps: VtexTrackingDeps) {}

  get enabled() {
    return this.deps.settings.vtexTracking.enabled
  }

  get statusUpdates() {
    return this.enabled && this.deps.settings.vtexTracking.statusUpdates
  }

  private async accessToken() {
    const { username, token } = this.deps.settings.vtexTracking
    const cached = tokens.get(username!)

    if (cached && cached.until > this.deps.now()) return cached.token
    const auth = await this.deps.api.auth(username!, token!)

    if (!auth.authenticated || !auth.accessToken)
      throw new Error(
        auth.message ?? 'VTEX Tracking did not accept the credentials.'
      )
    const expires = auth.expiration ? Date.parse(auth.expiration) : NaN

    tokens.set(username!, {
      token: auth.accessToken,
      until: Number.isNaN(expires)
        ? this.deps.now() + 3_600_000
        : expires - 60_000,
    })

    return auth.accessToken
  }

  /** One import attempt: what was sent and how it went (not logged). */
  async attempt(
    order: OmsOrder | null,
    orderId: string
  ): Promise<{ payload: unknown; outcome: Outcome } | null> {
    const at = new Date(this.deps.now()).toISOString()
    const fail = (
      message: string,
      payload: unknown = null,
      origin: Outcome['origin'] = null
    ) => ({
      payload,
      outcome: {
        status: 'ERROR' as const,
        message,
        origin,
        at,
        trigger: 'CHANGE' as const,
      },
    })

    if (!this.enabled) return fail('VTEX Tracking is off in the settings.')
    if (!order) return fail(`Order ${orderId} was not found.`)
    const decision = deliveryServiceOf(
      order,
      this.deps.settings.vtexTracking.onlyWithInvoiceFile,
      at
    )

    if ('skip' in decision) return null
    if ('invalid' in decision) return fail(decision.invalid)
    let response: DeliveryResponse

    try {
      response = await this.deps.api.postServices(await this.accessToken(), [
        decision.import,
      ])
    } catch (e) {
      return fail(
        `Could not reach VTEX Tracking: ${
          e instanceof Error ? e.message : String(e)
        }`,
        decision.import
      )
    }

    if (
      response.status != null &&
      response.status >= 200 &&
      response.status < 300
    ) {
      return {
        payload: decision.import,
        outcome: {
          status: 'SUCCESS',
          message: 'Imported into VTEX Tracking',
          origin: null,
          at,
          trigger: 'CHANGE',
        },
      }
    }

    return fail(
      `VTEX Tracking refused the import: ${
        response.status
          ? `HTTP ${response.status}`
          : response.networkError ?? 'no answer'
      }`,
      decision.import,
      originOf(
        {
          method: 'POST',
          url: 'https://api.vtextracking.com/receiver/services',
          body: decision.import,
        },
        response
      )
    )
  }

  private async record(
    orderId: string,
    result: { payload: unknown; outcome: Outcome }
  ) {
    const key: LogKey = {
      tab: 'TRACKING',
      marketplace: VTEX_TRACKING_LOG,
      entityId: orderId,
    }

    await this.deps.logs.update(key, (cur) =>
      recordOutcome(cur, key, result.payload, result.outcome)
    )
  }

  /** Status updates: VTEX Tracking as the source of an order's delivery events. */
  gateway(): CarrierGateway | null {
    if (!this.enabled || !this.deps.settings.vtexTracking.statusUpdates)
      return null

    return {
      report: async (watch) => {
        const page = await this.deps.api.byInvoice(
          await this.accessToken(),
          watch.invoiceNumber
        )

        const service = (page.data ?? [])[0]

        if (!service)
          throw new Error(
            `VTEX Tracking has no service for invoice ${watch.invoiceNumber}`
          )

        return {
          trackingNumber: String(service.idDeliveryService ?? ''),
          trackingUrl: null,
          courier: 'VTEX Tracking',
          events: eventsOfDeliveryService(service),
        }
      },
    }
  }

  /** A native order OMS just invoiced. Returns whether it was imported. */
  async importNative(
    orderId: string,
    order: OmsOrder | null
  ): Promise<boolean> {
    if (!this.enabled) return false
    const result = await this.attempt(order, orderId)

    if (!result) return false
    await this.record(orderId, result)

    return result.outcome.status === 'SUCCESS'
  }

  /**
   * An external order. Routed outside VTEX Tracking and not routed yet: kept
   * until a later post says it is routed. Returns what happened.
   */
  async importExternal(
    order: ExternalOrder
  ): Promise<'IMPORTED' | 'FAILED' | 'WAITING_FOR_ROUTING' | 'SKIPPED'> {
    await this.deps.kv.put(externalPath(order.orderId), order)
    if (order.routing === 'EXTERNAL' && !order.routed)
      return 'WAITING_FOR_ROUTING'
    const result = await this.attempt(orderOfExternal(order), order.orderId)

    if (!result) return 'SKIPPED'
    await this.record(order.orderId, result)

    return result.outcome.status === 'SUCCESS' ? 'IMPORTED' : 'FAILED'
  }

  /** Reprocess of a VTEX Tracking log (native or external order). */
  async replay(
    orderId: string
  ): Promise<{ payload: unknown; outcome: Outcome }> {
    const external = await this.deps.kv.get<ExternalOrder>(
      externalPath(orderId)
    )
    const order = external
      ? orderOfExternal(external.data)
      : await this.deps.order(orderId)
    const result = await this.attempt(order, orderId)

    return (
      result ?? {
        payload: null,
        outcome: {
          status: 'ERROR',
          message: `Order ${orderId} is not imported: it does not meet the VTEX Tracking settings.`,
          origin: null,
          at: new Date(this.deps.now()).toISOString(),
          trigger: 'REPROCESS',
        },
      }
    )
  }
}
