import { AMAZON, MARKETPLACES, ML } from '../../test/channelFixtures'
import { orderMarketplace } from './orderMarketplace'

describe('orderMarketplace', () => {
  it('finds the marketplace by the affiliate VTEX stamped on the order, with its order id', () => {
    const r = orderMarketplace(
      {
        orderId: 'MLB-2000012345678901-01',
        origin: 'Fulfillment',
        affiliateId: 'MLB',
        salesChannel: '2',
        marketplaceOrderId: '2000012345678901',
      },
      MARKETPLACES
    )

    expect(r).toEqual({
      marketplace: ML,
      marketplaceOrderId: '2000012345678901',
      matchedBy: 'affiliateId',
    })
  })

  it('compares affiliate codes without case or spaces', () => {
    const r = orderMarketplace(
      { orderId: 'x', affiliateId: ' mzn ', marketplaceOrderId: '' },
      MARKETPLACES
    )

    expect(r).toEqual({
      marketplace: AMAZON,
      marketplaceOrderId: null,
      matchedBy: 'affiliateId',
    })
  })

  it('never hands an order of an unserved affiliate to a marketplace sharing its trade policy', () => {
    const r = orderMarketplace(
      {
        orderId: 'CNT-1-01',
        origin: 'Fulfillment',
        affiliateId: 'CNT',
        salesChannel: '2',
        marketplaceOrderId: '1',
      },
      MARKETPLACES
    )

    expect(r).toEqual({ marketplace: null, reason: 'UNKNOWN_AFFILIATE' })
  })

  it('treats an order closed in the store’s own checkout as its own channel', () => {
    expect(
      orderMarketplace(
        {
          orderId: '1300000000000-01',
          origin: 'Marketplace',
          affiliateId: '',
          salesChannel: '1',
          marketplaceOrderId: '',
          marketplace: null,
        },
        MARKETPLACES
      )
    ).toEqual({ marketplace: null, reason: 'OWN_CHANNEL' })
    // Same trade policy as Mercado Livre, but closed in the store's checkout.
    expect(
      orderMarketplace(
        { orderId: 'y', origin: 'Marketplace', salesChannel: '2' },
        MARKETPLACES
      )
    ).toEqual({ marketplace: null, reason: 'OWN_CHANNEL' })
    expect(orderMarketplace({ orderId: 'z' }, MARKETPLACES)).toEqual({
      marketplace: null,
      reason: 'OWN_CHANNEL',
    })
  })

  it('matches an order placed by another store without affiliate by its trade policy', () => {
    expect(
      orderMarketplace(
        {
          orderId: 'a',
          origin: 'Fulfillment',
          salesChannel: '3',
          marketplaceOrderId: '702-1234567-1234567',
        },
        MARKETPLACES
      )
    ).toEqual({
      marketplace: AMAZON,
      marketplaceOrderId: '702-1234567-1234567',
      matchedBy: 'salesChannel',
    })
    expect(
      orderMarketplace(
        { orderId: 'b', origin: 'Chain', salesChannel: '7' },
        MARKETPLACES
      )
    ).toEqual({ marketplace: null, reason: 'UNKNOWN_SALES_CHANNEL' })
  })

  it('breaks a shared trade policy with the order’s marketplace name, or does not guess', () => {
    const shared = [ML, { ...AMAZON, salesChannel: '2' }]
    const order = {
      orderId: 'c',
      origin: 'Fulfillment',
      salesChannel: '2',
      marketplaceOrderId: '42',
    }

    expect(
      orderMarketplace({ ...order, marketplace: { name: 'AMAZON' } }, shared)
    ).toEqual({
      marketplace: shared[1],
      marketplaceOrderId: '42',
      matchedBy: 'marketplaceName',
    })
    expect(
      orderMarketplace({ ...order, marketplace: { name: 'Shopee' } }, shared)
    ).toEqual({ marketplace: null, reason: 'AMBIGUOUS_SALES_CHANNEL' })
  })
})
