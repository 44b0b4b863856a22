import type { TrackingPayload } from '../../domain/rules'
import {
  orderItemsPage,
  orderMarketplace,
  packageReferenceId,
  shipDate,
  trackingDecision,
} from './orders'

const now = Date.parse('2026-05-04T12:00:00Z')
const order: { orderId: string; marketplaceOrderId: string | null } = {
  orderId: '1300000000000-01',
  marketplaceOrderId: '701-1000000-2000000',
}

const invoiced: TrackingPayload = {
  status: 'invoiced',
  invoice: {
    number: 'NF-000123',
    key: null,
    value: 99.9,
    issuanceDate: '2026-05-03T10:00:00Z',
    url: null,
  },
  tracking: {
    number: 'BR100001XX',
    url: 'https://rastreio.example/BR100001XX',
    courier: 'Correios',
  },
}

describe('tracking on Amazon', () => {
  it('confirms the shipment of an invoiced order with its tracking number', () => {
    expect(trackingDecision(order, invoiced, now)).toEqual({
      confirm: {
        orderId: '701-1000000-2000000',
        trackingNumber: 'BR100001XX',
        carrierName: 'Correios',
        shipDate: '2026-05-03T10:00:00.000Z',
        packageReferenceId: '123',
      },
    })
  })

  it('names the carrier by the tracking URL when VTEX has no courier name', () => {
    const d = trackingDecision(
      order,
      { ...invoiced, tracking: { ...invoiced.tracking!, courier: null } },
      now
    )

    expect('confirm' in d && d.confirm.carrierName).toBe('rastreio.example')
  })

  it('says why nothing is sent', () => {
    const outcome = (o: typeof order, u: TrackingPayload) => {
      const d = trackingDecision(o, u, now)

      return 'outcome' in d ? d.outcome : null
    }

    expect(outcome(order, { status: 'handling' })).toEqual({
      status: 'SUCCESS',
      reason: 'AMAZON_TRACKING_NOT_SENT',
      params: { status: 'handling' },
    })
    expect(outcome(order, { status: 'delivered' })?.reason).toBe(
      'AMAZON_TRACKING_NOT_SENT'
    )
    expect(outcome(order, { status: 'canceled' })).toEqual({
      status: 'ALERT',
      reason: 'AMAZON_CANCEL_IN_SELLER_CENTRAL',
      params: { orderId: '701-1000000-2000000' },
      action: 'ORDER_ACTION_REQUIRED',
    })
    expect(outcome({ ...order, marketplaceOrderId: null }, invoiced)).toEqual({
      status: 'ERROR',
      reason: 'AMAZON_ORDER_ID_MISSING',
      params: { orderId: '1300000000000-01' },
    })
    expect(
      outcome({ ...order, marketplaceOrderId: 'MLB-123' }, invoiced)?.reason
    ).toBe('AMAZON_ORDER_ID_INVALID')
    expect(
      outcome(order, {
        ...invoiced,
        tracking: { number: ' ', url: null, courier: null },
      })?.reason
    ).toBe('AMAZON_TRACKING_NUMBER_MISSING')
  })

  it('derives a positive numeric package reference from the invoice number', () => {
    expect(packageReferenceId('000045/1')).toBe('451')
    expect(packageReferenceId('NF')).toBe('1')
    expect(packageReferenceId(undefined)).toBe('1')
  })

  it('never sends a ship date in the future or unreadable', () => {
    expect(shipDate('2030-01-01T00:00:00Z', now)).toBe(
      new Date(now).toISOString()
    )
    expect(shipDate('soon', now)).toBe(new Date(now).toISOString())
    expect(shipDate('2026-05-01', now)).toBe('2026-05-01T00:00:00.000Z')
  })
})

describe('Orders API answers', () => {
  it('reads what is left to ship on a page of items, and its NextToken', () => {
    expect(
      orderItemsPage({
        payload: {
          AmazonOrderId: '701-1000000-2000000',
          NextToken: 'p2',
          OrderItems: [
            {
              ASIN: 'B1',
              OrderItemId: '1',
              QuantityOrdered: 2,
              QuantityShipped: 1,
            },
            { ASIN: 'B2', OrderItemId: '2', QuantityOrdered: 1 },
          ],
        },
      })
    ).toEqual({
      items: [
        { orderItemId: '1', unshipped: 1 },
        { orderItemId: '2', unshipped: 1 },
      ],
      nextToken: 'p2',
    })
  })

  it('refuses malformed pages', () => {
    expect(orderItemsPage({})).toBeNull()
    expect(
      orderItemsPage({ payload: { OrderItems: [{ QuantityOrdered: 1 }] } })
    ).toBeNull()
    expect(orderItemsPage('x')).toBeNull()
  })

  it("reads the order's store", () => {
    expect(
      orderMarketplace({ payload: { MarketplaceId: 'A2Q3Y263D00KWC' } })
    ).toBe('A2Q3Y263D00KWC')
    expect(orderMarketplace({ payload: {} })).toBeNull()
  })
})
