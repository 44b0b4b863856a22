import type { Listing } from '../marketplaces/adapter'
import {
  listingRefPath,
  skuListingsPath,
  skuListingsPrefix,
} from '../domain/channels/listingPaths'
import type {
  ListingRefDoc,
  ListingSource,
  SkuListingsDoc,
  StoredListing,
} from '../domain/channels/listing'
import {
  CLAIM_FRESH_MS,
  normaliseListing,
  same,
  sameContent,
  variationKey,
} from '../domain/channels/listing'
import { DomainError, invalidFields } from '../domain/errors'
import { validateMarketplace } from '../domain/log'
import type { KeyValueStore } from './storage'
import { isPreconditionFailed } from './storage'

export type PutResult = 'ADDED' | 'UPDATED' | 'UNCHANGED'

/** Limits: a SKU has a handful of listings (classic, premium…); an item up to hundreds of variations. */
export const MAX_LISTINGS_PER_SKU = 20
export const MAX_VARIATIONS_PER_LISTING = 1000
const ATTEMPTS = 5

/**
 * The SKU ↔ listing mapping, per marketplace, in VBase (docs/storage.md,
 * "SKU ↔ listing mapping"). Two documents per mapping, both written with
 * If-Match (retried on a concurrent write):
 *   1. the listing's reference (listing id → SKU per variation) is claimed
 *      first: a listing stands for one SKU, so a listing another SKU still
 *      holds is refused (DUPLICATE) unless the marketplace itself created it
 *      for this SKU (then it moves);
 *   2. then the SKU's own document gets the listing.
 * A reference whose SKU document does not hold the listing (a write that
 * stopped between the two, or a listing moved away) is stale: lookups check
 * the SKU document and ignore it, and the next write replaces it.
 */
