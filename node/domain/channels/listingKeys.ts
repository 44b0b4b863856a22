import type { Listing } from '../../marketplaces/adapter'
import type { ListingRow, RowError, SkuKeyColumn } from './listingCsv'

/** A row's key column and value (the file has one key column). */
export const rowKey = (
  row: ListingRow
): { column: SkuKeyColumn; value: string } =>
  row.refId != null
    ? { column: 'refId', value: row.refId }
    : row.ean != null
    ? { column: 'ean', value: row.ean }
    : { column: 'skuId', value: row.skuId ?? '' }

/**
 * The distinct values the Catalog must be asked about (rows keyed by refId
 * or ean), in the order they first appear; none for a file keyed by skuId.
 */
export function catalogLookups(rows: readonly ListingRow[]) {
  const out = new Map<string, { column: 'refId' | 'ean'; value: string }>()

  for (const row of rows) {
    const { column, value } = rowKey(row)

    if (column !== 'skuId')
      out.set(`${column}\u0000${value}`, { column, value })
  }

  return [...out.values()]
}

/** The key a Catalog answer is kept under (`catalogLookups` pairs). */
export const lookupKey = (column: SkuKeyColumn, value: string) =>
  `${column}\u0000${value}`

/**
 * Which listing each parsed row maps, given what the Catalog answered for
 * the refId / ean values (`skuOf`: lookupKey → SKU id, or null when the
 * Catalog has no SKU with it). A row whose RefId or EAN names no SKU is
 * reported (its key column, code UNKNOWN, params.value) and nothing is
 * written for it; a value the Catalog was not asked about is a caller's
 * mistake and is reported the same way, never guessed.
 */
export function resolveListingRows(
  marketplaceId: string,
  rows: readonly ListingRow[],
  skuOf: ReadonlyMap<string, string | null>
): {
  entries: Array<{ line: number; listing: Listing }>
  errors: RowError[]
} {
  const entries: Array<{ line: number; listing: Listing }> = []
  const errors: RowError[] = []

  for (const row of rows) {
    const { column, value } = rowKey(row)
    const skuId =
      column === 'skuId' ? value : skuOf.get(lookupKey(column, value)) ?? null

    if (!skuId) {
      errors.push({
        line: row.line,
        field: column,
        code: 'UNKNOWN',
        params: { value },
      })
      continue
    }

    entries.push({
      line: row.line,
      listing: {
        marketplaceId,
        skuId,
        listingId: row.listingId,
        variationId: row.variationId,
        ...(Object.keys(row.attributes).length
          ? { attributes: row.attributes }
          : {}),
      },
    })
  }

  return { entries, errors }
}
