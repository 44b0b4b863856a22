import type { ChannelProduct, Money } from '../marketplaces/adapter'
import type { CatalogSku } from './vtex'

/** What the bridge records for a product (and the custom connector receives as the body). */
export interface ProductPayload {
  skuId: string
  productId: string
  name: string
  ean: string | null
  refId: string | null
  brand: string | null
  imageUrl: string | null
  active: boolean
  /** The trade policy's price (channel set, docs/channels.md); absent before the channel is set. */
  price?: Money | null
  /** The "from" price, when above `price`. */
  listPrice?: Money | null
}

/** The product's own category: the last id of VTEX's path (`/3/15/` → `15`); null when the catalog gives none. */
export function categoryOf(path: string | undefined): string | null {
  const ids = (path ?? '').split('/').filter(Boolean)

  return ids.length ? ids[ids.length - 1] : null
}

/** A SKU as the channel sells it, from the catalog (price: none yet; the channel stage adds it). */
export function channelProductOf(sku: CatalogSku): ChannelProduct {
  return {
    skuId: String(sku.Id),
    productId: String(sku.ProductId),
    name: (
      sku.NameComplete ??
      [sku.ProductName, sku.SkuName].filter(Boolean).join(' ')
    ).trim(),
    description: null,
    brand: sku.BrandName || null,
    ean: sku.AlternateIds?.Ean || null,
    refId: sku.AlternateIds?.RefId || sku.ProductRefId || null,
    categoryId: categoryOf(sku.ProductCategoryIds),
    imageUrls: sku.ImageUrl ? [sku.ImageUrl] : [],
    active: sku.IsActive !== false,
    price: null,
    listPrice: null,
  }
}

/** What the bridge records (and the custom connector receives) for a product. */
export function productPayloadOf(product: ChannelProduct): ProductPayload {
  return {
    skuId: product.skuId,
    productId: product.productId,
    name: product.name,
    ean: product.ean,
    refId: product.refId,
    brand: product.brand,
    imageUrl: product.imageUrls[0] ?? null,
    active: product.active,
    price: product.price,
    listPrice: product.listPrice,
  }
}

export const productPayload = (sku: CatalogSku): ProductPayload =>
  productPayloadOf(channelProductOf(sku))
