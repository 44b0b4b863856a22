import { categoryOf, channelProductOf } from './product'

describe('the product as a channel sells it', () => {
  it('takes its category from the end of VTEX’s category path', () => {
    expect(categoryOf('/3/15/')).toBe('15')
    expect(categoryOf('/59/')).toBe('59')
    expect(categoryOf('')).toBeNull()
    expect(categoryOf(undefined)).toBeNull()
  })

  it('carries the category to the marketplace (Amazon maps it to a product type)', () => {
    const product = channelProductOf({
      Id: 1012,
      ProductId: 506,
      NameComplete: 'Tênis 13',
      ProductCategoryIds: '/1/11/',
    })

    expect(product.categoryId).toBe('11')
    expect(
      channelProductOf({ Id: 1, ProductId: 2, NameComplete: 'x' }).categoryId
    ).toBeNull()
  })
})
