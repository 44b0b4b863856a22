import type { Listing } from '../../marketplaces/adapter'
import type { FieldError } from '../errors'
import { invalidFields } from '../errors'
import { validateMarketplace } from '../log'

/** Longest listing or variation id accepted (Amazon seller SKUs: 40; Mercado Livre ids: ~20). */
export const MAX_LISTING_ID = 100
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

/** How a mapping came to be: the marketplace's answer, a bulk import, or an admin's edit. */
export type ListingSource = 'CREATED' | 'IMPORTED' | 'EDITED'

export interface StoredListing extends Listing {
  source: ListingSource
  /** When this mapping was last written. */
  at: string
}

/** `v2/listing/{marketplace}/sku/{skuId}`: the SKU's listings on one marketplace. */
export interface SkuListingsDoc {
  marketplaceId: string
  skuId: string
  listings: StoredListing[]
}

/** `v2/listing/{marketplace}/id/{key}`: which SKU each variation of a listing stands for ("" = no variation). */
export interface ListingRefDoc {
  marketplaceId: string
  listingId: string
  skus: Record<string, string>
  /** When each variation was claimed: a claim younger than CLAIM_FRESH_MS counts even before its SKU document is written. */
  claimedAt?: Record<string, string>
}

/** A writer finishes a mapping (two VBase writes) well within this. */
export const CLAIM_FRESH_MS = 60_000

export const variationKey = (v: string | null | undefined) => (v ?? '').trim()
export const same = (
  a: Listing,
  listingId: string,
  variationId: string | null
) =>
  a.listingId === listingId &&
  variationKey(a.variationId) === variationKey(variationId)

const sorted = (o: Record<string, string> | undefined) =>
  JSON.stringify(Object.entries(o ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)))

/** Same listing, variation and attributes (who wrote it and when aside). */
export const sameContent = (a: Listing, b: Listing) =>
  same(a, b.listingId, b.variationId ?? null) &&
  sorted(a.attributes) === sorted(b.attributes)

/** A listing as stored: trimmed ids, no empty attributes. Every invalid field at once. */
export function normaliseListing(l: Listing): Listing {
  const errors: FieldError[] = []
  const skuId = String(l.skuId ?? '').trim()
  const listingId = String(l.listingId ?? '').trim()
  const variationId = variationKey(l.variationId) || null
  const attributes = Object.fromEntries(
    Object.entries(l.attributes ?? {})
      .map(([k, v]) => [k, String(v ?? '').trim()])
      .filter(([, v]) => v !== '')
  )

  try {
    validateMarketplace(l.marketplaceId)
  } catch {
    errors.push({ field: 'marketplaceId', code: 'INVALID_FORMAT' })
  }

  if (!/^\d{1,18}$/.test(skuId))
    errors.push({ field: 'skuId', code: skuId ? 'INVALID_FORMAT' : 'REQUIRED' })
  if (!listingId) errors.push({ field: 'listingId', code: 'REQUIRED' })
  for (const [field, v] of [
    ['listingId', listingId],
    ['variationId', variationId ?? ''],
  ] as const) {
    if (v.length > MAX_LISTING_ID)
      errors.push({ field, code: 'TOO_LONG', params: { max: MAX_LISTING_ID } })
    else if (CONTROL.test(v)) errors.push({ field, code: 'INVALID_FORMAT' })
  }

  if (Object.keys(attributes).length > 10)
    errors.push({ field: 'attributes', code: 'TOO_MANY', params: { max: 10 } })
  if (errors.length)
    throw invalidFields('INVALID_LISTING', 'The listing is not valid.', errors)

  return {
    marketplaceId: l.marketplaceId,
    skuId,
    listingId,
    variationId,
    ...(Object.keys(attributes).length ? { attributes } : {}),
  }
}
