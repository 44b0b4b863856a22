import { channelPrice } from './price'

const computed = (sellingPrice: number, listPrice: number) => ({
  tradePolicyId: '2',
  sellingPrice,
  listPrice,
  costPrice: 50,
  priceValidUntil: '2027-11-23T00:00:00Z',
})

describe('channelPrice', () => {
  it('sends the trade policy’s selling price and its higher list price in its currency', () => {
    expect(channelPrice(computed(129.9, 150), 'brl')).toEqual({
      price: { amount: 129.9, currency: 'BRL' },
      listPrice: { amount: 150, currency: 'BRL' },
    })
  })

  it('drops a list price that is not above the price', () => {
    expect(channelPrice(computed(150, 150), 'BRL')?.listPrice).toBeNull()
    expect(channelPrice(computed(150, 0), 'BRL')?.listPrice).toBeNull()
  })

  it('rounds to cents', () => {
    expect(channelPrice(computed(18.899999, 30), 'BRL')?.price.amount).toBe(
      18.9
    )
  })

  it('is null when Pricing has no price for the table', () => {
    expect(channelPrice(null, 'BRL')).toBeNull()
    expect(channelPrice(computed(0, 30), 'BRL')).toBeNull()
  })
})
