import { matchListings } from './listingMatch'

const catalog = [
  { skuId: '1003', refId: 'REF-1003', ean: '7890000000001' },
  { skuId: '1006', refId: 'REF-1006', ean: '7890000000002' },
  { skuId: '1009', refId: 'KIT', ean: null },
  { skuId: '1012', refId: 'KIT', ean: '07890000000003' },
]

describe('matchListings', () => {
  it('matches by RefId in the seller-SKU field, never guessing a shared one', () => {
    const r = matchListings(
      'mercadolivre',
      [
        { listingId: 'MLB1', variationId: '11', sellerSku: 'REF-1003' },
        { listingId: 'MLB1', variationId: '12', sellerSku: ' REF-1006 ' },
        { listingId: 'MLB2', sellerSku: 'KIT' },
        { listingId: 'MLB3', sellerSku: 'REF-9999' },
        { listingId: 'MLB4', sellerSku: '' },
        { listingId: 'MLB1', variationId: '11', sellerSku: 'REF-1003' },
      ],
      catalog,
      'REF_ID'
    )

    expect(r.matched).toEqual([
      {
        position: 1,
        listing: {
          marketplaceId: 'mercadolivre',
          skuId: '1003',
          listingId: 'MLB1',
          variationId: '11',
        },
      },
      {
        position: 2,
        listing: {
          marketplaceId: 'mercadolivre',
          skuId: '1006',
          listingId: 'MLB1',
          variationId: '12',
        },
      },
    ])
    expect(r.unmatched).toEqual([
      {
        position: 3,
        listingId: 'MLB2',
        variationId: null,
        reason: 'AMBIGUOUS',
        skuIds: ['1009', '1012'],
      },
      {
        position: 4,
        listingId: 'MLB3',
        variationId: null,
        reason: 'NOT_FOUND',
      },
      { position: 5, listingId: 'MLB4', variationId: null, reason: 'NO_VALUE' },
      {
        position: 6,
        listingId: 'MLB1',
        variationId: '11',
        reason: 'DUPLICATE',
      },
    ])
  })

  it('matches by EAN as GTINs and by the VTEX SKU id, keeping attributes', () => {
    const byEan = matchListings(
      'amazon',
      [
        {
          listingId: 'SKU-A',
          ean: '07890000000002',
          attributes: { asin: 'B0X' },
        },
        { listingId: 'SKU-B', ean: '7890000000003' },
      ],
      catalog,
      'EAN'
    )

    expect(byEan.matched.map((m) => m.listing)).toEqual([
      {
        marketplaceId: 'amazon',
        skuId: '1006',
        listingId: 'SKU-A',
        variationId: null,
        attributes: { asin: 'B0X' },
      },
      {
        marketplaceId: 'amazon',
        skuId: '1012',
        listingId: 'SKU-B',
        variationId: null,
      },
    ])

    const bySku = matchListings(
      'magalu',
      [{ listingId: 'MGL-9', sellerSku: '1009' }],
      catalog,
      'SKU_ID'
    )

    expect(bySku.matched[0].listing.skuId).toBe('1009')
  })
})
