import type { Listing, Operation } from '../marketplaces/adapter'

/**
 * The operation with the SKU's listing on the marketplace it goes to (the
 * SKU ↔ listing mapping, services/listings.ts): the export decision builds
 * operations without it, the worker fills it before the adapter is called.
 * Decided: a SKU mapped to several listings of one marketplace is sent to
 * the oldest mapping (the others are left as the marketplace has them; the
 * log names the listing it was sent to). Tracking carries no listing.
 */
export function withListing(
  operation: Operation,
  listings: readonly Listing[]
): Operation {
  const listing = listings[0] ?? null

  switch (operation.type) {
    case 'PRODUCT':
    case 'PRICE':
    case 'STOCK':
    case 'DEACTIVATE':
      return operation.listing ? operation : { ...operation, listing }

    default:
      return operation
  }
}

/** The SKU an operation needs a listing for; null for tracking. */
export const skuOf = (operation: Operation): string | null =>
  operation.type === 'PRODUCT'
    ? operation.product.skuId
    : operation.type === 'TRACKING'
    ? null
    : operation.skuId
