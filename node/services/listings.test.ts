import {
  listingRefPath,
  skuListingsPath,
} from '../domain/channels/listingPaths'
import { isDomainError } from '../domain/errors'
import { MemoryStorage } from '../test/memoryStorage'
import { importListingCsv, importMatches } from './listingImport'
import { ListingStore } from './listings'
import { matchListings } from '../domain/channels/listingMatch'

const T = Date.parse('2026-11-23T12:00:00Z')
const ml = (skuId: string, listingId: string, variationId?: string) => ({
  marketplaceId: 'mercadolivre',
  skuId,
  listingId,
  variationId: variationId ?? null,
})

/** A catalog with these SKUs (id, RefId, EAN), answering as clients/catalog.ts does; it counts the calls. */
const catalogOf = (skus: Array<{ id: string; refId: string; ean: string }>) => {
  const calls: string[] = []

  return {
    calls,
    skuIdByRefId: async (refId: string) => {
      calls.push(`refId:${refId}`)

      return skus.find((s) => s.refId === refId)?.id ?? null
    },
    skuIdByEan: async (ean: string) => {
      calls.push(`ean:${ean}`)

      return skus.find((s) => s.ean === ean)?.id ?? null
    },
  }
}

const refusalOf = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    if (isDomainError(e)) return { reason: e.reason, fields: e.fields }
    throw e
  }

  throw new Error('not refused')
}

describe('ListingStore', () => {
  let kv: MemoryStorage
  let store: ListingStore

  beforeEach(() => {
    kv = new MemoryStorage()
    store = new ListingStore(kv, () => T)
  })

  it('stores a created listing under the SKU and finds the SKU by the listing id', async () => {
    await store.recordCreated({
      ...ml('1003', 'MLB123', '77'),
      attributes: { userProductId: 'MLBU1' },
    })

    expect(await store.listingsOf('mercadolivre', '1003')).toEqual([
      {
        marketplaceId: 'mercadolivre',
        skuId: '1003',
        listingId: 'MLB123',
        variationId: '77',
        attributes: { userProductId: 'MLBU1' },
        source: 'CREATED',
        at: '2026-11-23T12:00:00.000Z',
      },
    ])
    expect(
      (await store.findByListing('mercadolivre', 'MLB123')).map((f) => f.skuId)
    ).toEqual(['1003'])
    expect(kv.files.has(skuListingsPath('mercadolivre', '1003'))).toBe(true)
    expect(kv.files.has(listingRefPath('mercadolivre', 'MLB123'))).toBe(true)
    // Another marketplace has its own mapping.
    expect(await store.findByListing('amazon', 'MLB123')).toEqual([])
  })

  it('is idempotent and keeps every variation of one item', async () => {
    expect(await store.put(ml('1003', 'MLB1', '1'), 'IMPORTED')).toBe('ADDED')
    expect(await store.put(ml('1003', 'MLB1', '1'), 'IMPORTED')).toBe(
      'UNCHANGED'
    )
    expect(await store.put(ml('1006', 'MLB1', '2'), 'IMPORTED')).toBe('ADDED')
    expect(
      await store.put(
        { ...ml('1003', 'MLB1', '1'), attributes: { a: 'b' } },
        'EDITED'
      )
    ).toBe('UPDATED')
    const found = await store.findByListing('mercadolivre', 'MLB1')

    expect(found.map((f) => `${f.skuId}/${f.listing.variationId}`)).toEqual([
      '1003/1',
      '1006/2',
    ])
  })

  it('refuses a listing another SKU holds, unless the marketplace created it for this one', async () => {
    await store.put(ml('1003', 'MLB9'), 'IMPORTED')

    expect(await refusalOf(store.put(ml('1006', 'MLB9'), 'IMPORTED'))).toEqual({
      reason: 'LISTING_ALREADY_MAPPED',
      fields: [
        { field: 'listingId', code: 'DUPLICATE', params: { skuId: '1003' } },
      ],
    })
    await store.recordCreated(ml('1006', 'MLB9'))
    expect(await store.listingsOf('mercadolivre', '1003')).toEqual([])
    expect(
      (await store.findByListing('mercadolivre', 'MLB9')).map((f) => f.skuId)
    ).toEqual(['1006'])
  })

  it('ignores a stale reference (a write that stopped before the SKU document)', async () => {
    await kv.put(listingRefPath('mercadolivre', 'MLB5'), {
      marketplaceId: 'mercadolivre',
      listingId: 'MLB5',
      skus: { '': '1003' },
    })
    expect(await store.findByListing('mercadolivre', 'MLB5')).toEqual([])
    expect(await store.put(ml('1006', 'MLB5'), 'IMPORTED')).toBe('ADDED')
    expect(
      (await store.findByListing('mercadolivre', 'MLB5')).map((f) => f.skuId)
    ).toEqual(['1006'])
  })

  it('gives a listing to one SKU when two imports race for it', async () => {
    const results = await Promise.allSettled([
      store.put(ml('1003', 'RACE'), 'IMPORTED'),
      store.put(ml('1006', 'RACE'), 'IMPORTED'),
    ])

    expect(
      results.map((r) => r.status).sort((a, b) => a.localeCompare(b))
    ).toEqual(['fulfilled', 'rejected'])
    expect(await store.findByListing('mercadolivre', 'RACE')).toHaveLength(1)
    const held = [
      ...(await store.listingsOf('mercadolivre', '1003')),
      ...(await store.listingsOf('mercadolivre', '1006')),
    ]

    expect(held.map((l) => l.listingId)).toEqual(['RACE'])
  })

  it('removes a mapping and its reference', async () => {
    await store.put(ml('1003', 'MLB1', '1'), 'IMPORTED')
    expect(await store.remove('mercadolivre', '1003', 'MLB1', '1')).toBe(true)
    expect(kv.files.size).toBe(0)
    expect(await store.remove('mercadolivre', '1003', 'MLB1', '1')).toBe(false)
  })

  it('loses no mapping when writers race on one SKU and one listing', async () => {
    await Promise.all([
      store.put(ml('1003', 'A'), 'IMPORTED'),
      store.put(ml('1003', 'B'), 'IMPORTED'),
      store.put(ml('1003', 'C', '1'), 'IMPORTED'),
      store.put(ml('1006', 'C', '2'), 'IMPORTED'),
    ])
    expect(
      (await store.listingsOf('mercadolivre', '1003'))
        .map((l) => l.listingId)
        .sort((a, b) => a.localeCompare(b))
    ).toEqual(['A', 'B', 'C'])
    expect(
      (await store.findByListing('mercadolivre', 'C'))
        .map((f) => f.skuId)
        .sort((a, b) => a.localeCompare(b))
    ).toEqual(['1003', '1006'])
  })

  it('refuses bad fields with every field named and writes nothing', async () => {
    expect(
      await refusalOf(
        store.put(
          { marketplaceId: 'Mercado Livre', skuId: 'x', listingId: ' ' },
          'EDITED'
        )
      )
    ).toEqual({
      reason: 'INVALID_LISTING',
      fields: [
        { field: 'marketplaceId', code: 'INVALID_FORMAT' },
        { field: 'skuId', code: 'INVALID_FORMAT' },
        { field: 'listingId', code: 'REQUIRED' },
      ],
    })
    expect(kv.files.size).toBe(0)
  })
})

