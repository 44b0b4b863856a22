import type { Listing, Operation } from '../marketplaces/adapter'
import { skuOf, withListing } from './listingOperation'

const listing = (listingId: string): Listing => ({
  marketplaceId: 'mercadolivre',
  skuId: '1001',
  listingId,
})

const stock: Operation = {
  type: 'STOCK',
  skuId: '1001',
  quantity: 3,
  listing: null,
}

describe('the operation with its listing', () => {
  it("fills the SKU's oldest mapping; leaves one already set, and tracking, alone", () => {
    expect(withListing(stock, [listing('MLB1'), listing('MLB2')])).toEqual({
      ...stock,
      listing: listing('MLB1'),
    })
    expect(withListing(stock, [])).toEqual(stock)
    const set = { ...stock, listing: listing('MLB9') }

    expect(withListing(set, [listing('MLB1')])).toBe(set)
    const tracking: Operation = {
      type: 'TRACKING',
      order: { orderId: '1-01', marketplaceOrderId: '200' },
      update: { status: 'invoiced' } as never,
    }

    expect(withListing(tracking, [listing('MLB1')])).toBe(tracking)
    expect(skuOf(tracking)).toBeNull()
    expect(skuOf(stock)).toBe('1001')
    expect(skuOf({ type: 'DEACTIVATE', skuId: '7', listing: null })).toBe('7')
  })
})
