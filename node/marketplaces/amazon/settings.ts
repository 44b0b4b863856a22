/**
 * The Amazon part of one marketplace's settings: where the seller sells
 * (region, seller id, Amazon stores), the app's Login with Amazon
 * credentials (client secret and refresh token are write-only) and the
 * store's mapping of VTEX categories to Amazon product types, which listing
 * creation needs. Every invalid field is reported at once.
 */
import type { FieldError } from '../../domain/errors'
import type { SettingsSection } from '../adapter'
import type { Region } from './marketplaces'
import { REGIONS, amazonStore, isRegion } from './marketplaces'

export interface ProductTypeMapping {
  /** VTEX category id. */
  categoryId: string
  /** Amazon product type (Product Type Definitions API), e.g. `SHOES`. */
  productType: string
}

export interface AmazonConfig {
  region: Region
  /** Merchant token shown in Seller Central (Settings › Account Info › Merchant Token). */
  sellerId: string
  /** Amazon stores the listings are sold in; all in `region`, all in one currency. */
  marketplaceIds: string[]
  /** Write-only (the app's identity at Login with Amazon). */
  lwaClientId: string
  /** Write-only. */
  lwaClientSecret: string
  /** Write-only. The seller's authorization of the app (starts with `Atzr|`). */
  lwaRefreshToken: string
  productTypes: ProductTypeMapping[]
}

/** Write-only: GraphQL says only whether each is set; an empty field on save keeps the saved one. */
export const AMAZON_SECRETS = [
  'lwaClientId',
  'lwaClientSecret',
  'lwaRefreshToken',
] as const

const SELLER_ID_RE = /^[A-Z0-9]{8,20}$/
const CLIENT_ID_RE = /^amzn1\.application-oa2-client\.[A-Za-z0-9]{8,64}$/
const REFRESH_RE = /^Atzr\|\S{8,2040}$/
const PRODUCT_TYPE_RE = /^[A-Z][A-Z0-9_]{1,59}$/
const CATEGORY_RE = /^[0-9]{1,10}$/
const MAX_SECRET = 2048
const MAX_MARKETPLACES = 10
const MAX_MAPPINGS = 1000

const text = (v: unknown) =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : ''

const list = (v: unknown): unknown[] =>
  Array.isArray(v)
    ? v
    : typeof v === 'string'
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : []

/** Accepts rows `[{ categoryId, productType }]` or an object `{ [categoryId]: productType }`. */
const mappingRows = (v: unknown): unknown[] =>
  Array.isArray(v)
    ? v
    : v && typeof v === 'object'
    ? Object.entries(v as Record<string, unknown>).map(
        ([categoryId, productType]) => ({ categoryId, productType })
      )
    : []

function parseMarketplaceIds(
  raw: unknown,
  region: Region | null,
  at: (f: string) => string,
  errors: FieldError[]
) {
  const ids = list(raw).map(text)

  if (!ids.length)
    errors.push({ field: at('marketplaceIds'), code: 'REQUIRED' })
  if (ids.length > MAX_MARKETPLACES)
    errors.push({
      field: at('marketplaceIds'),
      code: 'TOO_MANY',
      params: { max: MAX_MARKETPLACES },
    })

  const seen = new Set<string>()
  const currencies = new Set<string>()

  ids.forEach((id, i) => {
    const field = at(`marketplaceIds.${i}`)
    const known = amazonStore(id)

    if (!known) errors.push({ field, code: 'UNKNOWN', params: { value: id } })
    else if (seen.has(id)) errors.push({ field, code: 'DUPLICATE' })
    else if (region && known.region !== region)
      errors.push({ field, code: 'NOT_ALLOWED', params: { region } })
    else if (currencies.size && !currencies.has(known.currency))
      // One trade policy has one currency: stores in other currencies are another marketplace.
      errors.push({
        field,
        code: 'NOT_ALLOWED',
        params: { currency: [...currencies][0] },
      })
    if (known) currencies.add(known.currency)
    seen.add(id)
  })

  return ids
}

function parseSecret(
  raw: unknown,
  field: string,
  pattern: RegExp | null,
  errors: FieldError[]
) {
  const value = text(raw)

  if (!value) errors.push({ field, code: 'REQUIRED' })
  else if (value.length > MAX_SECRET)
    errors.push({ field, code: 'TOO_LONG', params: { max: MAX_SECRET } })
  else if (pattern && !pattern.test(value))
    errors.push({ field, code: 'INVALID_FORMAT' })

  return value
}

