import { categoriesOf, categoriesText } from './mercadoLivreForm'

describe('Mercado Livre categories typed as text', () => {
  const saved = [
    {
      vtexCategoryId: '12',
      mlCategoryId: 'MLB1055',
      listingTypeId: 'gold_pro',
    },
    {
      vtexCategoryId: '15',
      mlCategoryId: 'MLB1276',
      listingTypeId: 'gold_special',
    },
  ]

  it('shows the saved mapping as pairs', () => {
    expect(categoriesText(saved)).toBe('12=MLB1055, 15=MLB1276')
    expect(categoriesText(undefined)).toBe('')
  })

  it('reads pairs back, upper-cases the ML id and keeps a saved category’s listing type', () => {
    expect(categoriesOf(' 12 = mlb1099 ,, 20=MLB3000, 30', saved)).toEqual([
      {
        vtexCategoryId: '12',
        mlCategoryId: 'MLB1099',
        listingTypeId: 'gold_pro',
      },
      { vtexCategoryId: '20', mlCategoryId: 'MLB3000' },
      { vtexCategoryId: '30', mlCategoryId: '' },
    ])
    expect(categoriesOf('', saved)).toEqual([])
  })
})
