import type { BridgeSettings } from '../domain/settings'
import { parseSettings } from '../domain/settings'
import { marketplace, setup, soldOn } from '../test/fakes'

/**
 * The queue wired to the channels (issue 11): orders go to the marketplace
 * they were sold on, SKUs, stock and prices per trade policy. Numbers of
 * docs/channels.md.
 */
const t0 = Date.parse('2026-11-20T10:00:00.000Z')
const iso = (ms: number) => new Date(ms).toISOString()

const settingsWith = (
  marketplaces: BridgeSettings['marketplaces']
): BridgeSettings => ({ ...parseSettings({}), marketplaces })

const all = settingsWith([
  marketplace('mercadolivre'),
  marketplace('amazon'),
  marketplace('magalu'),
])

const handling = (orderId: string, origin: Record<string, unknown>) => ({
  orderId,
  status: 'handling',
  ...origin,
})

const statusChange = (orderId: string, at = t0) => ({
  orderId,
  currentState: 'handling',
  currentChangeDate: iso(at),
})

describe('orders go home', () => {
  it('sends an order sold on Mercado Livre to Mercado Livre only, under its order id; the log keeps both ids', async () => {
    const env = setup(all, t0)
    const id = 'MLB-2000012353605820-01'

    env.vtex.orders.set(
      id,
      handling(id, soldOn('mercadolivre', '2000012353605820'))
    )
    expect(await env.queue.onOrderStatus(statusChange(id))).toEqual(['done'])
    expect(env.markets.requests.map((r) => r.marketplace)).toEqual([
      'mercadolivre',
    ])
    expect(env.markets.accepted[0]).toEqual({
      marketplace: 'mercadolivre',
      url: 'https://mercadolivre.example/api/orders/2000012353605820/tracking',
      body: {
        status: 'handling',
        orderId: id,
        marketplaceOrderId: '2000012353605820',
      },
    })
    const log = await env.logs.get(`TRACKING:mercadolivre:${id}`)

    expect(log).toMatchObject({
      status: 'SUCCESS',
      entityId: id,
      marketplaceOrderId: '2000012353605820',
    })
    expect(await env.logs.get(`TRACKING:amazon:${id}`)).toBeNull()
    expect(await env.logs.get(`TRACKING:magalu:${id}`)).toBeNull()
  })

  it('finds the log by either id, the whole id or its start', async () => {
    const env = setup(all, t0)
    const id = 'MZN-702-0000001-0104729-01'

    env.vtex.orders.set(
      id,
      handling(id, soldOn('amazon', '702-0000001-0104729'))
    )
    await env.queue.onOrderStatus(statusChange(id))

    for (const search of [id, 'MZN-702', '702-0000001-0104729', '702-00']) {
      const page = await env.logs.list({ tab: 'TRACKING', first: 10, search })

      expect(page.data.map((l) => l.id)).toEqual([`TRACKING:amazon:${id}`])
    }
  })

  it('sends an order of the store’s own site nowhere, and writes no log', async () => {
    const env = setup(all, t0)

    env.vtex.orders.set(
      '1400000015838-01',
      handling('1400000015838-01', soldOn('site'))
    )
    expect(
      await env.queue.onOrderStatus(statusChange('1400000015838-01'))
    ).toEqual([])
    expect(env.markets.requests).toEqual([])
    expect(env.dispatcher.sent).toEqual([])
    expect((await env.logs.list({ tab: 'TRACKING', first: 10 })).data).toEqual(
      []
    )
  })

  it('never attributes an order to a marketplace without an affiliate, nor to one whose Tracking is off', async () => {
    const noAffiliate = settingsWith([
      marketplace('mercadolivre', {}, { affiliateId: null, salesChannel: '2' }),
      marketplace('amazon', { TRACKING: false }),
    ])

    const env = setup(noAffiliate, t0)

    env.vtex.orders.set('a', handling('a', soldOn('mercadolivre')))
    env.vtex.orders.set('b', handling('b', soldOn('amazon')))
    // Placed by another store without an affiliate: matched by trade policy only among marketplaces with an affiliate.
    env.vtex.orders.set(
      'c',
      handling('c', {
        origin: 'Fulfillment',
        affiliateId: '',
        salesChannel: '2',
      })
    )

    for (const id of ['a', 'b', 'c'])
      expect(await env.queue.onOrderStatus(statusChange(id))).toEqual([])
    expect(env.markets.requests).toEqual([])
  })

  it('refuses to reprocess an older log on a marketplace that did not sell the order, saying where it was sold', async () => {
    const env = setup(all, t0)
    const id = 'MGL-LU-80000000006151-01'

    env.vtex.orders.set(id, handling(id, soldOn('magalu', 'LU-80000000006151')))
    // A log written before the bridge knew where orders come from.
    await env.logs.update(
      { tab: 'TRACKING', marketplace: 'amazon', entityId: id },
      (cur) => ({
        ...(cur ?? {
          id: `TRACKING:amazon:${id}`,
          tab: 'TRACKING',
          marketplace: 'amazon',
          entityId: id,
          createdAt: iso(t0),
          changedAt: iso(t0),
          attempts: 1,
          history: [],
          jobId: null,
          queuedAt: null,
          lastAccepted: null,
          latencyMs: null,
          abnormal: false,
          origin: null,
          payload: { status: 'handling' },
        }),
        status: 'ERROR',
        message: 'Amazon answered HTTP 404: unknown order',
        processedAt: iso(t0),
      })
    )
    await env.queue.reprocess([`TRACKING:amazon:${id}`])
    await env.drain()
    const log = await env.logs.get(`TRACKING:amazon:${id}`)

    expect(log?.status).toBe('ERROR')
    expect(log?.message).toBe(
      `Order ${id} was not sold on Amazon (it was sold on magalu): nothing is sent there.`
    )
    expect(env.markets.requests).toEqual([])
  })
})