describe('importListingCsv', () => {
  it('keeps good rows, reports each bad one by line and field, writes nothing for them', async () => {
    const kv = new MemoryStorage()
    const store = new ListingStore(kv, () => T)

    await store.put(ml('1099', 'MLB-TAKEN'), 'IMPORTED')
    const csv = [
      'skuId,listingId,variationId',
      '1003,MLB1,11',
      '10x3,MLB2,', // bad skuId
      '1006,MLB-TAKEN,', // held by SKU 1099
      '1009,MLB1,11', // duplicate of line 2
      '1012,MLB3,',
    ].join('\n')

    const catalog = catalogOf([])
    const r = await importListingCsv(store, 'mercadolivre', csv, catalog)

    expect(catalog.calls).toEqual([])

    expect(r).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      errors: [
        { line: 3, field: 'skuId', code: 'INVALID_FORMAT' },
        {
          line: 4,
          field: 'listingId',
          code: 'DUPLICATE',
          params: { skuId: '1099' },
        },
        { line: 5, field: 'listingId', code: 'DUPLICATE', params: { line: 2 } },
      ],
    })
    expect(await store.listingsOf('mercadolivre', '1006')).toEqual([])
    expect(await store.listingsOf('mercadolivre', '1009')).toEqual([])
    expect((await store.listingsOf('mercadolivre', '1012'))[0].listingId).toBe(
      'MLB3'
    )
  })

  it('refuses an oversized file as a whole before writing anything', async () => {
    const kv = new MemoryStorage()
    const store = new ListingStore(kv)
    const rows = Array.from({ length: 5001 }, (_, i) => `${1000 + i},L${i}`)

    expect(
      await refusalOf(
        importListingCsv(
          store,
          'amazon',
          ['skuId,listingId', ...rows].join('\n'),
          catalogOf([])
        )
      )
    ).toEqual({
      reason: 'INVALID_LISTING_CSV',
      fields: [{ field: 'file', code: 'TOO_MANY', params: { max: 5000 } }],
    })
    expect(kv.files.size).toBe(0)
  })
})

