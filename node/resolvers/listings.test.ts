import { mockContext, rootOfMock } from '../test/mockContext'
import { contractOf, seedLog } from '../test/seed'
import { removeListing, saveListing, skuListings } from './listings'
import { importListingCsv } from './mutations/importListingCsv'
import { integrationLogs } from './queries/integrationLogs'

const configured = (id: string) => ({
  id,
  name: id,
  baseUrl: `https://${id}.example/api/`,
  token: 't',
  products: true,
  inventory: true,
  tracking: true,
})

const context = () =>
  mockContext({
    settings: {
      marketplaces: [configured('mercadolivre'), configured('amazon')],
    },
  })

const info = {} as never
const listingIds = (list: Array<{ listingId: string }>) =>
  list.map((l) => l.listingId)

describe('saveListing / removeListing / skuListings', () => {
  it('sets, replaces and removes a SKU listing, answering the SKU listings each time', async () => {
    const ctx = context()
    const input = { marketplace: 'mercadolivre', skuId: '1003' }

    expect(
      await saveListing(
        {},
        { input: { ...input, listingId: 'MLB1' } },
        ctx,
        info
      )
    ).toEqual([
      {
        listingId: 'MLB1',
        variationId: null,
        attributes: [],
        source: 'EDITED',
        at: expect.any(String),
      },
    ])
    const replaced = await saveListing(
      {},
      {
        input: { ...input, listingId: 'MLB2', replacesListingId: 'MLB1' },
      },
      ctx,
      info
    )

    expect(listingIds(replaced)).toEqual(['MLB2'])
    expect(
      await rootOfMock(ctx).listings.findByListing('mercadolivre', 'MLB1')
    ).toEqual([])
    expect(listingIds(await skuListings({}, { ...input }, ctx, info))).toEqual([
      'MLB2',
    ])
    expect(
      await removeListing({}, { ...input, listingId: 'MLB2' }, ctx, info)
    ).toEqual([])
  })

  it('refuses bad input, an unknown marketplace, or a listing another SKU holds, and saves nothing', async () => {
    const ctx = context()
    const { listings } = rootOfMock(ctx)

    await saveListing(
      {},
      { input: { marketplace: 'amazon', skuId: '1006', listingId: 'AMZ-6' } },
      ctx,
      info
    )

    expect(
      await contractOf(() =>
        saveListing(
          {},
          {
            input: {
              marketplace: 'amazon',
              skuId: '1003',
              listingId: 'AMZ-6',
              replacesListingId: 'AMZ-3',
            },
          },
          ctx,
          info
        )
      )
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'LISTING_ALREADY_MAPPED',
      fields: [
        { field: 'listingId', code: 'DUPLICATE', params: { skuId: '1006' } },
      ],
    })
    expect(
      await contractOf(() =>
        saveListing(
          {},
          { input: { marketplace: 'amazon', skuId: 'x', listingId: '' } },
          ctx,
          info
        )
      )
    ).toMatchObject({
      reason: 'INVALID_LISTING',
      fields: [
        { field: 'skuId', code: 'INVALID_FORMAT' },
        { field: 'listingId', code: 'REQUIRED' },
      ],
    })
    expect(
      await contractOf(() =>
        saveListing(
          {},
          { input: { marketplace: 'magalu', skuId: '1003', listingId: 'M1' } },
          ctx,
          info
        )
      )
    ).toMatchObject({
      reason: 'INVALID_ARGUMENT',
      fields: [{ field: 'marketplace', code: 'UNKNOWN' }],
    })
    expect(
      await contractOf(() =>
        removeListing(
          {},
          { marketplace: 'amazon', skuId: '1003', listingId: 'AMZ-6' },
          ctx,
          info
        )
      )
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'LISTING_NOT_FOUND' })
    expect(listingIds(await listings.listingsOf('amazon', '1006'))).toEqual([
      'AMZ-6',
    ])
    expect(await listings.listingsOf('amazon', '1003')).toEqual([])
    expect(await listings.listingsOf('magalu', '1003')).toEqual([])
  })
})

describe('importListingCsv (mutation) keyed by refId', () => {
  it('asks the catalog for each RefId and reports the unknown one by line', async () => {
    const ctx = context()
    const byRefId = ctx.clients.skuCatalog.skuIdByRefId as jest.Mock

    byRefId.mockImplementation(async (refId: string) =>
      refId === 'REF-1003' ? '1003' : null
    )

    const r = await importListingCsv(
      {},
      {
        marketplace: 'amazon',
        csv: 'refId,listingId\nREF-1003,AMZ-3\nREF-NONE,AMZ-X\n',
      },
      ctx,
      info
    )

    expect(r).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      errors: [
        {
          line: 3,
          field: 'refId',
          code: 'UNKNOWN',
          params: [{ name: 'value', value: 'REF-NONE' }],
        },
      ],
    })
    expect(byRefId.mock.calls.map((c) => c[0])).toEqual([
      'REF-1003',
      'REF-NONE',
    ])
  })
})

describe('integrationLogs searched by a listing id', () => {
  const noFilter = {
    tab: 'PRODUCTS' as const,
    status: null,
    marketplace: null,
    from: null,
    to: null,
    abnormalOnly: null,
    cause: null,
    first: 20,
    after: null,
  }

  it('finds the SKU logs on the listing marketplace only, and an unmapped term as an id as before', async () => {
    const ctx = context()
    const { logs, listings } = rootOfMock(ctx)
    const key = (marketplace: string, entityId: string) => ({
      tab: 'PRODUCTS' as const,
      marketplace,
      entityId,
    })

    await seedLog(logs, key('mercadolivre', '1003'), 'ERROR')
    await seedLog(logs, key('amazon', '1003'), 'ERROR')
    await seedLog(logs, key('mercadolivre', '1006'), 'SUCCESS')
    await listings.put(
      {
        marketplaceId: 'mercadolivre',
        skuId: '1003',
        listingId: 'MLB1234567890',
      },
      'IMPORTED'
    )

    const found = await integrationLogs(
      {},
      { ...noFilter, search: 'MLB1234567890' },
      ctx,
      info
    )

    expect(found.data.map((r) => `${r.marketplace}/${r.entityId}`)).toEqual([
      'mercadolivre/1003',
    ])
    const onAmazon = await integrationLogs(
      {},
      { ...noFilter, search: 'MLB1234567890', marketplace: 'amazon' },
      ctx,
      info
    )

    expect(onAmazon.data).toEqual([])
    const byId = await integrationLogs(
      {},
      { ...noFilter, search: '1006' },
      ctx,
      info
    )

    expect(byId.data.map((r) => r.entityId)).toEqual(['1006'])
    const tracking = await integrationLogs(
      {},
      { ...noFilter, tab: 'TRACKING', search: 'MLB1234567890' },
      ctx,
      info
    )

    expect(tracking.data).toEqual([])
  })
})
