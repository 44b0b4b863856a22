import type { TrackingPayload } from '../../domain/rules'
import type { AdapterOutcome } from '../adapter'
import {
  errorOutcome,
  failureOutcome,
  is2xx,
  isObject,
  malformedOutcome,
  objectBody,
} from './answers'
import type { MercadoLivreConfig } from './config'
import { serviceIdFor } from './config'
import type { Reason } from './reasons'
import { REASONS } from './reasons'
import {
  getOrder,
  getShipment,
  postSellerNotification,
  putShipmentTracking,
} from './requests'
import type { Session } from './session'

/**
 * TRACKING for orders the seller ships (ML shipping modes `me1` and
 * `custom`): the order's shipment gets the tracking number
 * (PUT /shipments/{id}, documented as the first step) and then the status
 * the buyer sees (POST /shipments/{id}/seller_notifications: shipped,
 * delivered). Orders ML ships itself (`me2`: drop-off, cross-docking,
 * fulfillment, Flex) are tracked by ML: nothing is sent.
 */
export type TrackingTarget =
  | { kind: 'none'; reason: Reason }
  | { kind: 'number' }
  | { kind: 'notify'; status: 'shipped' | 'delivered' }

/** What a VTEX tracking status becomes on ML (the one decision of the mapping). */
export function trackingTarget(update: TrackingPayload): TrackingTarget {
  if (update.status === 'canceled')
    return { kind: 'none', reason: REASONS.CANCELLATION_NOT_SENT }
  if (update.status === 'invoiced' && update.tracking?.number)
    return { kind: 'number' }
  if (update.status === 'handed-to-carrier' || update.status === 'in-transit')
    return { kind: 'notify', status: 'shipped' }
  if (update.status === 'delivered')
    return { kind: 'notify', status: 'delivered' }

  return { kind: 'none', reason: REASONS.TRACKING_STATUS_NOT_SENT }
}

export interface MlShipment {
  id: string
  mode: string
  logisticType: string | null
  status: string | null
  trackingNumber: string | null
  serviceId: number | null
}

/** Reads both of ML's shipment formats (`logistic.mode` with x-format-new, `mode` without). */
export function readShipment(body: unknown): MlShipment | null {
  if (!isObject(body)) return null
  const { id } = body
  const logistic = isObject(body.logistic) ? body.logistic : {}
  const mode = typeof logistic.mode === 'string' ? logistic.mode : body.mode

  if (
    (typeof id !== 'number' && typeof id !== 'string') ||
    typeof mode !== 'string'
  )
    return null
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null)

  return {
    id: String(id),
    mode,
    logisticType: str(logistic.type) ?? str(body.logistic_type),
    status: str(body.status),
    trackingNumber: str(body.tracking_number),
    serviceId: typeof body.service_id === 'number' ? body.service_id : null,
  }
}

const FINAL = ['delivered', 'not_delivered', 'cancelled']

function lastEvent(update: TrackingPayload) {
  const events = update.events ?? []

  return events.length ? events[events.length - 1] : null
}

function isoDate(date: string | undefined, now: number) {
  const t = date ? Date.parse(date) : NaN

  return new Date(Number.isNaN(t) ? now : t).toISOString()
}

export async function sendTracking(
  order: { orderId: string; marketplaceOrderId: string | null },
  update: TrackingPayload,
  config: MercadoLivreConfig,
  session: Session,
  now: () => number
): Promise<AdapterOutcome> {
  if (!order.marketplaceOrderId)
    return errorOutcome(REASONS.MARKETPLACE_ORDER_ID_MISSING, {
      orderId: order.orderId,
    })
  const target = trackingTarget(update)

  if (target.kind === 'none')
    return {
      status: 'SUCCESS',
      reason: target.reason,
      params: { status: update.status },
    }

  const o = await session.send(getOrder(order.marketplaceOrderId))

  if (!is2xx(o)) return failureOutcome(o, now(), REASONS.ORDER_NOT_FOUND)
  const orderBody = objectBody(o)

  if (!orderBody) return malformedOutcome(o)
  const shipping = isObject(orderBody.shipping) ? orderBody.shipping : {}
  const shipmentId =
    typeof shipping.id === 'number' || typeof shipping.id === 'string'
      ? String(shipping.id)
      : null

  if (!shipmentId)
    return {
      status: 'SUCCESS',
      reason: REASONS.NO_SHIPMENT,
      params: { mlOrderId: order.marketplaceOrderId },
    }

  const s = await session.send(getShipment(shipmentId))

  if (!is2xx(s)) return failureOutcome(s, now(), REASONS.SHIPMENT_NOT_FOUND)
  const shipment = readShipment(s.body)

  if (!shipment) return malformedOutcome(s)

  return notify(shipment, target, update, config, session, now)
}

async function notify(
  shipment: MlShipment,
  target: Exclude<TrackingTarget, { kind: 'none' }>,
  update: TrackingPayload,
  config: MercadoLivreConfig,
  session: Session,
  now: () => number
): Promise<AdapterOutcome> {
  const params = { shipmentId: shipment.id, mode: shipment.mode }

  if (shipment.mode === 'me2')
    return {
      status: 'SUCCESS',
      reason: REASONS.SHIPPING_MANAGED_BY_ML,
      params: { ...params, logisticType: shipment.logisticType ?? '' },
    }

  if (shipment.mode !== 'me1' && shipment.mode !== 'custom')
    return { status: 'SUCCESS', reason: REASONS.NO_SHIPMENT, params }
  if (shipment.status && FINAL.includes(shipment.status))
    return {
      status: 'SUCCESS',
      reason: REASONS.SHIPMENT_ALREADY_FINAL,
      params: { ...params, shipmentStatus: shipment.status },
    }

  const number = update.tracking?.number || shipment.trackingNumber

  if (!number) return errorOutcome(REASONS.TRACKING_NUMBER_MISSING, params)
  const serviceId =
    serviceIdFor(config, update.tracking?.courier) ?? shipment.serviceId

  const sent: string[] = []

  if (number !== shipment.trackingNumber) {
    if (serviceId == null)
      return errorOutcome(REASONS.SHIPPING_SERVICE_NOT_SET, {
        ...params,
        courier: update.tracking?.courier ?? '',
      })
    const res = await session.send(
      putShipmentTracking(shipment.id, number, serviceId)
    )

    if (!is2xx(res))
      return failureOutcome(res, now(), REASONS.SHIPMENT_NOT_FOUND)
    sent.push('tracking_number')
  }

  if (target.kind === 'notify' && target.status !== shipment.status) {
    const event = lastEvent(update)
    const res = await session.send(
      postSellerNotification(shipment.id, {
        status: target.status,
        substatus: null,
        trackingNumber: number,
        trackingUrl: update.tracking?.url ?? null,
        serviceId,
        date: isoDate(event?.date, now()),
        comment: event?.description?.slice(0, 200) ?? null,
      })
    )

    if (!is2xx(res))
      return failureOutcome(res, now(), REASONS.SHIPMENT_NOT_FOUND)
    if (!objectBody(res)) return malformedOutcome(res)
    sent.push(target.status)
  }

  return {
    status: 'SUCCESS',
    reason: sent.length ? REASONS.TRACKING_SENT : REASONS.TRACKING_UNCHANGED,
    params: { ...params, sent: sent.join(', ') },
  }
}
