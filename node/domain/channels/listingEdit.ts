import type { Listing } from '../../marketplaces/adapter'
import { invalidFields } from '../errors'
import { normaliseListing, same, variationKey } from './listing'

/** What the admin sent from a log's detail (saveListing). */
export interface ListingEditInput {
  marketplace: string
  skuId: string
  listingId: string
  variationId?: string | null
  replacesListingId?: string | null
  replacesVariationId?: string | null
}

export interface ListingEdit {
  /** The listing to map (written first: a refusal leaves the old one in place). */
  listing: Listing
  /** The SKU's listing it replaces, removed once the new one is saved; null when none or the same one. */
  replaces: { listingId: string; variationId: string | null } | null
}

/**
 * An admin's edit of a SKU's listing, validated before anything is written:
 * every invalid field at once (INVALID_LISTING; `replacesVariationId`
 * without `replacesListingId` is NOT_ALLOWED). Replacing a listing by itself
 * (same id and variation) is a plain save. A listing the SKU already holds
 * (`current`) keeps its attributes (the admin edits ids, not them).
 */
export function listingEdit(
  input: ListingEditInput,
  current: readonly Listing[] = []
): ListingEdit {
  const replacesListingId = (input.replacesListingId ?? '').trim()
  const replacesVariationId = variationKey(input.replacesVariationId) || null

  if (!replacesListingId && replacesVariationId)
    throw invalidFields('INVALID_LISTING', 'The listing is not valid.', [
      { field: 'replacesVariationId', code: 'NOT_ALLOWED' },
    ])

  const listing = normaliseListing({
    marketplaceId: input.marketplace,
    skuId: input.skuId,
    listingId: input.listingId,
    variationId: input.variationId ?? null,
  })

  const itself =
    replacesListingId === listing.listingId &&
    replacesVariationId === (listing.variationId ?? null)

  const held = current.find((l) =>
    same(l, listing.listingId, listing.variationId ?? null)
  )

  return {
    listing: held?.attributes
      ? { ...listing, attributes: held.attributes }
      : listing,
    replaces:
      replacesListingId && !itself
        ? { listingId: replacesListingId, variationId: replacesVariationId }
        : null,
  }
}
