import { parseListingCsv } from './listingCsv'
import { catalogLookups, lookupKey, resolveListingRows } from './listingKeys'

describe('catalogLookups', () => {
  it('asks the catalog once per distinct refId, nothing for a file keyed by skuId', () => {
    const { rows } = parseListingCsv('refId,listingId\nA,L1\nB,L2\nA,L3\n')

    expect(catalogLookups(rows)).toEqual([
      { column: 'refId', value: 'A' },
      { column: 'refId', value: 'B' },
    ])
    expect(
      catalogLookups(parseListingCsv('skuId,listingId\n1003,L1\n').rows)
    ).toEqual([])
  })
})

describe('resolveListingRows', () => {
  it('maps each EAN row to the SKU the catalog named and reports the unknown ones by line', () => {
    const { rows } = parseListingCsv(
      'ean,listingId,variationId,userProductId\n789001,MLB1,11,U1\n789009,MLB9,,\n'
    )

    const skuOf = new Map([
      [lookupKey('ean', '789001'), '1003'],
      [lookupKey('ean', '789009'), null],
    ])

    expect(resolveListingRows('mercadolivre', rows, skuOf)).toEqual({
      entries: [
        {
          line: 2,
          listing: {
            marketplaceId: 'mercadolivre',
            skuId: '1003',
            listingId: 'MLB1',
            variationId: '11',
            attributes: { userProductId: 'U1' },
          },
        },
      ],
      errors: [
        {
          line: 3,
          field: 'ean',
          code: 'UNKNOWN',
          params: { value: '789009' },
        },
      ],
    })
  })

  it('keeps a skuId row as it is, and never guesses a value the catalog was not asked about', () => {
    const byId = parseListingCsv('skuId,listingId\n1006,MLB6\n').rows
    const byRef = parseListingCsv('refId,listingId\nREF-X,AMZ\n').rows

    expect(
      resolveListingRows('amazon', byId, new Map()).entries[0].listing.skuId
    ).toBe('1006')
    expect(resolveListingRows('amazon', byRef, new Map())).toEqual({
      entries: [],
      errors: [
        {
          line: 2,
          field: 'refId',
          code: 'UNKNOWN',
          params: { value: 'REF-X' },
        },
      ],
    })
  })
})
