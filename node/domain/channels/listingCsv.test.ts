import { isDomainError } from '../errors'
import { LISTING_CSV_LIMITS, parseListingCsv } from './listingCsv'

const refusal = (text: string, limits = LISTING_CSV_LIMITS) => {
  try {
    parseListingCsv(text, limits)
  } catch (e) {
    if (isDomainError(e)) return { reason: e.reason, fields: e.fields }
    throw e
  }

  throw new Error('not refused')
}

describe('parseListingCsv', () => {
  it('keeps good rows with their attributes and line numbers', () => {
    const text = [
      '\uFEFFSKUID,ListingId,variationId,userProductId',
      '1003,MLB1234567890,174433221100,MLBU998877',
      '',
      '1006,"MLB1234567891",,',
      '1009,"SKU, with comma ""quoted""",,',
    ].join('\r\n')

    expect(parseListingCsv(text)).toEqual({
      rows: [
        {
          line: 2,
          skuId: '1003',
          listingId: 'MLB1234567890',
          variationId: '174433221100',
          attributes: { userProductId: 'MLBU998877' },
        },
        {
          line: 4,
          skuId: '1006',
          listingId: 'MLB1234567891',
          variationId: null,
          attributes: {},
        },
        {
          line: 5,
          skuId: '1009',
          listingId: 'SKU, with comma "quoted"',
          variationId: null,
          attributes: {},
        },
      ],
      errors: [],
    })
  })

  it('gives each bad row its line, column and code, and keeps the good ones', () => {
    const text = [
      'skuId,listingId,variationId',
      '1003,MLB1,1', // good
      'abc,MLB2,', // bad skuId
      '1006,,', // missing listing
      '1009,MLB1,1', // same listing + variation as line 2
      '1012,MLB3', // one column short
      `1015,${'x'.repeat(101)},`, // listing too long
      '1018,MLB4,7', // good
    ].join('\n')

    const { rows, errors } = parseListingCsv(text)

    expect(rows.map((r) => `${r.line}:${r.skuId}:${r.listingId}`)).toEqual([
      '2:1003:MLB1',
      '8:1018:MLB4',
    ])
    expect(errors).toEqual([
      { line: 3, field: 'skuId', code: 'INVALID_FORMAT' },
      { line: 4, field: 'listingId', code: 'REQUIRED' },
      { line: 5, field: 'listingId', code: 'DUPLICATE', params: { line: 2 } },
      {
        line: 6,
        field: 'row',
        code: 'INVALID_FORMAT',
        params: { expected: 3, got: 2 },
      },
      { line: 7, field: 'listingId', code: 'TOO_LONG', params: { max: 100 } },
    ])
  })

  it('takes refId or ean as the key column instead of skuId', () => {
    expect(
      parseListingCsv('RefId,listingId\nREF-1003,AMZ1\n,AMZ2\n').rows
    ).toEqual([
      {
        line: 2,
        refId: 'REF-1003',
        listingId: 'AMZ1',
        variationId: null,
        attributes: {},
      },
    ])
    expect(parseListingCsv('ean,listingId\n,AMZ2\n').errors).toEqual([
      { line: 2, field: 'ean', code: 'REQUIRED' },
    ])
  })

  it('counts lines inside quoted fields so later line numbers stay true', () => {
    const text =
      'skuId,listingId,note\n1003,MLB1,"two\nlines"\n1006,,x\n1009,"MLB\n9",\n'

    const { rows, errors } = parseListingCsv(text)

    expect(rows).toEqual([])
    // Values are single-line: a line break inside quotes is refused, and the
    // rows after it keep the line where they start in the file.
    expect(errors).toEqual([
      { line: 2, field: 'note', code: 'INVALID_FORMAT' },
      { line: 4, field: 'listingId', code: 'REQUIRED' },
      { line: 5, field: 'listingId', code: 'INVALID_FORMAT' },
    ])
  })

  it('refuses the whole file when the required columns are missing or repeated', () => {
    expect(refusal('sku,listing\n1003,MLB1')).toEqual({
      reason: 'INVALID_LISTING_CSV',
      fields: [
        { field: 'header', code: 'REQUIRED', params: { column: 'skuId' } },
        { field: 'header', code: 'REQUIRED', params: { column: 'listingId' } },
      ],
    })
    expect(refusal('skuId,listingId,skuid\n').fields).toEqual([
      { field: 'header', code: 'DUPLICATE', params: { column: 'skuId' } },
    ])
    expect(refusal('skuId,listingId,bad name\n').fields).toEqual([
      {
        field: 'header',
        code: 'INVALID_FORMAT',
        params: { column: 'bad name' },
      },
    ])
    expect(refusal('skuId,refId,listingId\n').fields).toEqual([
      { field: 'header', code: 'NOT_ALLOWED', params: { column: 'refId' } },
    ])
    expect(refusal('\n\n').fields).toEqual([
      { field: 'file', code: 'REQUIRED' },
    ])
    expect(refusal('skuId,listingId\n1003,"MLB1\n').fields).toEqual([
      { field: 'file', code: 'INVALID_FORMAT', params: { line: 2 } },
    ])
  })

  it('refuses a file over the documented size or row limits as a whole', () => {
    const limits = { ...LISTING_CSV_LIMITS, maxRows: 2, maxBytes: 60 }

    expect(refusal('skuId,listingId\n1,a\n2,b\n3,c\n', limits).fields).toEqual([
      { field: 'file', code: 'TOO_MANY', params: { max: 2 } },
    ])
    expect(
      refusal(`skuId,listingId\n1,${'a'.repeat(60)}\n`, limits).fields
    ).toEqual([{ field: 'file', code: 'TOO_LONG', params: { max: 60 } }])
    expect(LISTING_CSV_LIMITS).toMatchObject({
      maxBytes: 1_000_000,
      maxRows: 5_000,
    })
  })
})
