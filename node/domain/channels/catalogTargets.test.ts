import { MARKETPLACES } from '../../test/channelFixtures'
import type { BroadcasterNotification } from '../vtex'
import { catalogChangeTargets } from './catalogTargets'

const note = (
  flags: Partial<BroadcasterNotification>
): BroadcasterNotification => ({ IdSku: '1003', IsActive: true, ...flags })

// Mercado Livre = trade policy 2, Amazon = 3, Magalu = 4 (no prices).
describe('catalogChangeTargets', () => {
  it('sends a SKU outside a trade policy nothing there', () => {
    const r = catalogChangeTargets(
      note({ StockModified: true, HasStockKeepingUnitModified: true }),
      MARKETPLACES,
      { skuChannels: { SalesChannels: [1, 2, 3] }, listedOn: [] }
    )

    expect(r.targets).toEqual([
      {
        marketplaceId: 'mercadolivre',
        tab: 'PRODUCTS',
        operation: 'PRODUCT',
        stockOnly: false,
        reason: 'CHANGED',
      },
      {
        marketplaceId: 'mercadolivre',
        tab: 'INVENTORY',
        operation: 'STOCK',
        stockOnly: false,
        reason: 'CHANGED',
      },
      {
        marketplaceId: 'amazon',
        tab: 'PRODUCTS',
        operation: 'PRODUCT',
        stockOnly: false,
        reason: 'CHANGED',
      },
      {
        marketplaceId: 'amazon',
        tab: 'INVENTORY',
        operation: 'STOCK',
        stockOnly: false,
        reason: 'CHANGED',
      },
    ])
    expect(r.skipped).toEqual([
      { marketplaceId: 'magalu', reason: 'NOT_IN_TRADE_POLICY' },
    ])
  })

  it('deactivates a SKU removed from an affiliate where it was listed', () => {
    const r = catalogChangeTargets(
      note({ HasStockKeepingUnitRemovedFromAffiliate: true }),
      MARKETPLACES,
      // Left Amazon's trade policy (3); listed on Mercado Livre and Amazon.
      { skuChannels: [1, 2], listedOn: ['mercadolivre', 'amazon'] }
    )

    expect(r.targets).toEqual([
      {
        marketplaceId: 'amazon',
        tab: 'PRODUCTS',
        operation: 'DEACTIVATE',
        stockOnly: false,
        reason: 'LEFT_TRADE_POLICY',
      },
    ])
    // Still in Mercado Livre's policy: the removal concerned another affiliate.
    expect(r.skipped).toEqual([
      { marketplaceId: 'mercadolivre', reason: 'NOTHING_TO_SEND' },
      { marketplaceId: 'magalu', reason: 'NOT_IN_TRADE_POLICY' },
    ])
  })

  it('deactivates on any notification once the catalog shows the SKU left the policy', () => {
    const r = catalogChangeTargets(
      note({ StockModified: true }),
      MARKETPLACES,
      { skuChannels: [1, 2, 3], listedOn: ['magalu'] }
    )

    expect(r.targets.map((t) => `${t.marketplaceId}:${t.operation}`)).toEqual([
      'mercadolivre:STOCK',
      'amazon:STOCK',
      'magalu:DEACTIVATE',
    ])
    expect(r.targets[0].stockOnly).toBe(true)
  })

  it('sends a price change as PRICE only where the marketplace takes prices', () => {
    const r = catalogChangeTargets(
      note({ PriceModified: true }),
      MARKETPLACES,
      { skuChannels: [], listedOn: [] }
    )

    expect(r.targets.map((t) => `${t.marketplaceId}:${t.operation}`)).toEqual([
      'mercadolivre:PRICE',
      'amazon:PRICE',
    ])
    expect(r.skipped).toEqual([
      { marketplaceId: 'magalu', reason: 'NOTHING_TO_SEND' },
    ])
  })

  it('deactivates an inactive SKU where listed and nowhere else', () => {
    const r = catalogChangeTargets(
      note({ IsActive: false, HasStockKeepingUnitModified: true }),
      MARKETPLACES,
      { skuChannels: [2, 3, 4], listedOn: ['amazon'] }
    )

    expect(r.targets).toEqual([
      {
        marketplaceId: 'amazon',
        tab: 'PRODUCTS',
        operation: 'DEACTIVATE',
        stockOnly: false,
        reason: 'INACTIVE',
      },
    ])
    expect(r.skipped.map((s) => s.reason)).toEqual(['NOT_LISTED', 'NOT_LISTED'])
  })

  it('honours each marketplace’s tabs, and targets all when the SKU is unknown', () => {
    const r = catalogChangeTargets(
      note({ StockModified: true }),
      [{ ...MARKETPLACES[0], tabs: { INVENTORY: false } }, MARKETPLACES[1]],
      { skuChannels: null, listedOn: [] }
    )

    expect(r.targets.map((t) => t.marketplaceId)).toEqual(['amazon'])
    expect(r.skipped).toEqual([
      { marketplaceId: 'mercadolivre', reason: 'NOTHING_TO_SEND' },
    ])
  })
})
