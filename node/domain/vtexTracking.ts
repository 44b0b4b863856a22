import {
  deliveryServiceProblems,
  documentDigits,
  ufOf,
  withoutEmpty,
} from './deliveryService'
import type { FieldError } from './errors'
import type { OmsOrder } from './vtex'
import { invoicedPackage } from './vtex'

/** The pseudo-marketplace VTEX Tracking imports are logged under (Tracking tab). */
export const VTEX_TRACKING_LOG = 'vtex-tracking'

/** An order coming from outside VTEX's OMS (ERP, physical store), posted to the app. */
export interface ExternalOrder {
  orderId: string
  invoiceNumber: string
  invoiceUrl: string | null
  /** VTEX_TRACKING: VTEX Tracking routes it; EXTERNAL: routed elsewhere (import once routed). */
  routing: 'VTEX_TRACKING' | 'EXTERNAL'
  routed: boolean
  customer: {
    firstName: string
    lastName: string
    email: string | null
    document: string | null
    street: string
    number: string | null
    neighborhood: string | null
    city: string | null
    state: string | null
    postalCode: string
  }
}

export type ImportDecision =
  | { import: Record<string, unknown> }
  | { skip: string }
  | { invalid: string; fields?: FieldError[] }

/**
 * The delivery service VTEX Tracking receives for an invoiced order
 * (POST /services; shipperCustomer needs legalType, addressStreet,
 * postalCode). Normalised to what tracking.json accepts — trimmed text,
 * digits-only documents and CEP, the state as its UF code or absent, no
 * empty strings — and refused, with the fields named, when a value would
 * still break VTEX Tracking's limits (nothing is truncated).
 */
export function deliveryServiceOf(
  order: OmsOrder,
  onlyWithInvoiceFile: boolean,
  nowIso: string
): ImportDecision {
  if (order.status !== 'invoiced')
    return {
      skip: `Order ${order.orderId} is ${order.status}: only invoiced orders are imported.`,
    }
  const pkg = invoicedPackage(order)

  if (!pkg?.invoiceNumber)
    return { invalid: `Order ${order.orderId} has no invoice.` }
  if (onlyWithInvoiceFile && !pkg.invoiceUrl)
    return {
      skip: `Order ${order.orderId}'s invoice has no file: the settings import only orders with one.`,
    }
  const address = order.shippingData?.address
  const profile = order.clientProfileData ?? {}

  if (!address?.street?.trim() || !documentDigits(address.postalCode))
    return {
      invalid: `Order ${order.orderId} has no shipping address (street and postal code).`,
    }
  const corporate = Boolean(profile.isCorporate)
  const t = (v: string | null | undefined) => v?.trim() ?? ''
  const body = {
    deliveryServiceType: 'Entrega',
    orderNumber: order.orderId,
    idExternal: order.orderId,
    invoiceOrderOfService: pkg.invoiceNumber,
    description: `Order ${order.orderId}`,
    integrationDateTime: nowIso,
    shipperCustomer: withoutEmpty({
      legalType: corporate ? 'PJ' : 'PF',
      ...(corporate
        ? {
            companyName: t(profile.corporateName),
            cnpj: documentDigits(profile.corporateDocument),
          }
        : {
            firstName: t(profile.firstName),
            lastName: t(profile.lastName),
            cpf: documentDigits(profile.document),
          }),
      email: t(profile.email),
      addressStreet: t(address.street),
      addressNumber: t(address.number),
      addressComplement: t(address.complement),
      addressNeighborhood: t(address.neighborhood),
      addressCity: t(address.city),
      state: ufOf(address.state) ?? undefined,
      postalCode: documentDigits(address.postalCode),
    }),
  }

  const problems = deliveryServiceProblems(body)

  if (problems.length > 0)
    return {
      invalid: `VTEX Tracking would refuse order ${order.orderId}: ${problems
        .map(
          (p) =>
            `${p.field} ${
              p.code === 'TOO_LONG'
                ? `longer than ${p.params?.max} characters`
                : p.code
            }`
        )
        .join(', ')}.`,
      fields: problems,
    }

  return { import: body }
}

/** An external order as an OMS-shaped order (same import rules). */
export function orderOfExternal(e: ExternalOrder): OmsOrder {
  return {
    orderId: e.orderId,
    status: 'invoiced',
    packageAttachment: {
      packages: [
        {
          type: 'Output',
          invoiceNumber: e.invoiceNumber,
          invoiceUrl: e.invoiceUrl,
        },
      ],
    },
    clientProfileData: {
      firstName: e.customer.firstName,
      lastName: e.customer.lastName,
      email: e.customer.email,
      document: e.customer.document,
    },
    shippingData: {
      address: {
        street: e.customer.street,
        number: e.customer.number,
        neighborhood: e.customer.neighborhood,
        city: e.customer.city,
        state: e.customer.state,
        postalCode: e.customer.postalCode,
      },
    },
  }
}

/**
 * VTEX Tracking's delivery service as carrier events: its status
 * description says whether it is on its way or delivered (free text, in the
 * store's language).
 */
export function eventsOfDeliveryService(service: Record<string, unknown>) {
  const status = String(
    (service.deliveryServiceStatus as { description?: unknown } | undefined)
      ?.description ?? ''
  )

  const city = String(service.addressCity ?? '')
  const date = (v: unknown) =>
    typeof v === 'string' && !Number.isNaN(Date.parse(v))
      ? new Date(Date.parse(v)).toISOString()
      : null

  const created = date(service.created)
  const events: Array<{
    status: 'in-transit' | 'delivered'
    date: string
    city: string
    state: string
    description: string
  }> = []

  const onRoute = /rota|route|tr[aâ]nsit|saiu|out for/i.test(status)
  const delivered = /entregue|delivered|entregado|finaliz/i.test(status)
  const routeDate = date(service.cteDate) ?? created

  if ((onRoute || delivered) && routeDate)
    events.push({
      status: 'in-transit',
      date: routeDate,
      city,
      state: '',
      description: onRoute ? status : 'Em rota de entrega',
    })
  const deliveredAt = date(service.deliveryDateTime)

  if (delivered && deliveredAt)
    events.push({
      status: 'delivered',
      date: deliveredAt,
      city,
      state: '',
      description: status,
    })

  return events
}