function parseProductTypes(
  raw: unknown,
  at: (f: string) => string,
  errors: FieldError[]
) {
  const rows = mappingRows(raw)
  const seen = new Set<string>()
  const out: ProductTypeMapping[] = []

  if (rows.length > MAX_MAPPINGS)
    errors.push({
      field: at('productTypes'),
      code: 'TOO_MANY',
      params: { max: MAX_MAPPINGS },
    })

  rows.forEach((row, i) => {
    const r = (row && typeof row === 'object' ? row : {}) as Record<
      string,
      unknown
    >

    const categoryId = text(r.categoryId)
    const productType = text(r.productType).toUpperCase()
    const base = `productTypes.${i}`

    if (!categoryId)
      errors.push({ field: at(`${base}.categoryId`), code: 'REQUIRED' })
    else if (!CATEGORY_RE.test(categoryId))
      errors.push({ field: at(`${base}.categoryId`), code: 'INVALID_FORMAT' })
    else if (seen.has(categoryId))
      errors.push({ field: at(`${base}.categoryId`), code: 'DUPLICATE' })
    if (!productType)
      errors.push({ field: at(`${base}.productType`), code: 'REQUIRED' })
    else if (!PRODUCT_TYPE_RE.test(productType))
      errors.push({ field: at(`${base}.productType`), code: 'INVALID_FORMAT' })
    seen.add(categoryId)
    out.push({ categoryId, productType })
  })

  return out
}

export function parseAmazonSettings(
  raw: Record<string, unknown>,
  path: string
): { config: AmazonConfig } | { errors: FieldError[] } {
  const errors: FieldError[] = []
  const at = (f: string) => (path ? `${path}.${f}` : f)
  const regionText = text(raw.region).toUpperCase()
  const region = isRegion(regionText) ? regionText : null

  if (!regionText) errors.push({ field: at('region'), code: 'REQUIRED' })
  else if (!region)
    errors.push({
      field: at('region'),
      code: 'UNKNOWN',
      params: { allowed: REGIONS.join(', ') },
    })

  const sellerId = text(raw.sellerId).toUpperCase()

  if (!sellerId) errors.push({ field: at('sellerId'), code: 'REQUIRED' })
  else if (!SELLER_ID_RE.test(sellerId))
    errors.push({ field: at('sellerId'), code: 'INVALID_FORMAT' })

  const marketplaceIds = parseMarketplaceIds(
    raw.marketplaceIds,
    region,
    at,
    errors
  )

  const lwaClientId = text(raw.lwaClientId)

  if (!lwaClientId) errors.push({ field: at('lwaClientId'), code: 'REQUIRED' })
  else if (!CLIENT_ID_RE.test(lwaClientId))
    errors.push({ field: at('lwaClientId'), code: 'INVALID_FORMAT' })

  const lwaClientSecret = parseSecret(
    raw.lwaClientSecret,
    at('lwaClientSecret'),
    null,
    errors
  )

  const lwaRefreshToken = parseSecret(
    raw.lwaRefreshToken,
    at('lwaRefreshToken'),
    REFRESH_RE,
    errors
  )

  const productTypes = parseProductTypes(raw.productTypes, at, errors)

  if (errors.length || !region) return { errors }

  return {
    config: {
      region,
      sellerId,
      marketplaceIds,
      lwaClientId,
      lwaClientSecret,
      lwaRefreshToken,
      productTypes,
    },
  }
}

export const amazonSettings: SettingsSection<AmazonConfig> = {
  parse: parseAmazonSettings,
  present: (c) => ({
    region: c.region,
    sellerId: c.sellerId,
    marketplaceIds: [...c.marketplaceIds],
    lwaClientIdSet: Boolean(c.lwaClientId),
    lwaClientSecretSet: Boolean(c.lwaClientSecret),
    lwaRefreshTokenSet: Boolean(c.lwaRefreshToken),
    productTypes: c.productTypes.map((m) => ({ ...m })),
  }),
  secrets: AMAZON_SECRETS,
}

/** The Amazon product type the store mapped for a VTEX category (null when unmapped). */
export const productTypeFor = (c: AmazonConfig, categoryId: string | null) =>
  (categoryId &&
    c.productTypes.find((m) => m.categoryId === categoryId)?.productType) ||
  null
