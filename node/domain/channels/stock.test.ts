import { DOCKS, WAREHOUSES } from '../../test/channelFixtures'
import type { InventoryBalance } from '../vtex'
import { channelStock, stockOperation, UNLIMITED_STOCK } from './stock'

const inventory = (
  ...balance: InventoryBalance['balance']
): InventoryBalance => ({ skuId: '1003', balance })

const principal = (total: number, reserved = 0) => ({
  warehouseId: '1_1',
  totalQuantity: total,
  reservedQuantity: reserved,
})

const curitiba = (total: number, reserved = 0, unlimited = false) => ({
  warehouseId: 'cwb',
  totalQuantity: total,
  reservedQuantity: reserved,
  hasUnlimitedQuantity: unlimited,
})

describe('channelStock', () => {
  const inv = inventory(principal(12, 2), curitiba(7, 3), {
    warehouseId: 'old',
    totalQuantity: 50,
    reservedQuantity: 0,
  })

  it('gives two trade policies two figures for one SKU', () => {
    // Mercado Livre (2) ships only through dock 1_1 → Principal: 12 − 2.
    expect(channelStock(inv, DOCKS, WAREHOUSES, '2')).toEqual({
      quantity: 10,
      unlimited: false,
      warehouseIds: ['1_1'],
    })
    // Magalu (4) ships only through dock 2_1 → Curitiba: 7 − 3.
    expect(channelStock(inv, DOCKS, WAREHOUSES, '4').quantity).toBe(4)
    // Amazon (3) reaches both: 10 + 4.
    expect(channelStock(inv, DOCKS, WAREHOUSES, '3').quantity).toBe(14)
  })

  it('counts a dock’s main trade policy and ignores inactive docks and warehouses', () => {
    // The site (1) is dock 2_1's main trade policy and in dock 1_1's list.
    expect(channelStock(inv, DOCKS, WAREHOUSES, '1').quantity).toBe(14)
    // Dock 9_1 serves 2 but is inactive: "Antigo"'s 50 units never count.
    expect(channelStock(inv, DOCKS, WAREHOUSES, '2').warehouseIds).toEqual([
      '1_1',
    ])
    const closed = WAREHOUSES.map((w) =>
      w.id === 'cwb' ? { ...w, isActive: false } : w
    )

    expect(channelStock(inv, DOCKS, closed, '4').quantity).toBe(0)
  })

  it('never counts more reserved than total', () => {
    expect(
      channelStock(inventory(principal(2, 5)), DOCKS, WAREHOUSES, '2').quantity
    ).toBe(0)
  })

  it('honours unlimited quantity with the documented cap', () => {
    const inv2 = inventory(principal(3), curitiba(0, 0, true))

    expect(channelStock(inv2, DOCKS, WAREHOUSES, '4')).toEqual({
      quantity: UNLIMITED_STOCK,
      unlimited: true,
      warehouseIds: ['cwb'],
    })
    expect(channelStock(inv2, DOCKS, WAREHOUSES, '2')).toEqual({
      quantity: 3,
      unlimited: false,
      warehouseIds: ['1_1'],
    })
    expect(
      channelStock(
        inventory(principal(12000), curitiba(0, 0, true)),
        DOCKS,
        WAREHOUSES,
        '3'
      ).quantity
    ).toBe(12000)
  })

  it('is zero for a trade policy no dock serves', () => {
    expect(channelStock(inv, DOCKS, WAREHOUSES, '8')).toEqual({
      quantity: 0,
      unlimited: false,
      warehouseIds: [],
    })
  })
})

describe('stockOperation', () => {
  const stock = (quantity: number) => ({
    quantity,
    unlimited: false,
    warehouseIds: ['1_1'],
  })

  it('applies the ≤ 5 rule to each marketplace’s own balance', () => {
    // One SKU, one stock-only change: 16→60 on one marketplace, 3→4 on another.
    expect(stockOperation('1003', stock(60), 16, true, null)).toEqual({
      skip: 'stock 16→60 is above the 5-unit rule',
    })
    expect(stockOperation('1003', stock(4), 3, true, null)).toEqual({
      type: 'STOCK',
      skuId: '1003',
      quantity: 4,
      listing: null,
    })
    expect(stockOperation('1003', stock(2), 15, true, null)).toMatchObject({
      quantity: 2,
    })
    expect(stockOperation('1003', stock(23), null, true, null)).toMatchObject({
      quantity: 23,
    })
  })

  it('sends any balance when the change is not stock-only, with the listing', () => {
    const listing = {
      marketplaceId: 'mercadolivre',
      skuId: '1003',
      listingId: 'MLB123',
      variationId: '77',
    }

    expect(stockOperation('1003', stock(60), 16, false, listing)).toEqual({
      type: 'STOCK',
      skuId: '1003',
      quantity: 60,
      listing,
    })
  })
})
