import type { RowError } from '../domain/channels/listingCsv'
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

/**
 * A CSV upload for one marketplace (domain/channels/listingCsv.ts): the file
 * is refused as a whole (INVALID_LISTING_CSV) or its good rows are written;
 * the result lists the parse errors and the write errors by line.
 */
export async function importListingCsv(
  store: ListingStore,
  marketplaceId: string,
  text: string
): Promise<ImportResult> {
  validateMarketplace(marketplaceId)
  const { rows, errors } = parseListingCsv(text)
  const written = await importListings(
    store,
    rows.map((r) => ({
      line: r.line,
      listing: {
        marketplaceId,
        skuId: r.skuId,
        listingId: r.listingId,
        variationId: r.variationId,
        ...(Object.keys(r.attributes).length
          ? { attributes: r.attributes }
          : {}),
      },
    }))
  )

  return {
    ...written,
    errors: [...errors, ...written.errors].sort((a, b) => a.line - b.line),
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
