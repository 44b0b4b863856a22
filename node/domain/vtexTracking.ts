import { invalidArgument } from './errors'
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
  | { invalid: string }

const digits = (v: string | null | undefined) => (v ?? '').replace(/\D/g, '')

/**
 * The delivery service VTEX Tracking receives for an invoiced order
 * (POST /services; shipperCustomer needs legalType, addressStreet, postalCode).
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

  if (!address?.street || !address.postalCode)
    return {
      invalid: `Order ${order.orderId} has no shipping address (street and postal code).`,
    }
  const corporate = Boolean(profile.isCorporate)

  return {
    import: {
      deliveryServiceType: 'Entrega',
      orderNumber: order.orderId,
      idExternal: order.orderId,
      invoiceOrderOfService: pkg.invoiceNumber,
      description: `Order ${order.orderId}`,
      integrationDateTime: nowIso,
      shipperCustomer: {
        legalType: corporate ? 'PJ' : 'PF',
        ...(corporate
          ? {
              companyName: profile.corporateName ?? '',
              cnpj: digits(profile.corporateDocument),
            }
          : {
              firstName: profile.firstName ?? '',
              lastName: profile.lastName ?? '',
              cpf: digits(profile.document),
            }),
        email: profile.email ?? undefined,
        addressStreet: address.street,
        addressNumber: address.number ?? '',
        addressComplement: address.complement ?? '',
        addressNeighborhood: address.neighborhood ?? '',
        addressCity: address.city ?? '',
        state: address.state ?? '',
        postalCode: digits(address.postalCode),
      },
    },
  }
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

const str = (v: unknown, name: string, required: boolean, max = 200) => {
  if (v == null || v === '') {
    if (required) throw invalidArgument(`${name} is required.`)

    return null
  }

  if (typeof v !== 'string') throw invalidArgument(`${name} must be a string.`)

  return v.trim().slice(0, max)
}

/** Validates an external order posted to the app (docs/vtex-tracking.md). */
export function parseExternalOrder(raw: unknown): ExternalOrder {
  const o = (raw && typeof raw === 'object' ? raw : null) as Record<
    string,
    unknown
  > | null

  if (!o) throw invalidArgument('The body must be a JSON object.')
  const orderId = str(o.orderId, 'orderId', true)!

  if (!/^[A-Za-z0-9-]{1,64}$/.test(orderId))
    throw invalidArgument(`Invalid orderId "${orderId}".`)
  const routing = o.routing ?? 'VTEX_TRACKING'

  if (routing !== 'VTEX_TRACKING' && routing !== 'EXTERNAL')
    throw invalidArgument('routing must be VTEX_TRACKING or EXTERNAL.')
  const c = (
    o.customer && typeof o.customer === 'object' ? o.customer : null
  ) as Record<string, unknown> | null

  if (!c) throw invalidArgument('customer is required.')

  return {
    orderId,
    invoiceNumber: str(o.invoiceNumber, 'invoiceNumber', true)!,
    invoiceUrl: str(o.invoiceUrl, 'invoiceUrl', false, 2048),
    routing,
    routed: routing === 'VTEX_TRACKING' ? true : o.routed === true,
    customer: {
      firstName: str(c.firstName, 'customer.firstName', true)!,
      lastName: str(c.lastName, 'customer.lastName', false) ?? '',
      email: str(c.email, 'customer.email', false),
      document: str(c.document, 'customer.document', false),
      street: str(c.street, 'customer.street', true)!,
      number: str(c.number, 'customer.number', false),
      neighborhood: str(c.neighborhood, 'customer.neighborhood', false),
      city: str(c.city, 'customer.city', false),
      state: str(c.state, 'customer.state', false),
      postalCode: str(c.postalCode, 'customer.postalCode', true)!,
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
