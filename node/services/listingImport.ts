import type { ListingRow, RowError } from '../domain/channels/listingCsv'
import {
  catalogLookups,
  lookupKey,
  resolveListingRows,
} from '../domain/channels/listingKeys'
import { parseListingCsv } from '../domain/channels/listingCsv'
import type { MatchResult } from '../domain/channels/listingMatch'
import { isDomainError } from '../domain/errors'
import { validateMarketplace } from '../domain/log'
import type { Listing } from '../marketplaces/adapter'
import type { ListingStore } from './listings'

export interface ImportResult {
  added: number
  updated: number
  unchanged: number
  /** Every refused row: its line (CSV) or position (marketplace list), field and code. */
  errors: RowError[]
}

/**
 * Writes a bulk import row by row: a row that cannot be written (bad field,
 * listing held by another SKU) gets its errors and the others go on; nothing
 * is written for a refused row.
 */
export async function importListings(
  store: ListingStore,
  entries: ReadonlyArray<{ line: number; listing: Listing }>
): Promise<ImportResult> {
  const result: ImportResult = {
    added: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
  }

  for (const { line, listing } of entries) {
    try {
      const r = await store.put(listing, 'IMPORTED')

      if (r === 'ADDED') result.added++
      else if (r === 'UPDATED') result.updated++
      else result.unchanged++
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'INVALID_ARGUMENT') throw e
      for (const f of e.fields)
        result.errors.push({
          line,
          field: f.field,
          code: f.code,
          ...(f.params ? { params: f.params } : {}),
        })
    }
  }

  return result
}

/** How the Catalog names the SKU with a RefId or an EAN (clients/catalog.ts); null when none. */
export interface SkuKeyLookup {
  skuIdByRefId(refId: string): Promise<string | null>
  skuIdByEan(ean: string): Promise<string | null>
}

/** Catalog calls at once while a file keyed by refId or ean is resolved. */
export const CATALOG_LOOKUPS_AT_ONCE = 8

/** Asks the Catalog about each distinct refId / ean of the rows, a few at once. */
async function lookUp(rows: readonly ListingRow[], catalog: SkuKeyLookup) {
  const pending = catalogLookups(rows)
  const found = new Map<string, string | null>()
  const worker = async () => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      const { column, value } = next
      const skuId =
        column === 'refId'
          ? await catalog.skuIdByRefId(value)
          : await catalog.skuIdByEan(value)

      found.set(lookupKey(column, value), skuId)
    }
  }

  await Promise.all(
    Array.from({ length: CATALOG_LOOKUPS_AT_ONCE }, () => worker())
  )

  return found
}

/**
 * A CSV upload for one marketplace (domain/channels/listingCsv.ts): the file
 * is refused as a whole (INVALID_LISTING_CSV) or its good rows are written;
 * rows keyed by refId or ean are matched to their SKU through the Catalog
 * first (domain/channels/listingKeys.ts: an unknown one is reported, nothing
 * written for it). The result lists the parse, match and write errors by line.
 */
export async function importListingCsv(
  store: ListingStore,
  marketplaceId: string,
  text: string,
  catalog: SkuKeyLookup
): Promise<ImportResult> {
  validateMarketplace(marketplaceId)
  const { rows, errors } = parseListingCsv(text)
  const resolved = resolveListingRows(
    marketplaceId,
    rows,
    await lookUp(rows, catalog)
  )

  const written = await importListings(store, resolved.entries)

  return {
    ...written,
    errors: [...errors, ...resolved.errors, ...written.errors].sort(
      (a, b) => a.line - b.line
    ),
  }
}

/** The matches of a marketplace's listings (domain/channels/listingMatch.ts), written; unmatched ones reported by position. */
export async function importMatches(store: ListingStore, match: MatchResult) {
  const written = await importListings(
    store,
    match.matched.map((m) => ({ line: m.position, listing: m.listing }))
  )

  return { ...written, unmatched: match.unmatched }
}
