import type { Listing } from '../../marketplaces/adapter'

/** How a marketplace's listings are matched to VTEX SKUs in a bulk import. */
export type MatchKey =
  /** The marketplace's seller-SKU field holds the SKU's RefId (reference code). */
  | 'REF_ID'
  /** The marketplace's seller-SKU field holds the VTEX SKU id. */
  | 'SKU_ID'
  /** The listing's EAN/GTIN equals the SKU's EAN. */
  | 'EAN'

/** One listing as the marketplace reports it (its adapter reads them). */
export interface MarketplaceItem {
  listingId: string
  variationId?: string | null
  /** Mercado Livre `SELLER_SKU` / `seller_custom_field`, Amazon seller SKU… */
  sellerSku?: string | null
  ean?: string | null
  attributes?: Record<string, string>
}

/** One VTEX SKU as the catalog has it (given by the caller). */
export interface CatalogEntry {
  skuId: string
  refId: string | null
  ean: string | null
}

export interface MatchResult {
  matched: Array<{ position: number; listing: Listing }>
  /**
   * NO_VALUE: the item has no seller SKU / EAN to match; NOT_FOUND: no SKU
   * has it; AMBIGUOUS: several SKUs have it (not guessed, `skuIds` lists
   * them); DUPLICATE: the same listing and variation came earlier.
   */
  unmatched: Array<{
    position: number
    listingId: string
    variationId: string | null
    reason: 'NO_VALUE' | 'NOT_FOUND' | 'AMBIGUOUS' | 'DUPLICATE'
    skuIds?: string[]
  }>
}

/** EANs compare as GTINs: digits only, leading zeros dropped (GTIN-13 = GTIN-14 with a 0). */
const gtin = (v: string | null | undefined) =>
  (v ?? '').replace(/\D/g, '').replace(/^0+/, '')

const plain = (v: string | null | undefined) => (v ?? '').trim()

/**
 * Matches a marketplace's listings to VTEX SKUs by one key (the store chooses
 * it: the field where it keeps the link). Positions are 1-based in `items`.
 * A key shared by several SKUs is never guessed.
 */
export function matchListings(
  marketplaceId: string,
  items: readonly MarketplaceItem[],
  catalog: readonly CatalogEntry[],
  by: MatchKey
): MatchResult {
  const keyOfSku = (c: CatalogEntry) =>
    by === 'EAN'
      ? gtin(c.ean)
      : by === 'REF_ID'
      ? plain(c.refId)
      : plain(c.skuId)

  const keyOfItem = (i: MarketplaceItem) =>
    by === 'EAN' ? gtin(i.ean) : plain(i.sellerSku)

  const index = new Map<string, string[]>()

  for (const c of catalog) {
    const k = keyOfSku(c)

    if (k) index.set(k, [...(index.get(k) ?? []), c.skuId])
  }

  const result: MatchResult = { matched: [], unmatched: [] }
  const seen = new Set<string>()

  items.forEach((item, i) => {
    const position = i + 1
    const variationId = plain(item.variationId) || null
    const base = { position, listingId: item.listingId, variationId }
    const pair = `${item.listingId}\u0000${variationId ?? ''}`

    if (seen.has(pair)) {
      result.unmatched.push({ ...base, reason: 'DUPLICATE' })

      return
    }

    seen.add(pair)
    const k = keyOfItem(item)

    if (!k) {
      result.unmatched.push({ ...base, reason: 'NO_VALUE' })

      return
    }

    const skus = [...new Set(index.get(k) ?? [])]

    if (skus.length === 0)
      result.unmatched.push({ ...base, reason: 'NOT_FOUND' })
    else if (skus.length > 1)
      result.unmatched.push({ ...base, reason: 'AMBIGUOUS', skuIds: skus })
    else
      result.matched.push({
        position,
        listing: {
          marketplaceId,
          skuId: skus[0],
          listingId: item.listingId,
          variationId,
          ...(item.attributes && Object.keys(item.attributes).length
            ? { attributes: item.attributes }
            : {}),
        },
      })
  })

  return result
}
