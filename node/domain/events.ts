import { invalidArgument, invalidFields } from './errors'
import type { BroadcasterNotification, OrderStatusEvent } from './vtex'

/**
 * What an IO event must look like before a handler acts on it. A body
 * these rules refuse can never succeed however often it is delivered, so
 * the handler acknowledges it and logs why (retrying it would loop); a
 * failure of anything else (VBase, VTEX, a marketplace) is not refused here
 * and makes the bus deliver the event again.
 */
export const MAX_EVENT_BYTES = 64 * 1024

const fail = (
  what: string,
  field: string,
  code: 'REQUIRED' | 'INVALID_FORMAT'
) =>
  invalidFields('INVALID_EVENT', `${what}: ${field} ${code}`, [{ field, code }])

function objectOf(body: unknown, what: string): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw invalidArgument(
      `${what}: the body is not a JSON object`,
      'INVALID_EVENT'
    )
  let size: number

  try {
    size = JSON.stringify(body).length
  } catch {
    throw invalidArgument(`${what}: the body cannot be read`, 'INVALID_EVENT')
  }

  if (size > MAX_EVENT_BYTES)
    throw invalidArgument(
      `${what}: the body is ${size} bytes, more than ${MAX_EVENT_BYTES}`,
      'EVENT_TOO_LARGE'
    )

  return body as Record<string, unknown>
}

const ORDER_ID = /^[A-Za-z0-9-]{1,64}$/

/** vtex.broadcaster's notification: a SKU id (digits) is all the bridge needs. */
export function catalogNotificationOf(body: unknown): BroadcasterNotification {
  const o = objectOf(body, 'Catalog notification')
  const sku = o.IdSku

  if (sku == null || sku === '')
    throw fail('Catalog notification', 'IdSku', 'REQUIRED')
  if (
    !/^\d{1,18}$/.test(String(sku)) ||
    !['string', 'number'].includes(typeof sku)
  )
    throw fail('Catalog notification', 'IdSku', 'INVALID_FORMAT')
  if (o.DateModified != null && typeof o.DateModified !== 'string')
    throw fail('Catalog notification', 'DateModified', 'INVALID_FORMAT')

  return o as unknown as BroadcasterNotification
}

/** vtex.orders-broadcast's status change: an order id and its new state. */
export function orderStatusEventOf(body: unknown): OrderStatusEvent {
  const o = objectOf(body, 'Order status change')

  if (o.orderId == null || o.orderId === '')
    throw fail('Order status change', 'orderId', 'REQUIRED')
  if (typeof o.orderId !== 'string' || !ORDER_ID.test(o.orderId))
    throw fail('Order status change', 'orderId', 'INVALID_FORMAT')
  if (
    typeof o.currentState !== 'string' ||
    !/^[a-z-]{1,64}$/.test(o.currentState)
  )
    throw fail('Order status change', 'currentState', 'INVALID_FORMAT')
  if (o.currentChangeDate != null && typeof o.currentChangeDate !== 'string')
    throw fail('Order status change', 'currentChangeDate', 'INVALID_FORMAT')

  return o as unknown as OrderStatusEvent
}

/** The app's own job event: `{ jobId }` as BridgeQueue sends it. */
export function jobEventOf(body: unknown): { jobId: string } {
  const o = objectOf(body, 'Job event')

  if (o.jobId == null || o.jobId === '')
    throw fail('Job event', 'jobId', 'REQUIRED')
  if (
    typeof o.jobId !== 'string' ||
    !/^[xr]\.[A-Za-z0-9._-]{1,200}$/.test(o.jobId)
  )
    throw fail('Job event', 'jobId', 'INVALID_FORMAT')

  return { jobId: o.jobId }
}

/** The app's own bulk-action event: `{ bulkId }`. */
export function bulkEventOf(body: unknown): { bulkId: string } {
  const o = objectOf(body, 'Bulk event')

  if (o.bulkId == null || o.bulkId === '')
    throw fail('Bulk event', 'bulkId', 'REQUIRED')
  if (typeof o.bulkId !== 'string' || !/^\d{13}-[a-z0-9]{1,16}$/.test(o.bulkId))
    throw fail('Bulk event', 'bulkId', 'INVALID_FORMAT')

  return { bulkId: o.bulkId }
}
