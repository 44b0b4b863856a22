import type { FieldError } from './errors'

/**
 * VTEX Tracking's limits on POST /services (tracking.json, schema
 * DeliveryService): the maximum length of every string the bridge sends,
 * and `state`, which is exactly two characters (a UF code) or absent.
 */
export const DELIVERY_SERVICE_LIMITS = {
  deliveryServiceType: 11,
  idExternal: 30,
  orderNumber: 200,
  shipperCustomer: {
    legalType: 2,
    email: 254,
    firstName: 100,
    lastName: 100,
    cpf: 50,
    cnpj: 50,
    companyName: 150,
    addressStreet: 150,
    addressNumber: 50,
    addressComplement: 50,
    addressNeighborhood: 150,
    addressCity: 100,
    postalCode: 9,
  },
} as const

/** Brazil's states by name (accents and case do not matter) and UF code. */
const UF: Record<string, string> = {
  acre: 'AC',
  alagoas: 'AL',
  amapa: 'AP',
  amazonas: 'AM',
  bahia: 'BA',
  ceara: 'CE',
  'distrito federal': 'DF',
  'espirito santo': 'ES',
  goias: 'GO',
  maranhao: 'MA',
  'mato grosso': 'MT',
  'mato grosso do sul': 'MS',
  'minas gerais': 'MG',
  para: 'PA',
  paraiba: 'PB',
  parana: 'PR',
  pernambuco: 'PE',
  piaui: 'PI',
  'rio de janeiro': 'RJ',
  'rio grande do norte': 'RN',
  'rio grande do sul': 'RS',
  rondonia: 'RO',
  roraima: 'RR',
  'santa catarina': 'SC',
  'sao paulo': 'SP',
  sergipe: 'SE',
  tocantins: 'TO',
}

const CODES = new Set(Object.values(UF))

const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()

/**
 * A Brazilian state as its UF code: `SP`, `sp`, `São Paulo`, `sao  paulo`
 * → `SP`. Null when the value names no state (then it is not sent).
 */
export function ufOf(state: string | null | undefined): string | null {
  if (state == null) return null
  const p = plain(state)

  if (p.length === 2 && CODES.has(p.toUpperCase())) return p.toUpperCase()

  return UF[p] ?? null
}

const digits = (v: string | null | undefined) => (v ?? '').replace(/\D/g, '')

/** A CPF, CNPJ or CEP as VTEX Tracking takes it: digits only. */
export const documentDigits = digits

/**
 * Every field of a delivery service that VTEX Tracking would refuse, by its
 * path in the body (`shipperCustomer.firstName`). Empty means it is
 * acceptable as built.
 */
export function deliveryServiceProblems(
  body: Record<string, unknown>
): FieldError[] {
  const problems: FieldError[] = []
  const check = (path: string, value: unknown, max: number) => {
    if (typeof value === 'string' && value.length > max)
      problems.push({ field: path, code: 'TOO_LONG', params: { max } })
  }

  const L = DELIVERY_SERVICE_LIMITS

  check('deliveryServiceType', body.deliveryServiceType, L.deliveryServiceType)
  check('idExternal', body.idExternal, L.idExternal)
  check('orderNumber', body.orderNumber, L.orderNumber)
  const customer = (body.shipperCustomer ?? {}) as Record<string, unknown>

  for (const [key, max] of Object.entries(L.shipperCustomer))
    check(`shipperCustomer.${key}`, customer[key], max)

  for (const key of ['addressStreet', 'postalCode']) {
    if (typeof customer[key] !== 'string' || customer[key] === '')
      problems.push({ field: `shipperCustomer.${key}`, code: 'REQUIRED' })
  }

  if (
    customer.state !== undefined &&
    (typeof customer.state !== 'string' || !CODES.has(customer.state))
  )
    problems.push({ field: 'shipperCustomer.state', code: 'INVALID_FORMAT' })

  return problems
}

/** Drops absent and empty optional strings (VTEX Tracking takes absence, not ""). */
export function withoutEmpty<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).filter(
      ([, v]) => v !== undefined && v !== null && v !== ''
    )
  ) as T
}
