import type {
  AdapterContext,
  AdapterOutcome,
  ChannelProduct,
  Listing,
} from '../adapter'
import {
  businessMessage,
  errorOutcome,
  failureOutcome,
  is2xx,
  isObject,
  malformedOutcome,
  objectBody,
} from './answers'
import type { CategoryMapping, MercadoLivreConfig } from './config'
import { categoryFor, currencyOf } from './config'
import { readItem } from './item'
import { mlPrice } from './price'
import {
  PICTURES_MAX,
  mlTitle,
  priceRequired,
  productNotMapped,
} from './product'
import { REASONS } from './reasons'
import {
  postDescription,
  postItem,
  putItem,
  searchBySellerSku,
} from './requests'
import type { Session } from './session'

/** ML's plain-text description limit. */
const DESCRIPTION_MAX = 50_000

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

/** VTEX descriptions are HTML; ML's `plain_text` takes none. */
export function plainText(html: string): string {
  return html
    .replace(/<\s*(br|\/p|\/div|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|[a-z]+);/gi, (m, e: string) =>
      e.startsWith('#')
        ? String.fromCharCode(Number(e.slice(1)))
        : ENTITIES[e.toLowerCase()] ?? m
    )
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, DESCRIPTION_MAX)
}

/**
 * The body of POST /items for a VTEX SKU. SELLER_SKU carries the VTEX SKU id
 * (so a listing an interrupted attempt created is found again instead of
 * created twice), BRAND and GTIN come from the catalog; ML refuses, with its
 * causes, categories that require attributes VTEX does not have.
 */
export function newItemBody(
  product: ChannelProduct,
  mapping: CategoryMapping,
  config: MercadoLivreConfig,
  price: number
): Record<string, unknown> {
  const attributes = [
    { id: 'SELLER_SKU', value_name: product.skuId },
    ...(product.brand ? [{ id: 'BRAND', value_name: product.brand }] : []),
    ...(product.ean ? [{ id: 'GTIN', value_name: product.ean }] : []),
  ]

  return {
    title: mlTitle(product.name),
    category_id: mapping.mlCategoryId,
    price,
    currency_id: currencyOf(config.siteId),
    // ML requires at least 1 to list; it is set to 0 right after (see createListing).
    available_quantity: 1,
    buying_mode: 'buy_it_now',
    listing_type_id: mapping.listingTypeId,
    condition: config.condition,
    pictures: product.imageUrls
      .slice(0, PICTURES_MAX)
      .map((source) => ({ source })),
    attributes,
  }
}

const firstResult = (body: unknown) => {
  const b = isObject(body) ? body : null
  const r = b && Array.isArray(b.results) ? b.results[0] : null

  return typeof r === 'string' ? r : null
}

/**
 * PRODUCT for a SKU without a listing: only where the store mapped its VTEX
 * category. A listing this SKU already has on ML (same SELLER_SKU) is
 * adopted, not duplicated. A new listing starts with no stock (ML pauses it,
 * `out_of_stock`) until the bridge's next stock update opens it: the SKU's
 * real quantity is not part of a product change.
 */
export async function createListing(
  product: ChannelProduct,
  ctx: AdapterContext<MercadoLivreConfig>,
  session: Session
): Promise<AdapterOutcome> {
  const { config } = ctx.marketplace
  const mapping = categoryFor(config, product.categoryId)

  if (!mapping) return productNotMapped(product)
  if (!product.active)
    return {
      status: 'SUCCESS',
      reason: REASONS.NOT_LISTED_INACTIVE,
      params: { skuId: product.skuId },
    }

  if (!product.price) return priceRequired(product)
  const price = mlPrice(product.price, config)

  if ('outcome' in price) return price.outcome
  const sellerId =
    config.sellerId ?? (await ctx.tokens.grant())?.extra?.userId ?? null

  if (!sellerId) return errorOutcome(REASONS.NOT_CONNECTED)
  const listingOf = (itemId: string, userProductId?: string | null) => ({
    marketplaceId: ctx.marketplace.id,
    skuId: product.skuId,
    listingId: itemId,
    variationId: null,
    ...(userProductId ? { attributes: { userProductId } } : {}),
  })

  const search = await session.send(searchBySellerSku(sellerId, product.skuId))

  if (!is2xx(search)) return failureOutcome(search, ctx.now())
  if (!objectBody(search)) return malformedOutcome(search)
  const existing = firstResult(search.body)

  if (existing)
    return {
      status: 'SUCCESS',
      reason: REASONS.LISTING_FOUND,
      params: { itemId: existing },
      listing: listingOf(existing),
    }

  const created = await session.send(
    postItem(newItemBody(product, mapping, config, price.amount))
  )

  if (!is2xx(created)) return failureOutcome(created, ctx.now())
  const item = readItem(created.body)

  if (!item) return malformedOutcome(created)

  return completeListing(
    product,
    listingOf(item.id, item.userProductId),
    session
  )
}

async function completeListing(
  product: ChannelProduct,
  listing: Listing,
  session: Session
): Promise<AdapterOutcome> {
  const missing: string[] = []
  const itemId = listing.listingId
  const description = plainText(product.description ?? '')

  if (description) {
    const res = await session.send(postDescription(itemId, description))

    if (!is2xx(res))
      missing.push(
        `description: ${businessMessage(res.body) ?? res.status ?? 'no answer'}`
      )
  }

  const zero = await session.send(putItem(itemId, { available_quantity: 0 }))

  if (!is2xx(zero))
    missing.push(
      `stock 0: ${businessMessage(zero.body) ?? zero.status ?? 'no answer'}`
    )

  return {
    status: 'SUCCESS',
    reason: missing.length
      ? REASONS.LISTING_CREATED_INCOMPLETE
      : REASONS.LISTING_CREATED,
    params: { itemId },
    businessMessage: missing.length ? missing.join('; ') : null,
    listing,
  }
}
