import { documentDigits, ufOf } from './deliveryService'
import type { FieldError } from './errors'
import { invalidArgument, invalidFields } from './errors'
import type { Fields } from './fields'
import { isHttpUrl, readText } from './fields'
import type { ExternalOrder } from './vtexTracking'
import { deliveryServiceOf, orderOfExternal } from './vtexTracking'

/** Bounds of the external-order route beyond VTEX Tracking's own limits. */
export const EXTERNAL_ORDER_LIMITS = {
  maxBodyBytes: 64 * 1024,
  /** Becomes VTEX Tracking's idExternal (at most 30 characters). */
  orderId: 30,
  invoiceNumber: 50,
  invoiceUrl: 2048,
  /** Any text field before VTEX Tracking's own, smaller, limits apply. */
  text: 254,
} as const

/** Where a field of the delivery service came from in the posted order. */
const INPUT_FIELD: Record<string, string> = {
  idExternal: 'orderId',
  orderNumber: 'orderId',
  'shipperCustomer.firstName': 'customer.firstName',
  'shipperCustomer.lastName': 'customer.lastName',
  'shipperCustomer.email': 'customer.email',
  'shipperCustomer.cpf': 'customer.document',
  'shipperCustomer.addressStreet': 'customer.street',
  'shipperCustomer.addressNumber': 'customer.number',
  'shipperCustomer.addressNeighborhood': 'customer.neighborhood',
  'shipperCustomer.addressCity': 'customer.city',
  'shipperCustomer.state': 'customer.state',
  'shipperCustomer.postalCode': 'customer.postalCode',
}

const text = (
  o: Fields,
  key: string,
  path: string,
  errors: FieldError[],
  { required = false, max = EXTERNAL_ORDER_LIMITS.text as number } = {}
) => readText(o, key, path, errors, { required, max })

/**
 * Validates an external order posted to the app (docs/partner-interface.md)
 * against the route's bounds and VTEX Tracking's (tracking.json): the state
 * is normalised to its UF code, the CEP and document to digits; anything
 * else that VTEX Tracking would refuse is refused here, every field at once
 * (reason INVALID_EXTERNAL_ORDER).
 */
export function parseExternalOrder(
  raw: unknown,
  nowIso: string
): ExternalOrder {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw invalidArgument('The body must be a JSON object.', 'INVALID_BODY')
  const o = raw as Fields
  const L = EXTERNAL_ORDER_LIMITS
  const errors: FieldError[] = []
  const orderId = text(o, 'orderId', 'orderId', errors, {
    required: true,
    max: L.orderId,
  })

  if (orderId && !/^[A-Za-z0-9-]+$/.test(orderId))
    errors.push({ field: 'orderId', code: 'INVALID_FORMAT' })
  const invoiceNumber = text(o, 'invoiceNumber', 'invoiceNumber', errors, {
    required: true,
    max: L.invoiceNumber,
  })

  const invoiceUrl = text(o, 'invoiceUrl', 'invoiceUrl', errors, {
    max: L.invoiceUrl,
  })

  if (invoiceUrl && !isHttpUrl(invoiceUrl))
    errors.push({ field: 'invoiceUrl', code: 'INVALID_FORMAT' })
  const routing = o.routing ?? 'VTEX_TRACKING'

  if (routing !== 'VTEX_TRACKING' && routing !== 'EXTERNAL')
    errors.push({
      field: 'routing',
      code: 'UNKNOWN',
      params: { allowed: 'VTEX_TRACKING, EXTERNAL' },
    })
  if (o.routed != null && typeof o.routed !== 'boolean')
    errors.push({ field: 'routed', code: 'INVALID_FORMAT' })
  const c = o.customer

  if (!c || typeof c !== 'object' || Array.isArray(c)) {
    errors.push({
      field: 'customer',
      code: c == null ? 'REQUIRED' : 'INVALID_FORMAT',
    })
  }

  const cf = (c && typeof c === 'object' ? c : {}) as Fields
  const field = (key: string, required = false) =>
    text(cf, key, `customer.${key}`, errors, { required })

  const stateText = field('state')
  const state = stateText ? ufOf(stateText) : null

  if (stateText && !state)
    errors.push({ field: 'customer.state', code: 'INVALID_FORMAT' })
  const postalText = field('postalCode', true)

  if (postalText && !documentDigits(postalText))
    errors.push({ field: 'customer.postalCode', code: 'INVALID_FORMAT' })

  const order: ExternalOrder = {
    orderId: orderId ?? '',
    invoiceNumber: invoiceNumber ?? '',
    invoiceUrl,
    routing: routing === 'EXTERNAL' ? 'EXTERNAL' : 'VTEX_TRACKING',
    routed: routing === 'EXTERNAL' ? o.routed === true : true,
    customer: {
      firstName: field('firstName', true) ?? '',
      lastName: field('lastName') ?? '',
      email: field('email'),
      document: field('document'),
      street: field('street', true) ?? '',
      number: field('number'),
      neighborhood: field('neighborhood'),
      city: field('city'),
      state,
      postalCode: postalText ? documentDigits(postalText) : '',
    },
  }

  if (errors.length === 0) {
    // VTEX Tracking's own limits, checked on the body that would be sent.
    const decision = deliveryServiceOf(orderOfExternal(order), false, nowIso)

    if ('invalid' in decision)
      for (const p of decision.fields ?? [])
        errors.push({ ...p, field: INPUT_FIELD[p.field] ?? p.field })
  }

  if (errors.length > 0) {
    throw invalidFields(
      'INVALID_EXTERNAL_ORDER',
      `The order was refused, nothing changed: ${errors
        .map((e) => `${e.field} ${e.code}`)
        .join(', ')}.`,
      errors
    )
  }

  return order
}
