import type { AdapterOutcome, ChannelProduct, Listing } from '../adapter'
import {
  errorOutcome,
  failureOutcome,
  is2xx,
  malformedOutcome,
} from './answers'
import type { MercadoLivreConfig } from './config'
import type { MlItem } from './item'
import { listingAlert, pausedBySeller, readItem } from './item'
import { mlPrice } from './price'
import { REASONS } from './reasons'
import { getItem, putItem, putVariation } from './requests'
import type { Session } from './session'

/** ML's title limit (characters). */
export const TITLE_MAX = 60
/** Pictures sent per item. */
export const PICTURES_MAX = 12

export const mlTitle = (name: string) =>
  name.trim().replace(/\s+/g, ' ').slice(0, TITLE_MAX)

export interface ProductChanges {
  /** Fields for PUT /items/{id}; empty when the item needs no change. */
  item: Record<string, unknown>
  /** Price for PUT /items/{id}/variations/{vid}, when the listing is a variation. */
  variation: { price: number } | null
  /** The title differs but ML keeps the title of an item that has sales. */
  titleKept: boolean
}

/**
 * What to change on a mapped item so that it shows the VTEX product: title
 * (only while the item has no sales: ML refuses it afterwards), price (when
 * prices are sent), pictures (items without variations: variations point at
 * the item's pictures by id, so those are managed in ML), and status — the
 * bridge resumes a listing the seller paused (no sub_status) and pauses an
 * inactive product, but never overrides a pause ML made itself.
 */
export function productChanges(
  product: ChannelProduct,
  item: MlItem,
  listing: Listing,
  price: number | null
): ProductChanges {
  const body: Record<string, unknown> = {}
  const title = mlTitle(product.name)
  let titleKept = false

  if (title && title !== item.title) {
    if (item.soldQuantity === 0) body.title = title
    else titleKept = true
  }

  let variation: ProductChanges['variation'] = null

  if (price != null) {
    if (listing.variationId) variation = { price }
    else if (price !== item.price) body.price = price
  }

  if (
    !listing.variationId &&
    item.variationIds.length === 0 &&
    product.imageUrls.length
  ) {
    body.pictures = product.imageUrls
      .slice(0, PICTURES_MAX)
      .map((source) => ({ source }))
  }

  if (product.active && pausedBySeller(item)) body.status = 'active'
  if (!product.active && item.status === 'active') body.status = 'paused'

  return { item: body, variation, titleKept }
}

/** PRODUCT on a mapped listing: read the item, send only what differs, report its state. */
export async function updateListing(
  product: ChannelProduct,
  listing: Listing,
  config: MercadoLivreConfig,
  session: Session,
  now: () => number
): Promise<AdapterOutcome> {
  const itemId = listing.listingId
  const read = await session.send(getItem(itemId))

  if (!is2xx(read))
    return failureOutcome(read, now(), REASONS.LISTING_NOT_FOUND)
  let item = readItem(read.body)

  if (!item) return malformedOutcome(read)
  if (item.status === 'closed')
    return listingAlert(item, 'PRODUCT', listing) as AdapterOutcome

  let price: number | null = null

  if (config.sendPrices && product.price) {
    const p = mlPrice(product.price, config)

    if ('outcome' in p) return p.outcome
    price = p.amount
  }

  const changes = productChanges(product, item, listing, price)
  const fields = Object.keys(changes.item)

  if (fields.length) {
    const res = await session.send(putItem(itemId, changes.item))

    if (!is2xx(res))
      return failureOutcome(res, now(), REASONS.LISTING_NOT_FOUND)
    item = readItem(res.body)
    if (!item) return malformedOutcome(res)
  }

  if (changes.variation && listing.variationId) {
    const res = await session.send(
      putVariation(itemId, listing.variationId, changes.variation)
    )

    if (!is2xx(res))
      return failureOutcome(res, now(), REASONS.LISTING_NOT_FOUND)
    fields.push('variation.price')
  }

  const alert = listingAlert(item, 'PRODUCT', listing)

  if (alert) return alert
  const titleNote = changes.titleKept
    ? 'Title not changed: Mercado Livre keeps the title of an item that has sales.'
    : null

  return {
    status: 'SUCCESS',
    reason: fields.length ? REASONS.PRODUCT_UPDATED : REASONS.PRODUCT_UNCHANGED,
    params: { itemId, fields: fields.join(', ') },
    businessMessage: titleNote,
  }
}

export const productNotMapped = (product: ChannelProduct): AdapterOutcome => ({
  status: 'ALERT',
  action: 'CATEGORY_NOT_MAPPED',
  reason: REASONS.CATEGORY_NOT_MAPPED,
  params: { skuId: product.skuId, categoryId: product.categoryId ?? '' },
})

export const priceRequired = (product: ChannelProduct) =>
  errorOutcome(REASONS.PRICE_REQUIRED, { skuId: product.skuId })
