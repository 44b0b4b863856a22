import { marketplace, soldOn } from '../../test/fakes'
import type { BridgeSettings } from '../settings'
import { parseSettings } from '../settings'
import { orderGoesTo, orderTarget } from './orderTarget'
import { channelOf } from './settingsChannel'

const settings = (
  marketplaces: BridgeSettings['marketplaces']
): BridgeSettings => ({ ...parseSettings({}), marketplaces })

const three = settings([
  marketplace('mercadolivre'),
  marketplace('amazon'),
  marketplace('magalu'),
])

describe('orderTarget', () => {
  it('names the marketplace the order was sold on, with its order id', () => {
    expect(
      orderTarget(
        { orderId: 'MLB-1-01', ...soldOn('mercadolivre', '2000012353605820') },
        three
      )
    ).toEqual({
      marketplaceId: 'mercadolivre',
      marketplaceOrderId: '2000012353605820',
    })
  })

  it('names none for the store’s own site and for an affiliate no marketplace uses', () => {
    expect(orderTarget({ orderId: 's', ...soldOn('site') }, three)).toEqual({
      marketplaceId: null,
      reason: 'OWN_CHANNEL',
    })
    expect(
      orderTarget(
        {
          orderId: 'x',
          origin: 'Fulfillment',
          affiliateId: 'CNT',
          salesChannel: '2',
        },
        three
      )
    ).toEqual({ marketplaceId: null, reason: 'UNKNOWN_AFFILIATE' })
  })

  it('leaves out marketplaces without an affiliate: an order cannot be attributed to them', () => {
    const s = settings([
      marketplace('mercadolivre', {}, { affiliateId: '', salesChannel: '2' }),
    ])

    expect(orderTarget({ orderId: 'a', ...soldOn('mercadolivre') }, s)).toEqual(
      { marketplaceId: null, reason: 'UNKNOWN_AFFILIATE' }
    )
    expect(
      orderTarget(
        {
          orderId: 'b',
          origin: 'Fulfillment',
          affiliateId: '',
          salesChannel: '2',
        },
        s
      )
    ).toEqual({ marketplaceId: null, reason: 'UNKNOWN_SALES_CHANNEL' })
  })

  it('does not hand an order to a marketplace sharing the trade policy when its own has Tracking off', () => {
    const s = settings([
      marketplace('mercadolivre', { TRACKING: false }),
      marketplace('outro', {}, { affiliateId: 'OUT', salesChannel: '2' }),
    ])

    const order = {
      orderId: 'c',
      origin: 'Fulfillment',
      affiliateId: '',
      salesChannel: '2',
      marketplace: { name: 'Mercadolivre' },
    }

    expect(orderTarget(order, s)).toEqual({
      marketplaceId: null,
      reason: 'TRACKING_OFF',
    })
    expect(orderGoesTo(order, s, 'outro')).toBe(false)
  })
})

describe('channelOf', () => {
  it('reads affiliate, trade policy, price table and currency from one marketplace’s settings', () => {
    expect(
      channelOf(
        marketplace(
          'amazon',
          { INVENTORY: false },
          {
            affiliateId: ' mzn ',
            salesChannel: '3',
            priceTable: 'amz',
            currency: 'brl',
          }
        )
      )
    ).toMatchObject({
      marketplaceId: 'amazon',
      affiliateId: 'MZN',
      salesChannel: '3',
      priceTable: 'amz',
      currency: 'BRL',
      tabs: { PRODUCTS: true, INVENTORY: false },
      tracking: true,
    })
  })

  it('reads a marketplace saved before channels as having none (and BRL until the currency is saved)', () => {
    expect(
      channelOf(
        marketplace('outro', {}, { affiliateId: null, salesChannel: null })
      )
    ).toMatchObject({
      affiliateId: '',
      salesChannel: '',
      priceTable: null,
      currency: 'BRL',
    })
  })
})
