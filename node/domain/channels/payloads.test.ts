import { DOCKS, WAREHOUSES } from '../../test/channelFixtures'
import type { CatalogSku } from '../vtex'
import {
  productForChannel,
  sellsSku,
  stockForChannel,
  trackingForMarketplace,
} from './payloads'

const sku: CatalogSku = {
  Id: 1006,
  ProductId: 50,
  NameComplete: 'Tênis 40',
  SalesChannels: [1, 2, 3],
}

const channel = (salesChannel: string) => ({
  marketplaceId: 'm',
  affiliateId: 'MLB',
  salesChannel,
  currency: 'BRL',
})

const computed = {
  tradePolicyId: '2',
  sellingPrice: 123.09,
  listPrice: 154,
  priceValidUntil: '2027-01-01T00:00:00Z',
}

describe('productForChannel', () => {
  it('carries the trade policy’s price inside the trade policy', () => {
    const r = productForChannel(sku, channel('2'), computed)

    expect(r.payload).toMatchObject({
      skuId: '1006',
      active: true,
      price: { amount: 123.09, currency: 'BRL' },
      listPrice: { amount: 154, currency: 'BRL' },
    })
    expect(r.product.price).toEqual({ amount: 123.09, currency: 'BRL' })
    expect(r.deactivate).toBe(false)
  })

  it('is the product with active false outside it', () => {
    const r = productForChannel(sku, channel('4'), computed)

    expect(r.deactivate).toBe(true)
    expect(r.payload).toMatchObject({
      skuId: '1006',
      active: false,
      price: null,
    })
    expect(r.product.active).toBe(false)
  })

  it('is the catalog’s data as before when no trade policy is set', () => {
    const r = productForChannel(sku, channel(''), computed)

    expect(r.deactivate).toBe(false)
    expect(r.payload).toMatchObject({ active: true, price: null })
    expect(productForChannel(sku, null, computed).payload.price).toBeNull()
    expect(sellsSku(sku, channel(''))).toBe(true)
  })
})

describe('stockForChannel', () => {
  const inventory = {
    skuId: '1006',
    balance: [
      { warehouseId: '1_1', totalQuantity: 6, reservedQuantity: 1 },
      { warehouseId: 'cwb', totalQuantity: 4, reservedQuantity: 0 },
    ],
  }

  const setup = { docks: DOCKS, warehouses: WAREHOUSES }

  it('counts only the warehouses behind the trade policy’s docks', () => {
    expect(stockForChannel(inventory, setup, channel('2'))).toEqual({
      quantity: 5,
    })
    expect(stockForChannel(inventory, setup, channel('3'))).toEqual({
      quantity: 9,
    })
    expect(stockForChannel(inventory, setup, channel('4'))).toEqual({
      quantity: 4,
    })
  })

  it('is every warehouse without a trade policy, and nothing guessed without logistics', () => {
    expect(stockForChannel(inventory, null, channel(''))).toEqual({
      quantity: 9,
    })
    expect(stockForChannel(inventory, null, channel('2'))).toBeNull()
  })
})

test('addresses a tracking update with both order ids', () => {
  expect(
    trackingForMarketplace({ status: 'handling' }, 'MLB-1-01', '1')
  ).toEqual({
    status: 'handling',
    orderId: 'MLB-1-01',
    marketplaceOrderId: '1',
  })
})
