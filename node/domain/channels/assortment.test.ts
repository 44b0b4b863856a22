import { skuInChannel } from './assortment'

describe('skuInChannel', () => {
  it('reads the SKU’s trade policies from the catalog answer', () => {
    const sku = { Id: 1003, SalesChannels: [1, 2, 3] }

    expect(skuInChannel(sku, '2')).toBe(true)
    expect(skuInChannel(sku, '4')).toBe(false)
  })

  it('takes the ids themselves, numbers or strings', () => {
    expect(skuInChannel([1, 4], '4')).toBe(true)
    expect(skuInChannel(['1', ' 3 '], '3')).toBe(true)
    expect(skuInChannel(['1'], '2')).toBe(false)
  })

  it('counts a SKU assigned to no trade policy as sold in every one', () => {
    expect(skuInChannel({ SalesChannels: [] }, '4')).toBe(true)
    expect(skuInChannel({}, '2')).toBe(true)
    expect(skuInChannel(null, '2')).toBe(true)
  })
})
