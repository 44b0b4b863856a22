import type { FieldError } from '../../domain/errors'
import type { SettingsSection } from '../adapter'
import type {
  CategoryMapping,
  Condition,
  CourierService,
  ListingType,
  MercadoLivreConfig,
  SiteId,
} from './config'
import { CONDITIONS, LISTING_TYPES, SITE_IDS } from './config'

/**
 * The Mercado Livre part of one marketplace's settings. Every invalid field is
 * reported at once, with paths under the caller's `path`
 * (`marketplaces.2.categories.0.mlCategoryId`). The client secret is
 * write-only: `present` only says whether it is set.
 */
type Raw = Record<string, unknown>

const MAX_CATEGORIES = 1000
const MAX_COURIERS = 50
const DIGITS = /^\d{1,20}$/
const ML_CATEGORY = /^([A-Z]{3})\d{1,12}$/

const text = (v: unknown) =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : ''

const isBlank = (v: unknown) => v == null || text(v) === ''

function isRedirectUri(v: string) {
  try {
    const u = new URL(v)

    return (
      (u.protocol === 'https:' ||
        (u.protocol === 'http:' && u.hostname === 'localhost')) &&
      !u.hash
    )
  } catch {
    return false
  }
}

function positiveInt(v: unknown): number | null {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v

  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null
}

function oneOf<T extends string>(
  v: unknown,
  allowed: readonly T[],
  fallback: T
): T | null {
  if (isBlank(v)) return fallback

  return allowed.includes(text(v) as T) ? (text(v) as T) : null
}

/** The entries of a list field, or null (and the list's error) when it is not a list or too long. */
function entries(
  raw: unknown,
  at: string,
  max: number,
  errors: FieldError[]
): Raw[] | null {
  if (raw == null) return []
  if (!Array.isArray(raw)) errors.push({ field: at, code: 'INVALID_FORMAT' })
  else if (raw.length > max)
    errors.push({ field: at, code: 'TOO_MANY', params: { max } })
  else return raw.map((e: unknown) => (e ?? {}) as Raw)

  return null
}

function parseCategories(
  raw: unknown,
  siteId: SiteId,
  at: string,
  errors: FieldError[]
): CategoryMapping[] {
  const list = entries(raw, at, MAX_CATEGORIES, errors)
  const seen = new Set<string>()
  const out: CategoryMapping[] = []

  if (!list) return []
  list.forEach((e, i) => {
    const field = (name: string) => `${at}.${i}.${name}`
    const vtexCategoryId = text(e.vtexCategoryId)
    const mlCategoryId = text(e.mlCategoryId).toUpperCase()
    const listingTypeId = oneOf<ListingType>(
      e.listingTypeId,
      LISTING_TYPES,
      'gold_special'
    )

    let ok = true

    if (!vtexCategoryId) {
      errors.push({ field: field('vtexCategoryId'), code: 'REQUIRED' })
      ok = false
    } else if (!DIGITS.test(vtexCategoryId)) {
      errors.push({ field: field('vtexCategoryId'), code: 'INVALID_FORMAT' })
      ok = false
    } else if (seen.has(vtexCategoryId)) {
      errors.push({ field: field('vtexCategoryId'), code: 'DUPLICATE' })
      ok = false
    }

    seen.add(vtexCategoryId)
    const m = ML_CATEGORY.exec(mlCategoryId)

    if (!mlCategoryId) {
      errors.push({ field: field('mlCategoryId'), code: 'REQUIRED' })
      ok = false
    } else if (!m || m[1] !== siteId) {
      errors.push({
        field: field('mlCategoryId'),
        code: 'INVALID_FORMAT',
        params: { siteId },
      })
      ok = false
    }

    if (!listingTypeId) {
      errors.push({
        field: field('listingTypeId'),
        code: 'NOT_ALLOWED',
        params: { allowed: LISTING_TYPES.join(', ') },
      })
      ok = false
    }

    if (ok)
      out.push({ vtexCategoryId, mlCategoryId, listingTypeId: listingTypeId! })
  })

  return out
}

