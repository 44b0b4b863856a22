/**
 * Listings operations on Amazon (Listings Items API 2021-08-01). The
 * listing is addressed by the seller SKU: the mapped listing id when the
 * bridge has one, else the VTEX SKU id (what the store uses as seller SKU).
 *
 * Decisions:
 * - DEACTIVATE sets the quantity to 0 (patch) instead of deleting the
 *   listing: the offer, its ASIN match, price and history stay, and the
 *   next stock change puts it back on sale. deleteListingsItem would lose
 *   all that and need the product created again.
 * - Only a stock change to a positive quantity expects the listing to be
 *   BUYABLE once processed (else ALERT): a price or product change on a
 *   listing without stock, or a new listing (created without quantity),
 *   is not for sale yet by design.
 * - PRODUCT needs the store's product type for the SKU's VTEX category
 *   (else ALERT CATEGORY_NOT_MAPPED, nothing sent). It reads the listing
 *   first: a listing Amazon does not have is created with putListingsItem
 *   (once per store: the operation takes one marketplace id); one it has
 *   gets its product facts patched, since a PUT replaces the whole listing
 *   and would reset its offer and quantity.
 */
import type { AdapterOutcome, Listing, Operation } from '../adapter'
import { newListingAttributes, productFacts } from './attributes'
import { errorOutcome, submissionOutcome } from './answers'
import { followUpOutcome } from './followUpAnswer'
import type { SubmissionRef } from './followUpRef'
import {
  GENERIC_PRODUCT_TYPE,
  getListing,
  patchFacts,
  patchPrice,
  patchQuantity,
  putListing,
  storesOf,
} from './requests'
import type { SpApiCall } from './requests'
import type { AmazonSession } from './session'
import type { AmazonConfig } from './settings'
import { productTypeFor } from './settings'

export const sellerSku = (listing: Listing | null, skuId: string) =>
  listing?.listingId || skuId

const listingProductType = (listing: Listing | null) =>
  listing?.attributes?.productType || GENERIC_PRODUCT_TYPE

async function submit(
  session: AmazonSession,
  call: SpApiCall,
  sku: string,
  expectBuyable: boolean,
  now: () => number
): Promise<AdapterOutcome> {
  const submittedAt = now()
  const r = await session.call(call)

  if ('outcome' in r) return r.outcome

  return submissionOutcome(
    r.response,
    { sku, submittedAt, expectBuyable },
    now(),
    r.retryHintMs
  )
}

type ListingOp = Extract<
  Operation,
  { type: 'STOCK' | 'PRICE' | 'DEACTIVATE' | 'PRODUCT' }
>

export async function sendListing(
  op: ListingOp,
  c: AmazonConfig,
  session: AmazonSession,
  now: () => number
): Promise<AdapterOutcome> {
  if (op.type === 'STOCK' || op.type === 'DEACTIVATE') {
    const sku = sellerSku(op.listing, op.skuId)
    const quantity =
      op.type === 'STOCK' ? Math.max(0, Math.floor(op.quantity)) : 0

    return submit(
      session,
      patchQuantity(c, sku, listingProductType(op.listing), quantity),
      sku,
      quantity > 0,
      now
    )
  }

  if (op.type === 'PRICE') {
    const sku = sellerSku(op.listing, op.skuId)
    const currency = storesOf(c)[0]?.currency

    if (op.price.currency !== currency) {
      return {
        status: 'ERROR',
        reason: 'AMAZON_CURRENCY_MISMATCH',
        params: { price: op.price.currency, store: currency ?? '' },
      }
    }

    return submit(
      session,
      patchPrice(c, sku, listingProductType(op.listing), op.price),
      sku,
      false,
      now
    )
  }

  return sendProduct(op, c, session, now)
}

async function sendProduct(
  op: Extract<Operation, { type: 'PRODUCT' }>,
  c: AmazonConfig,
  session: AmazonSession,
  now: () => number
): Promise<AdapterOutcome> {
  const { product } = op
  const productType = productTypeFor(c, product.categoryId)

  if (!productType) {
    return {
      status: 'ALERT',
      reason: 'AMAZON_CATEGORY_NOT_MAPPED',
      params: { categoryId: product.categoryId ?? '' },
      action: 'CATEGORY_NOT_MAPPED',
    }
  }

  const sku = sellerSku(op.listing, product.skuId)
  const stores = storesOf(c)

  if (product.price && product.price.currency !== stores[0]?.currency) {
    return {
      status: 'ERROR',
      reason: 'AMAZON_CURRENCY_MISMATCH',
      params: {
        price: product.price.currency,
        store: stores[0]?.currency ?? '',
      },
    }
  }

  const existing = await session.call(getListing(c, sku))

  if ('outcome' in existing) return existing.outcome
  const { response } = existing

  if (
    response.status != null &&
    response.status >= 200 &&
    response.status < 300
  ) {
    const summaries = (response.body as { summaries?: unknown })?.summaries
    const current = Array.isArray(summaries)
      ? (summaries as Array<{ productType?: unknown }>).find(
          (s) => typeof s?.productType === 'string'
        )?.productType
      : undefined

    // The facts are the same in every store; one patch carries each store's values.
    const attributes = Object.fromEntries(
      Object.keys(productFacts(product, stores[0])).map((name) => [
        name,
        stores.flatMap((s) => productFacts(product, s)[name]),
      ])
    )

    return submit(
      session,
      patchFacts(
        c,
        sku,
        typeof current === 'string' ? current : productType,
        attributes
      ),
      sku,
      false,
      now
    )
  }

  if (response.status !== 404)
    return errorOutcome(response, now(), existing.retryHintMs)
  let last: AdapterOutcome | null = null

  for (const store of stores) {
    last = await submit(
      session,
      putListing(
        c,
        store,
        sku,
        productType,
        newListingAttributes(product, store)
      ),
      sku,
      false,
      now
    )
    if (last.status !== 'PENDING') return last
  }

  return last!
}

export async function followUpListing(
  ref: SubmissionRef,
  c: AmazonConfig,
  session: AmazonSession,
  now: () => number
): Promise<AdapterOutcome> {
  const r = await session.call(getListing(c, ref.sku))

  if ('outcome' in r) return r.outcome

  return followUpOutcome(
    r.response,
    ref,
    c.marketplaceIds,
    now(),
    r.retryHintMs
  )
}
