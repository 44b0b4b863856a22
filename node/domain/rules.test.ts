import {
  inventoryPayload,
  isAbnormal,
  isTrackingRegression,
  lastAcceptedQuantity,
  productPayload,
  shouldExportStock,
  tabsForCatalogChange,
  trackingUpdate,
} from './rules'
import type { OmsOrder } from './vtex'

describe('inventory: stock-only changes and the 5-unit rule (inventory-interface.md)', () => {
  it.each([
    [16, 60, false],
    [0, 23, true],
    [15, 2, true],
    [5, 40, true],
    [6, 6, false],
    [40, 5, true],
    [6, 7, false],
  ])('%i → %i exported: %p', (before, after, expected) => {
    expect(shouldExportStock(before, after)).toBe(expected)
  })

  it('exports when nothing was exported before', () => {
    expect(shouldExportStock(null, 60)).toBe(true)
  })

  it('reads the balance a marketplace last accepted from its log, unknown when it is not a balance', () => {
    expect(lastAcceptedQuantity({ lastAccepted: { quantity: 16 } })).toBe(16)
    expect(lastAcceptedQuantity({ lastAccepted: { quantity: 0 } })).toBe(0)
    expect(lastAcceptedQuantity({ lastAccepted: null })).toBeNull()
    expect(lastAcceptedQuantity(null)).toBeNull()
    expect(
      lastAcceptedQuantity({ lastAccepted: { quantity: '16' } })
    ).toBeNull()
    expect(
      lastAcceptedQuantity({ lastAccepted: { status: 'invoiced' } })
    ).toBeNull()
  })

  it('tells stock-only changes from product changes', () => {
    expect(tabsForCatalogChange({ IdSku: 1, StockModified: true })).toEqual({
      products: false,
      inventory: true,
      stockOnly: true,
    })
    expect(
      tabsForCatalogChange({
        IdSku: 1,
        StockModified: true,
        PriceModified: true,
      })
    ).toEqual({ products: true, inventory: true, stockOnly: false })
    expect(
      tabsForCatalogChange({ IdSku: 1, HasStockKeepingUnitModified: true })
    ).toEqual({ products: true, inventory: false, stockOnly: false })
    expect(tabsForCatalogChange({ IdSku: 1, IsActive: false })).toMatchObject({
      products: true,
    })
  })

  it('counts units available: total minus reserved, over warehouses', () => {
    expect(
      inventoryPayload({
        skuId: '1',
        balance: [
          { warehouseId: 'a', totalQuantity: 10, reservedQuantity: 8 },
          { warehouseId: 'b', totalQuantity: 3, reservedQuantity: 5 },
        ],
      })
    ).toEqual({ quantity: 2 })
  })
})

describe('abnormal latency: more than 1 hour from change to marketplace', () => {
  const change = '2026-11-20T10:00:00.000Z'

  it('is normal at exactly one hour', () =>
    expect(isAbnormal(change, '2026-11-20T11:00:00.000Z')).toBe(false))
  it('is abnormal one second later', () =>
    expect(isAbnormal(change, '2026-11-20T11:00:01.000Z')).toBe(true))
  it('is unknown without a change time', () =>
    expect(isAbnormal(null, '2026-11-20T11:00:01.000Z')).toBe(false))
})

describe('products', () => {
  it('sends name, EAN, brand and the SKU ids', () => {
    expect(
      productPayload({
        Id: 10,
        ProductId: 2,
        NameComplete: 'Tênis Corrida 42',
        BrandName: 'Marca',
        AlternateIds: { Ean: '7890000000012', RefId: 'T-42' },
      })
    ).toEqual({
      skuId: '10',
      productId: '2',
      name: 'Tênis Corrida 42',
      ean: '7890000000012',
      refId: 'T-42',
      brand: 'Marca',
      imageUrl: null,
      active: true,
      // No channel price here (channels/payloads.ts adds the trade policy's).
      price: null,
      listPrice: null,
    })
  })
})

describe('tracking: up to Invoiced (tracking-interface.md)', () => {
  const order = (
    status: string,
    packages: OmsOrder['packageAttachment'] = null
  ): OmsOrder => ({ orderId: 'o-1', status, packageAttachment: packages })

  it.each([
    ['payment-approved', 'payment-approved'],
    ['ready-for-handling', 'handling'],
    ['handling', 'handling'],
    ['canceled', 'canceled'],
  ])('sends %s as %s', (vtex, sent) => {
    expect(trackingUpdate(order(vtex))).toEqual({ send: { status: sent } })
  })

  it.each([
    'order-created',
    'payment-pending',
    'window-to-cancel',
    'shipped',
    'delivered',
  ])('never sends %s', (status) => {
    expect(trackingUpdate(order(status))).toHaveProperty('skip')
  })

  it('sends Invoiced with the invoice and the tracking data', () => {
    const invoiced = order('invoiced', {
      packages: [
        {
          type: 'Output',
          invoiceNumber: '40012',
          invoiceKey: '35261100000000000000550010000400121',
          invoiceValue: 19990,
          issuanceDate: '2026-11-20T12:00:00Z',
          trackingNumber: 'BR100XX',
          trackingUrl: 'https://track/BR100XX',
          courier: 'Correios',
        },
      ],
    })

    expect(trackingUpdate(invoiced)).toEqual({
      send: {
        status: 'invoiced',
        invoice: {
          number: '40012',
          key: '35261100000000000000550010000400121',
          value: 19990,
          issuanceDate: '2026-11-20T12:00:00Z',
          url: null,
        },
        tracking: {
          number: 'BR100XX',
          url: 'https://track/BR100XX',
          courier: 'Correios',
        },
      },
    })
  })

  it('refuses Invoiced without an invoice in OMS', () => {
    expect(trackingUpdate(order('invoiced', { packages: [] }))).toEqual({
      invalid: 'Order o-1 is invoiced but OMS has no invoice for it',
    })
  })

  it('does not send a status older than the one already accepted', () => {
    expect(
      isTrackingRegression({ status: 'invoiced' }, { status: 'handling' })
    ).toBe(true)
    expect(
      isTrackingRegression({ status: 'handling' }, { status: 'invoiced' })
    ).toBe(false)
    expect(
      isTrackingRegression({ status: 'canceled' }, { status: 'invoiced' })
    ).toBe(true)
    expect(isTrackingRegression(null, { status: 'handling' })).toBe(false)
  })
})