export class ListingStore {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly now: () => number = Date.now
  ) {}

  /** The SKU's listings on a marketplace, oldest first. */
  async listingsOf(marketplaceId: string, skuId: string) {
    validateMarketplace(marketplaceId)
    const doc = await this.kv.get<SkuListingsDoc>(
      skuListingsPath(marketplaceId, skuId)
    )

    return doc?.data.listings ?? []
  }

  /** Which SKU(s) a marketplace listing id stands for (every variation), checked against each SKU's document. */
  async findByListing(marketplaceId: string, listingId: string) {
    validateMarketplace(marketplaceId)
    const ref = await this.kv.get<ListingRefDoc>(
      listingRefPath(marketplaceId, listingId.trim())
    )

    const found: Array<{ skuId: string; listing: StoredListing }> = []

    for (const [variation, skuId] of Object.entries(ref?.data.skus ?? {})) {
      const listing = (await this.listingsOf(marketplaceId, skuId)).find((l) =>
        same(l, listingId.trim(), variation || null)
      )

      if (listing) found.push({ skuId, listing })
    }

    return found
  }

  /** The marketplace answered a creation with this listing: it is the SKU's, whoever held it before. */
  recordCreated(listing: Listing) {
    return this.put(listing, 'CREATED')
  }

  /**
   * Maps a listing to its SKU. Idempotent: the same listing again is
   * UNCHANGED. Throws INVALID_LISTING for bad fields, LISTING_ALREADY_MAPPED
   * (field listingId DUPLICATE, params.skuId) when another SKU holds it.
   */
  async put(input: Listing, source: ListingSource): Promise<PutResult> {
    const listing = normaliseListing(input)
    const { marketplaceId, skuId, listingId } = listing
    const variationId = listing.variationId ?? null
    const key = variationKey(variationId)
    const refPath = listingRefPath(marketplaceId, listingId)

    await this.retry(async () => {
      const ref = await this.kv.get<ListingRefDoc>(refPath)
      const owner = ref?.data.skus[key]
      const claimed = Date.parse(ref?.data.claimedAt?.[key] ?? '')
      const fresh = this.now() - claimed < CLAIM_FRESH_MS

      if (owner === skuId) return
      // Held: the owner's document has it, or its writer may still be adding it.
      if (
        owner &&
        (fresh ||
          (await this.holds(marketplaceId, owner, listingId, variationId)))
      ) {
        if (source !== 'CREATED')
          throw invalidFields(
            'LISTING_ALREADY_MAPPED',
            `Listing ${listingId}${
              variationId ? ` (variation ${variationId})` : ''
            } already stands for SKU ${owner} on ${marketplaceId}.`,
            [
              {
                field: 'listingId',
                code: 'DUPLICATE',
                params: { skuId: owner },
              },
            ]
          )
        await this.dropFromSku(marketplaceId, owner, listingId, variationId)
      }

      const skus = { ...(ref?.data.skus ?? {}), [key]: skuId }

      if (Object.keys(skus).length > MAX_VARIATIONS_PER_LISTING)
        throw invalidFields('INVALID_LISTING', 'Too many variations.', [
          {
            field: 'variationId',
            code: 'TOO_MANY',
            params: { max: MAX_VARIATIONS_PER_LISTING },
          },
        ])
      await this.kv.put<ListingRefDoc>(
        refPath,
        {
          marketplaceId,
          listingId,
          skus,
          claimedAt: {
            ...(ref?.data.claimedAt ?? {}),
            [key]: new Date(this.now()).toISOString(),
          },
        },
        ref ? { ifMatch: ref.etag } : { ifAbsent: true }
      )
    })

    return this.retry(async () => {
      const path = skuListingsPath(marketplaceId, skuId)
      const doc = await this.kv.get<SkuListingsDoc>(path)
      const listings = doc?.data.listings ?? []
      const i = listings.findIndex((l) => same(l, listingId, variationId))

      if (i >= 0 && sameContent(listings[i], listing)) return 'UNCHANGED'
      if (i < 0 && listings.length >= MAX_LISTINGS_PER_SKU)
        throw invalidFields(
          'INVALID_LISTING',
          `SKU ${skuId} already has ${MAX_LISTINGS_PER_SKU} listings on ${marketplaceId}.`,
          [
            {
              field: 'listingId',
              code: 'TOO_MANY',
              params: { max: MAX_LISTINGS_PER_SKU },
            },
          ]
        )
      const entry: StoredListing = {
        ...listing,
        source,
        at: new Date(this.now()).toISOString(),
      }

      await this.kv.put<SkuListingsDoc>(
        path,
        {
          marketplaceId,
          skuId,
          listings:
            i >= 0
              ? listings.map((l, j) => (j === i ? entry : l))
              : [...listings, entry],
        },
        doc ? { ifMatch: doc.etag } : { ifAbsent: true }
      )

      return i >= 0 ? 'UPDATED' : 'ADDED'
    })
  }

  /** Unmaps one listing from a SKU (its reference goes too). */
  async remove(
    marketplaceId: string,
    skuId: string,
    listingId: string,
    variationId: string | null = null
  ) {
    validateMarketplace(marketplaceId)
    const removed = await this.dropFromSku(
      marketplaceId,
      skuId,
      listingId,
      variationId
    )

    await this.retry(async () => {
      const path = listingRefPath(marketplaceId, listingId)
      const ref = await this.kv.get<ListingRefDoc>(path)
      const key = variationKey(variationId)

      if (!ref || ref.data.skus[key] !== skuId) return
      const skus = { ...ref.data.skus }
      const claimedAt = { ...(ref.data.claimedAt ?? {}) }

      delete skus[key]
      delete claimedAt[key]
      if (Object.keys(skus).length === 0)
        await this.kv.delete(path, { ifMatch: ref.etag })
      else
        await this.kv.put<ListingRefDoc>(
          path,
          { ...ref.data, skus, claimedAt },
          { ifMatch: ref.etag }
        )
    })

    return removed
  }

  /** A page of the marketplace's mapped SKU ids. */
  async mappedSkus(
    marketplaceId: string,
    options: { limit: number; next?: string }
  ) {
    validateMarketplace(marketplaceId)
    const prefix = skuListingsPrefix(marketplaceId)
    const page = await this.kv.list(prefix, options)

    return {
      skuIds: page.paths.map((p) => p.slice(prefix.length)),
      next: page.next,
    }
  }

  private async holds(
    marketplaceId: string,
    skuId: string,
    listingId: string,
    variationId: string | null
  ) {
    return (await this.listingsOf(marketplaceId, skuId)).some((l) =>
      same(l, listingId, variationId)
    )
  }

  private dropFromSku(
    marketplaceId: string,
    skuId: string,
    listingId: string,
    variationId: string | null
  ) {
    return this.retry(async () => {
      const path = skuListingsPath(marketplaceId, skuId)
      const doc = await this.kv.get<SkuListingsDoc>(path)
      const listings = doc?.data.listings ?? []
      const kept = listings.filter((l) => !same(l, listingId, variationId))

      if (!doc || kept.length === listings.length) return false
      if (kept.length === 0) await this.kv.delete(path, { ifMatch: doc.etag })
      else
        await this.kv.put<SkuListingsDoc>(
          path,
          { ...doc.data, listings: kept },
          { ifMatch: doc.etag }
        )

      return true
    })
  }

  private async retry<T>(write: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write()
      } catch (e) {
        if (!isPreconditionFailed(e)) throw e
        if (attempt >= ATTEMPTS)
          throw new DomainError(
            'CONFLICT',
            'The listing mapping kept changing while it was written; try again.',
            'LISTING_CONFLICT'
          )
      }
    }
  }
}
