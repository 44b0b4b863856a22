import { csvField, csvHeader, csvRow } from './csv'

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"\nbye')).toBe('"say ""hi""\nbye"')
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvField(null)).toBe('')
    expect(csvField(false)).toBe('false')
  })

  it('one line per row, columns in header order', () => {
    expect(csvHeader()).toBe(
      'id,marketplace,entityId,status,processedAt,attempts,abnormal,latencyMs,message\r\n'
    )
    expect(
      csvRow({
        id: 'PRODUCTS:amazon:1',
        tab: 'PRODUCTS',
        marketplace: 'amazon',
        entityId: '1',
        status: 'ERROR',
        processedAt: '2026-11-23T10:00:00.000Z',
        attempts: 2,
        abnormal: false,
        latencyMs: null,
        message: 'Amazon answered HTTP 400: bad, very bad',
      })
    ).toBe(
      'PRODUCTS:amazon:1,amazon,1,ERROR,2026-11-23T10:00:00.000Z,2,false,,"Amazon answered HTTP 400: bad, very bad"\r\n'
    )
  })
})
