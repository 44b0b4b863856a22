import { rootOf } from '../composition/root'
import type { StoredListing } from '../domain/channels/listing'
import { listingEdit } from '../domain/channels/listingEdit'
import { DomainError, invalidFields } from '../domain/errors'
import type { AppRoot } from '../composition/root'
import { withErrors } from './errors'
import type { MutationFn, QueryFn } from './types'

/** The marketplace must be configured: a mapping for another one would never be used. */
export async function requireMarketplace(root: AppRoot, marketplace: string) {
  const settings = await root.settings()

  if (!settings.marketplaces.some((m) => m.id === marketplace))
    throw invalidFields(
      'INVALID_ARGUMENT',
      `Marketplace "${marketplace}" is not configured.`,
      [
        {
          field: 'marketplace',
          code: 'UNKNOWN',
          params: { value: marketplace },
        },
      ]
    )
}

const requireSkuId = (skuId: string) => {
  const id = skuId.trim()

  if (!/^\d{1,18}$/.test(id))
    throw invalidFields('INVALID_LISTING', 'The listing is not valid.', [
      { field: 'skuId', code: id ? 'INVALID_FORMAT' : 'REQUIRED' },
    ])

  return id
}

const present = (l: StoredListing) => ({
  listingId: l.listingId,
  variationId: l.variationId ?? null,
  attributes: Object.entries(l.attributes ?? {}).map(([name, value]) => ({
    name,
    value,
  })),
  source: l.source,
  at: l.at,
})

/** The SKU's listings on a configured marketplace. */
export const skuListings: QueryFn<'skuListings'> = withErrors(
  async (_, { marketplace, skuId }, ctx) => {
    const root = rootOf(ctx.clients)

    await requireMarketplace(root, marketplace)

    return (
      await root.listings.listingsOf(marketplace, requireSkuId(skuId))
    ).map(present)
  }
)

/**
 * An admin's edit (domain/channels/listingEdit.ts): the new listing is saved
 * first, so a refusal (bad field, listing held by another SKU) leaves the
 * SKU as it was; then the one it replaces is removed.
 */
export const saveListing: MutationFn<'saveListing'> = withErrors(
  async (_, { input }, ctx) => {
    const root = rootOf(ctx.clients)
    const { listing } = listingEdit(input)

    await requireMarketplace(root, listing.marketplaceId)
    const edit = listingEdit(
      input,
      await root.listings.listingsOf(listing.marketplaceId, listing.skuId)
    )

    await root.listings.put(edit.listing, 'EDITED')
    if (edit.replaces)
      await root.listings.remove(
        edit.listing.marketplaceId,
        edit.listing.skuId,
        edit.replaces.listingId,
        edit.replaces.variationId
      )

    return (
      await root.listings.listingsOf(
        edit.listing.marketplaceId,
        edit.listing.skuId
      )
    ).map(present)
  }
)

/** Unmaps one listing; NOT_FOUND (LISTING_NOT_FOUND) when the SKU did not have it. */
export const removeListing: MutationFn<'removeListing'> = withErrors(
  async (_, { marketplace, skuId, listingId, variationId }, ctx) => {
    const root = rootOf(ctx.clients)
    const sku = requireSkuId(skuId)

    await requireMarketplace(root, marketplace)
    const removed = await root.listings.remove(
      marketplace,
      sku,
      listingId.trim(),
      (variationId ?? '').trim() || null
    )

    if (!removed)
      throw new DomainError(
        'NOT_FOUND',
        `SKU ${sku} has no listing ${listingId} on ${marketplace}.`,
        'LISTING_NOT_FOUND'
      )

    return (await root.listings.listingsOf(marketplace, sku)).map(present)
  }
)
