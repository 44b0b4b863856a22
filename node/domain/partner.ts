import type { CarrierEvent } from './carrier'
import { CARRIER_STATUSES, isCarrierStatus } from './carrier'
import type { FieldError } from './errors'
import { DomainError, invalidArgument, invalidFields } from './errors'
import type { Fields } from './fields'
import { isHttpUrl, readText } from './fields'
import { partnerEventDate } from './partnerDate'
import type { OmsOrder } from './vtex'

/**
 * What a logistics partner may post to /_v/marketplace-bridge/partner/tracking
 * (docs/partner-interface.md), and whether the order may take it. Every rule
 * here refuses with a field-level reason; nothing is truncated or guessed.
 */
export const PARTNER_LIMITS = {
  /** Bytes of the request body. */
  maxBodyBytes: 256 * 1024,
  maxEvents: 50,
  orderId: 64,
  invoiceNumber: 50,
  trackingNumber: 100,
  trackingUrl: 2048,
  courier: 100,
  city: 100,
  state: 100,
  description: 500,
} as const

/** What a logistics partner posts (docs/partner-interface.md). */
export interface PartnerUpdate {
  orderId: string
  invoiceNumber: string
  trackingNumber: string | null
  trackingUrl: string | null
  courier: string | null
  events: CarrierEvent[]
}

const DEFAULT_TEXT: Record<CarrierEvent['status'], string> = {
  'handed-to-carrier': 'Handed to the carrier',
  'in-transit': 'In transit',
  delivered: 'Delivered',
}

/** Reads one optional or required text field; records why it is refused. */
const text = (
  o: Fields,
  key: string,
  path: string,
  max: number,
  errors: FieldError[],
  required = false
) => readText(o, key, path, errors, { required, max })

const ORDER_ID = /^[A-Za-z0-9-]+$/

function parseEvents(
  raw: unknown,
  nowMs: number,
  errors: FieldError[]
): CarrierEvent[] {
  if (!Array.isArray(raw)) {
    errors.push({
      field: 'events',
      code: raw == null ? 'REQUIRED' : 'INVALID_FORMAT',
    })

    return []
  }

  if (raw.length === 0) {
    errors.push({ field: 'events', code: 'TOO_FEW', params: { min: 1 } })

    return []
  }

  if (raw.length > PARTNER_LIMITS.maxEvents) {
    errors.push({
      field: 'events',
      code: 'TOO_MANY',
      params: { max: PARTNER_LIMITS.maxEvents },
    })

    return []
  }

  const events: CarrierEvent[] = []

  raw.forEach((item, i) => {
    const at = `events.${i}`

    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({ field: at, code: 'INVALID_FORMAT' })

      return
    }

    const o = item as Fields
    const { status } = o

    if (!isCarrierStatus(status)) {
      errors.push({
        field: `${at}.status`,
        code: status == null ? 'REQUIRED' : 'UNKNOWN',
        params: { allowed: CARRIER_STATUSES.join(', ') },
      })
    }

    const date = partnerEventDate(o.date, `${at}.date`, nowMs)

    if ('code' in date) errors.push(date)
    const city = text(o, 'city', `${at}.city`, PARTNER_LIMITS.city, errors)
    const state = text(o, 'state', `${at}.state`, PARTNER_LIMITS.state, errors)
    const description = text(
      o,
      'description',
      `${at}.description`,
      PARTNER_LIMITS.description,
      errors
    )

    if (isCarrierStatus(status) && 'iso' in date) {
      events.push({
        status,
        date: date.iso,
        city: city ?? '',
        state: state ?? '',
        description: description ?? DEFAULT_TEXT[status],
      })
    }
  })

  return events
}

/**
 * Validates a partner's post as a whole: every refused field is named at
 * once (reason INVALID_PARTNER_UPDATE); nothing is truncated.
 */
export function parsePartnerUpdate(raw: unknown, nowMs: number): PartnerUpdate {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw invalidArgument('The body must be a JSON object.', 'INVALID_BODY')
  const o = raw as Fields
  const errors: FieldError[] = []
  const L = PARTNER_LIMITS
  const orderId = text(o, 'orderId', 'orderId', L.orderId, errors, true)

  if (orderId && !ORDER_ID.test(orderId))
    errors.push({ field: 'orderId', code: 'INVALID_FORMAT' })
  const invoiceNumber = text(
    o,
    'invoiceNumber',
    'invoiceNumber',
    L.invoiceNumber,
    errors,
    true
  )

  const trackingNumber = text(
    o,
    'trackingNumber',
    'trackingNumber',
    L.trackingNumber,
    errors
  )

  const trackingUrl = text(
    o,
    'trackingUrl',
    'trackingUrl',
    L.trackingUrl,
    errors
  )

  if (trackingUrl && !isHttpUrl(trackingUrl))
    errors.push({ field: 'trackingUrl', code: 'INVALID_FORMAT' })
  const courier = text(o, 'courier', 'courier', L.courier, errors)
  const events = parseEvents(o.events, nowMs, errors)

  if (errors.length > 0) {
    throw invalidFields(
      'INVALID_PARTNER_UPDATE',
      `The update was refused, nothing changed: ${errors
        .map((e) => `${e.field} ${e.code}`)
        .join(', ')}.`,
      errors
    )
  }

  return {
    orderId: orderId!,
    invoiceNumber: invoiceNumber!,
    trackingNumber,
    trackingUrl,
    courier,
    events,
  }
}

/**
 * Whether OMS's order may take a partner's events: it must exist, be
 * invoiced, and the posted invoice must be one of its invoices. Returns the
 * refusal, or null.
 */
export function partnerOrderRefusal(
  order: OmsOrder | null,
  update: Pick<PartnerUpdate, 'orderId' | 'invoiceNumber'>
): DomainError | null {
  if (!order) {
    return new DomainError(
      'NOT_FOUND',
      `Order ${update.orderId} does not exist in VTEX OMS; nothing changed.`,
      'ORDER_NOT_FOUND',
      [{ field: 'orderId', code: 'UNKNOWN' }]
    )
  }

  if (order.status !== 'invoiced') {
    return new DomainError(
      'INVALID_TRANSITION',
      `Order ${update.orderId} is ${order.status}, not invoiced: tracking events come after the invoice; nothing changed.`,
      'ORDER_NOT_INVOICED',
      [{ field: 'orderId', code: 'NOT_ALLOWED' }]
    )
  }

  const invoices = (order.packageAttachment?.packages ?? [])
    .filter((p) => (p.type ?? 'Output') === 'Output' && p.invoiceNumber)
    .map((p) => p.invoiceNumber)

  if (!invoices.includes(update.invoiceNumber)) {
    return new DomainError(
      'INVALID_TRANSITION',
      `Invoice ${update.invoiceNumber} is not an invoice of order ${update.orderId}; nothing changed.`,
      'UNKNOWN_INVOICE',
      [{ field: 'invoiceNumber', code: 'UNKNOWN' }]
    )
  }

  return null
}