describe('products, stock and price per trade policy', () => {
  const sku = (id: number, SalesChannels: number[]) => ({
    Id: id,
    ProductId: 50,
    NameComplete: `Produto ${id}`,
    AlternateIds: { Ean: '7890000000017' },
    SalesChannels,
  })

  it('never sends a SKU outside a marketplace’s trade policy there: product, price or stock', async () => {
    const env = setup(all, t0)

    // In the site, Mercado Livre and Amazon; not in Magalu's trade policy 4.
    env.vtex.skus.set('1006', sku(1006, [1, 2, 3]))
    env.vtex.stock.set('1006', 3)
    await env.queue.onCatalogChange({
      IdSku: 1006,
      HasStockKeepingUnitModified: true,
      StockModified: true,
      DateModified: iso(t0),
    })
    await env.queue.onCatalogChange({
      IdSku: 1006,
      PriceModified: true,
      DateModified: iso(t0 + 1000),
    })
    const to = env.markets.requests.map((r) => r.marketplace)

    expect(to).not.toContain('magalu')
    expect(new Set(to)).toEqual(new Set(['mercadolivre', 'amazon']))
    expect(await env.logs.get('PRODUCTS:magalu:1006')).toBeNull()
    expect(await env.logs.get('INVENTORY:magalu:1006')).toBeNull()
  })

  it('deactivates a SKU that leaves a trade policy where it was listed, and logs it; nowhere else', async () => {
    const env = setup(all, t0)

    env.vtex.skus.set('1012', sku(1012, [1, 2, 3, 4]))
    await env.queue.onCatalogChange({
      IdSku: 1012,
      HasStockKeepingUnitModified: true,
      DateModified: iso(t0),
    })
    expect(env.markets.accepted).toHaveLength(3)

    env.vtex.skus.set('1012', sku(1012, [1, 2, 3]))
    const before = env.markets.accepted.length

    expect(
      await env.queue.onCatalogChange({
        IdSku: 1012,
        HasStockKeepingUnitRemovedFromAffiliate: true,
        DateModified: iso(t0 + 1000),
      })
    ).toEqual(['done'])
    const sent = env.markets.accepted.slice(before)

    expect(sent).toEqual([
      {
        marketplace: 'magalu',
        url: 'https://magalu.example/api/products/1012',
        body: expect.objectContaining({ skuId: '1012', active: false }),
      },
    ])
    expect(await env.logs.get('PRODUCTS:magalu:1012')).toMatchObject({
      status: 'SUCCESS',
      lastAccepted: { active: false },
    })

    // The next change of the SKU sends Magalu nothing more.
    await env.queue.onCatalogChange({
      IdSku: 1012,
      HasStockKeepingUnitModified: true,
      StockModified: true,
      DateModified: iso(t0 + 2000),
    })
    expect(
      env.markets.requests.slice(before + 1).map((r) => r.marketplace)
    ).not.toContain('magalu')
  })

  it('sends each marketplace the stock of the warehouses behind its trade policy’s docks', async () => {
    const env = setup(all, t0)

    env.vtex.setup = {
      docks: [
        {
          id: '1_1',
          name: 'CD São Paulo',
          salesChannels: ['1', '2', '3', '4'],
        },
        { id: '2_1', name: 'Loja Curitiba', salesChannels: ['1', '4'] },
      ],
      warehouses: [
        { id: '1_1', name: 'Principal', warehouseDocks: [{ dockId: '1_1' }] },
        { id: 'cwb', name: 'Curitiba', warehouseDocks: [{ dockId: '2_1' }] },
      ],
    }
    env.vtex.skus.set('1012', sku(1012, [1, 2, 3, 4]))
    env.vtex.balances.set('1012', [
      { warehouseId: '1_1', totalQuantity: 6, reservedQuantity: 1 },
      { warehouseId: 'cwb', totalQuantity: 4, reservedQuantity: 0 },
    ])
    await env.queue.onCatalogChange({
      IdSku: 1012,
      StockModified: true,
      DateModified: iso(t0),
    })
    const got = Object.fromEntries(
      env.markets.accepted.map((a) => [a.marketplace, a.body])
    )

    expect(got).toEqual({
      mercadolivre: { quantity: 5 },
      amazon: { quantity: 5 },
      magalu: { quantity: 9 },
    })
  })

  it('applies the ≤ 5 rule to each marketplace’s own last balance', async () => {
    const env = setup(all, t0)

    env.vtex.setup = {
      docks: [
        { id: '1_1', name: 'CD', salesChannels: ['2', '3', '4'] },
        { id: '2_1', name: 'Loja', salesChannels: ['4'] },
      ],
      warehouses: [
        { id: '1_1', name: 'Principal', warehouseDocks: [{ dockId: '1_1' }] },
        { id: 'cwb', name: 'Curitiba', warehouseDocks: [{ dockId: '2_1' }] },
      ],
    }
    env.vtex.skus.set('1012', sku(1012, [2, 4]))
    const balance = (principal: number, curitiba: number) =>
      env.vtex.balances.set('1012', [
        { warehouseId: '1_1', totalQuantity: principal, reservedQuantity: 0 },
        { warehouseId: 'cwb', totalQuantity: curitiba, reservedQuantity: 0 },
      ])

    // Mercado Livre 3, Magalu 23 (Amazon's trade policy 3 lacks the SKU).
    balance(3, 20)
    await env.queue.onCatalogChange({
      IdSku: 1012,
      StockModified: true,
      DateModified: iso(t0),
    })
    // Mercado Livre 3→40 is sent (its balance was ≤ 5); Magalu 23→60 is not.
    balance(40, 20)
    const before = env.markets.accepted.length

    await env.queue.onCatalogChange({
      IdSku: 1012,
      StockModified: true,
      DateModified: iso(t0 + 1000),
    })
    expect(env.markets.accepted.slice(before)).toEqual([
      {
        marketplace: 'mercadolivre',
        url: 'https://mercadolivre.example/api/inventory/1012',
        body: { quantity: 40 },
      },
    ])
  })

  it('sends a price change with the trade policy’s price to each marketplace', async () => {
    const env = setup(all, t0)

    env.vtex.skus.set('1006', sku(1006, [1, 2, 3]))
    env.vtex.prices.set('1006:2', {
      tradePolicyId: '2',
      sellingPrice: 123.09,
      listPrice: 154,
      priceValidUntil: '2027-01-01T00:00:00Z',
    })
    env.vtex.prices.set('1006:3', {
      tradePolicyId: '3',
      sellingPrice: 126.39,
      listPrice: 126,
      priceValidUntil: '2027-01-01T00:00:00Z',
    })
    await env.queue.onCatalogChange({
      IdSku: 1006,
      PriceModified: true,
      DateModified: iso(t0),
    })
    const got = Object.fromEntries(
      env.markets.accepted.map((a) => [
        a.marketplace,
        {
          price: (a.body as { price: unknown }).price,
          listPrice: (a.body as { listPrice: unknown }).listPrice,
        },
      ])
    )

    expect(got).toEqual({
      mercadolivre: {
        price: { amount: 123.09, currency: 'BRL' },
        listPrice: { amount: 154, currency: 'BRL' },
      },
      amazon: { price: { amount: 126.39, currency: 'BRL' }, listPrice: null },
    })
  })

  it('keeps sending every SKU and the whole balance to a marketplace whose trade policy is not set yet', async () => {
    const legacy = settingsWith([
      marketplace('outro', {}, { affiliateId: null, salesChannel: null }),
    ])

    const env = setup(legacy, t0)

    env.vtex.skus.set('1006', sku(1006, [1]))
    env.vtex.balances.set('1006', [
      { warehouseId: '1_1', totalQuantity: 2, reservedQuantity: 0 },
      { warehouseId: 'cwb', totalQuantity: 1, reservedQuantity: 0 },
    ])
    await env.queue.onCatalogChange({
      IdSku: 1006,
      HasStockKeepingUnitModified: true,
      StockModified: true,
      DateModified: iso(t0),
    })
    expect(env.markets.accepted.map((a) => a.body)).toEqual([
      expect.objectContaining({ skuId: '1006', active: true }),
      { quantity: 3 },
    ])
    expect(env.vtex.reads.sku).toBe(1) // the export's own read: the intake needs none
  })
})
