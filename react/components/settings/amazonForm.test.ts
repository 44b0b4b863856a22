import { idsOf, idsText, productTypesOf, productTypesText } from './amazonForm'

describe('the Amazon section’s text fields', () => {
  it('shows and reads the marketplace ids as a comma list', () => {
    expect(idsText(['A2Q3Y263D00KWC', 'ATVPDKIKX0DER'])).toBe(
      'A2Q3Y263D00KWC, ATVPDKIKX0DER'
    )
    expect(idsOf(' A2Q3Y263D00KWC ,, ATVPDKIKX0DER ')).toEqual([
      'A2Q3Y263D00KWC',
      'ATVPDKIKX0DER',
    ])
    expect(idsText(undefined)).toBe('')
  })

  it('shows and reads the category → product type mapping', () => {
    const rows = [
      { categoryId: '12', productType: 'SHOES' },
      { categoryId: '15', productType: 'LUGGAGE' },
    ]

    expect(productTypesText(rows)).toBe('12=SHOES, 15=LUGGAGE')
    expect(productTypesOf('12=SHOES, 15 = LUGGAGE')).toEqual(rows)
    // Half-typed: sent as it is, the server names the missing field.
    expect(productTypesOf('12')).toEqual([
      { categoryId: '12', productType: '' },
    ])
  })
})