describe('importListingCsv keyed by refId or ean', () => {
  const skus = [
    { id: '1003', refId: 'REF-1003', ean: '7890000001003' },
    { id: '1006', refId: 'REF-1006', ean: '7890000001006' },
  ]

  it('matches each RefId to its SKU through the catalog, once per value, and reports the unknown ones', async () => {
    const store = new ListingStore(new MemoryStorage(), () => T)
    const catalog = catalogOf(skus)
    const csv = [
      'refId,listingId,variationId',
      'REF-1003,AMZ-1003,',
      'REF-NOPE,AMZ-X,',
      'REF-1006,AMZ-1006,',
      'REF-1003,AMZ-1003-B,',
      ',AMZ-Y,',
    ].join('\n')

    const r = await importListingCsv(store, 'amazon', csv, catalog)

    expect(r).toEqual({
      added: 3,
      updated: 0,
      unchanged: 0,
      errors: [
        {
          line: 3,
          field: 'refId',
          code: 'UNKNOWN',
          params: { value: 'REF-NOPE' },
        },
        { line: 6, field: 'refId', code: 'REQUIRED' },
      ],
    })
    expect(catalog.calls).toEqual([
      'refId:REF-1003',
      'refId:REF-NOPE',
      'refId:REF-1006',
    ])
    expect(
      (await store.listingsOf('amazon', '1003')).map((l) => l.listingId)
    ).toEqual(['AMZ-1003', 'AMZ-1003-B'])
    expect(
      (await store.listingsOf('amazon', '1006')).map((l) => l.source)
    ).toEqual(['IMPORTED'])
  })

  it('matches by EAN and writes nothing for an EAN no SKU has', async () => {
    const kv = new MemoryStorage()
    const store = new ListingStore(kv, () => T)
    const r = await importListingCsv(
      store,
      'mercadolivre',
      'EAN,listingId\n7890000001006,MLB6\n7890000009999,MLB9\n',
      catalogOf(skus)
    )

    expect(r).toMatchObject({
      added: 1,
      errors: [
        {
          line: 3,
          field: 'ean',
          code: 'UNKNOWN',
          params: { value: '7890000009999' },
        },
      ],
    })
    expect(await store.findByListing('mercadolivre', 'MLB9')).toEqual([])
    expect((await store.findByListing('mercadolivre', 'MLB6'))[0].skuId).toBe(
      '1006'
    )
  })

  it('refuses a file keyed by refId over 500 rows before asking the catalog', async () => {
    const catalog = catalogOf(skus)
    const rows = Array.from({ length: 501 }, (_, i) => `R${i},L${i}`)

    expect(
      await refusalOf(
        importListingCsv(
          new ListingStore(new MemoryStorage()),
          'amazon',
          ['refId,listingId', ...rows].join('\n'),
          catalog
        )
      )
    ).toEqual({
      reason: 'INVALID_LISTING_CSV',
      fields: [{ field: 'file', code: 'TOO_MANY', params: { max: 500 } }],
    })
    expect(catalog.calls).toEqual([])
  })
})

describe('importMatches', () => {
  it('writes the listings matched by RefId and reports the others', async () => {
    const store = new ListingStore(new MemoryStorage(), () => T)
    const match = matchListings(
      'amazon',
      [
        { listingId: 'SELLER-1003', sellerSku: 'REF-1003' },
        { listingId: 'SELLER-X', sellerSku: 'REF-X' },
      ],
      [{ skuId: '1003', refId: 'REF-1003', ean: null }],
      'REF_ID'
    )

    const r = await importMatches(store, match)

    expect(r).toMatchObject({ added: 1, errors: [] })
    expect(r.unmatched).toEqual([
      {
        position: 2,
        listingId: 'SELLER-X',
        variationId: null,
        reason: 'NOT_FOUND',
      },
    ])
    expect((await store.findByListing('amazon', 'SELLER-1003'))[0].skuId).toBe(
      '1003'
    )
  })
})