function parseCouriers(
  raw: unknown,
  at: string,
  errors: FieldError[]
): CourierService[] {
  const list = entries(raw, at, MAX_COURIERS, errors)
  const seen = new Set<string>()
  const out: CourierService[] = []

  if (!list) return []
  list.forEach((e, i) => {
    const courier = text(e.courier)
    const serviceId = positiveInt(e.serviceId)
    const key = courier.toLowerCase()
    let ok = true

    if (!courier) {
      errors.push({ field: `${at}.${i}.courier`, code: 'REQUIRED' })
      ok = false
    } else if (courier.length > 100) {
      errors.push({
        field: `${at}.${i}.courier`,
        code: 'TOO_LONG',
        params: { max: 100 },
      })
      ok = false
    } else if (seen.has(key)) {
      errors.push({ field: `${at}.${i}.courier`, code: 'DUPLICATE' })
      ok = false
    }

    seen.add(key)
    if (serviceId == null) {
      errors.push({
        field: `${at}.${i}.serviceId`,
        code: isBlank(e.serviceId) ? 'REQUIRED' : 'INVALID_FORMAT',
      })
      ok = false
    }

    if (ok) out.push({ courier, serviceId: serviceId! })
  })

  return out
}

export function parseMercadoLivreSettings(
  raw: Raw,
  path: string
): { config: MercadoLivreConfig } | { errors: FieldError[] } {
  const errors: FieldError[] = []
  const at = (name: string) => (path ? `${path}.${name}` : name)

  const clientId = text(raw.clientId)

  if (!clientId) errors.push({ field: at('clientId'), code: 'REQUIRED' })
  else if (!DIGITS.test(clientId))
    errors.push({ field: at('clientId'), code: 'INVALID_FORMAT' })

  const clientSecret = text(raw.clientSecret)

  if (!clientSecret)
    errors.push({ field: at('clientSecret'), code: 'REQUIRED' })
  else if (clientSecret.length > 200)
    errors.push({
      field: at('clientSecret'),
      code: 'TOO_LONG',
      params: { max: 200 },
    })

  const siteId = oneOf<SiteId>(raw.siteId, SITE_IDS, 'MLB')

  if (!siteId)
    errors.push({
      field: at('siteId'),
      code: 'NOT_ALLOWED',
      params: { allowed: SITE_IDS.join(', ') },
    })

  const redirectUri = text(raw.redirectUri)

  if (!redirectUri) errors.push({ field: at('redirectUri'), code: 'REQUIRED' })
  else if (!isRedirectUri(redirectUri))
    errors.push({ field: at('redirectUri'), code: 'INVALID_FORMAT' })

  const sellerId = isBlank(raw.sellerId) ? null : text(raw.sellerId)

  if (sellerId != null && !DIGITS.test(sellerId))
    errors.push({ field: at('sellerId'), code: 'INVALID_FORMAT' })

  const categories = parseCategories(
    raw.categories,
    siteId ?? 'MLB',
    at('categories'),
    errors
  )

  const sendPrices = raw.sendPrices == null ? true : raw.sendPrices

  if (typeof sendPrices !== 'boolean')
    errors.push({ field: at('sendPrices'), code: 'INVALID_FORMAT' })

  const condition = oneOf<Condition>(raw.condition, CONDITIONS, 'new')

  if (!condition)
    errors.push({
      field: at('condition'),
      code: 'NOT_ALLOWED',
      params: { allowed: CONDITIONS.join(', ') },
    })

  const trackingServiceId = isBlank(raw.trackingServiceId)
    ? null
    : positiveInt(raw.trackingServiceId)

  if (!isBlank(raw.trackingServiceId) && trackingServiceId == null)
    errors.push({ field: at('trackingServiceId'), code: 'INVALID_FORMAT' })

  const courierServices = parseCouriers(
    raw.courierServices,
    at('courierServices'),
    errors
  )

  if (errors.length) return { errors }

  return {
    config: {
      clientId,
      clientSecret,
      siteId: siteId!,
      redirectUri,
      sellerId,
      categories,
      sendPrices: sendPrices as boolean,
      condition: condition!,
      trackingServiceId,
      courierServices,
    },
  }
}

export const mercadoLivreSettings: SettingsSection<MercadoLivreConfig> = {
  parse: parseMercadoLivreSettings,
  present: ({ clientSecret, ...rest }) => ({
    ...rest,
    clientSecretSet: Boolean(clientSecret),
  }),
  secrets: ['clientSecret'],
}
