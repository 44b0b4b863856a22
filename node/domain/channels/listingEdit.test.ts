import { isDomainError } from '../errors'
import { listingEdit } from './listingEdit'

const fieldsOf = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    if (isDomainError(e)) return { reason: e.reason, fields: e.fields }
    throw e
  }

  throw new Error('not refused')
}

describe('listingEdit', () => {
  it('trims the listing and names the one it replaces', () => {
    expect(
      listingEdit({
        marketplace: 'mercadolivre',
        skuId: ' 1003 ',
        listingId: ' MLB2 ',
        variationId: '',
        replacesListingId: 'MLB1',
        replacesVariationId: '77',
      })
    ).toEqual({
      listing: {
        marketplaceId: 'mercadolivre',
        skuId: '1003',
        listingId: 'MLB2',
        variationId: null,
      },
      replaces: { listingId: 'MLB1', variationId: '77' },
    })
  })

  it('treats replacing a listing by itself as a plain save', () => {
    expect(
      listingEdit({
        marketplace: 'amazon',
        skuId: '1006',
        listingId: 'AMZ-1006',
        replacesListingId: 'AMZ-1006',
      }).replaces
    ).toBeNull()
  })

  it('keeps the attributes of a listing the SKU already holds', () => {
    expect(
      listingEdit(
        { marketplace: 'mercadolivre', skuId: '1003', listingId: 'MLB1' },
        [
          {
            marketplaceId: 'mercadolivre',
            skuId: '1003',
            listingId: 'MLB1',
            variationId: null,
            attributes: { userProductId: 'U1' },
          },
        ]
      ).listing.attributes
    ).toEqual({ userProductId: 'U1' })
  })

  it('refuses every bad field at once', () => {
    expect(
      fieldsOf(() =>
        listingEdit({
          marketplace: 'mercadolivre',
          skuId: 'abc',
          listingId: ' ',
        })
      )
    ).toEqual({
      reason: 'INVALID_LISTING',
      fields: [
        { field: 'skuId', code: 'INVALID_FORMAT' },
        { field: 'listingId', code: 'REQUIRED' },
      ],
    })
    expect(
      fieldsOf(() =>
        listingEdit({
          marketplace: 'mercadolivre',
          skuId: '1003',
          listingId: 'MLB1',
          replacesVariationId: '9',
        })
      ).fields
    ).toEqual([{ field: 'replacesVariationId', code: 'NOT_ALLOWED' }])
  })
})
