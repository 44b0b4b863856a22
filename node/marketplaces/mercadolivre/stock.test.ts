import type { Listing, Operation } from '../adapter'
import { mercadoLivreAdapter as adapter } from '.'
import type { Connected } from './testing/context'
import { connectedMercadoLivre } from './testing/context'

const listing = (listingId: string, extra: Partial<Listing> = {}): Listing => ({
  marketplaceId: 'ml1',
  skuId: '1',
  listingId,
  ...extra,
})

const stock = (quantity: number, l: Listing | null): Operation => ({
  type: 'STOCK',
  skuId: '1',
  quantity,
  listing: l,
})

let c: Connected

beforeEach(async () => {
  c = await connectedMercadoLivre()
})

afterEach(() => c.ml.close())

/** What the emulator refused (its validation of the documented shapes). */
const refused = () =>
  c.ml.emulator.received.filter((r) => r.status >= 400 && r.status !== 401)

describe('STOCK', () => {
  it('sets the item quantity with PUT /items/{id}', async () => {
    const r = await adapter.perform(
      stock(42, listing('MLB1000000001')),
      c.ctx()
    )

    expect(r.outcome).toEqual({
      status: 'SUCCESS',
      reason: 'STOCK_UPDATED',
      params: { itemId: 'MLB1000000001', quantity: 42 },
    })
    expect(r.exchanges).toHaveLength(1)
    expect(r.exchanges[0].request).toEqual({
      method: 'PUT',
      url: 'https://api.mercadolibre.com/items/MLB1000000001',
      body: '{"available_quantity":42}',
    })
    expect(r.exchanges[0].response.status).toBe(200)
    expect(
      c.ml.emulator.state.items.get('MLB1000000001')!.available_quantity
    ).toBe(42)
    expect(refused()).toEqual([])
  })

  it('reports 0 as a success: ML pauses the item out of stock and resumes it when stock returns', async () => {
    const zero = await adapter.perform(
      stock(0, listing('MLB1000000001')),
      c.ctx()
    )

    expect(zero.outcome).toMatchObject({
      status: 'SUCCESS',
      reason: 'STOCK_UPDATED_OUT_OF_STOCK',
    })
    expect(c.ml.emulator.state.items.get('MLB1000000001')).toMatchObject({
      status: 'paused',
      sub_status: ['out_of_stock'],
    })

    const back = await adapter.perform(
      stock(3, listing('MLB1000000001')),
      c.ctx()
    )

    expect(back.outcome).toMatchObject({ reason: 'STOCK_UPDATED' })
    expect(c.ml.emulator.state.items.get('MLB1000000001')!.status).toBe(
      'active'
    )
  })

  it('sets a variation with PUT /items/{id}/variations/{id}', async () => {
    const r = await adapter.perform(
      stock(9, listing('MLB1000000002', { variationId: '17400000002' })),
      c.ctx()
    )

    expect(r.outcome).toMatchObject({
      status: 'SUCCESS',
      reason: 'STOCK_UPDATED',
    })
    expect(r.exchanges[0].request.url).toBe(
      'https://api.mercadolibre.com/items/MLB1000000002/variations/17400000002'
    )
    const item = c.ml.emulator.state.items.get('MLB1000000002')!

    expect(item.variations[1].available_quantity).toBe(9)
    expect(item.available_quantity).toBe(12)
    expect(refused()).toEqual([])
  })

  it('writes user-products stock with the x-version its GET answered', async () => {
    const r = await adapter.perform(
      stock(
        11,
        listing('MLB1000000003', {
          attributes: { userProductId: 'MLBU1000000003' },
        })
      ),
      c.ctx()
    )

    expect(r.outcome).toMatchObject({
      status: 'SUCCESS',
      reason: 'STOCK_UPDATED',
    })
    expect(
      r.exchanges.map((e) => `${e.request.method} ${e.request.url}`)
    ).toEqual([
      'GET https://api.mercadolibre.com/user-products/MLBU1000000003/stock',
      'PUT https://api.mercadolibre.com/user-products/MLBU1000000003/stock/type/selling_address',
    ])
    const put = c.ml.emulator.received.find((x) => x.method === 'PUT')!

    expect(put.headers['x-version']).toBe('1')
    expect(put.body).toEqual({ quantity: 11 })
    expect(
      c.ml.emulator.state.userProducts.get('MLBU1000000003')!.locations
    ).toEqual([
      { type: 'selling_address', quantity: 11 },
      { type: 'meli_facility', quantity: 3 },
    ])
  })

  it('reads the stock again once when its version moved in between (409)', async () => {
    const { transport } = c.ml
    const send = transport.send.bind(transport)
    let bumped = false

    jest.spyOn(transport, 'send').mockImplementation(async (req) => {
      const res = await send(req)

      // Someone else (an order) changes the stock between our GET and PUT, once.
      if (req.method === 'GET' && req.url.endsWith('/stock') && !bumped) {
        bumped = true
        c.ml.emulator.state.userProducts.get('MLBU1000000003')!.version++
      }

      return res
    })
    const r = await adapter.perform(
      stock(
        4,
        listing('MLB1000000003', {
          attributes: { userProductId: 'MLBU1000000003' },
        })
      ),
      c.ctx()
    )

    expect(r.outcome).toMatchObject({
      status: 'SUCCESS',
      reason: 'STOCK_UPDATED',
    })
    expect(r.exchanges.map((e) => e.response.status)).toEqual([
      200, 409, 200, 200,
    ])
  })

  it('leaves Full-only stock to Mercado Livre', async () => {
    const r = await adapter.perform(
      stock(
        4,
        listing('MLB1000000008', {
          attributes: { userProductId: 'MLBU1000000008' },
        })
      ),
      c.ctx()
    )

    expect(r.outcome).toMatchObject({
      status: 'SUCCESS',
      reason: 'STOCK_MANAGED_BY_FULFILLMENT',
    })
    expect(r.exchanges.map((e) => e.request.method)).toEqual(['GET'])
  })

  it('is an ALERT when ML paused the listing, saying so in ML words', async () => {
    const r = await adapter.perform(stock(5, listing('MLB1000000004')), c.ctx())

    expect(r.outcome).toEqual({
      status: 'ALERT',
      action: 'LISTING_PAUSED',
      reason: 'LISTING_PAUSED',
      params: {
        itemId: 'MLB1000000004',
        status: 'paused',
        subStatus: 'suspended',
      },
      businessMessage: 'status: paused, sub_status: suspended',
      listing: listing('MLB1000000004'),
    })
  })

  it('is an ALERT when the listing is under review', async () => {
    const r = await adapter.perform(stock(5, listing('MLB1000000005')), c.ctx())

    expect(r.outcome).toMatchObject({
      status: 'ALERT',
      action: 'LISTING_UNDER_REVIEW',
      reason: 'LISTING_UNDER_REVIEW',
    })
  })

  it('is an ALERT SKU_NOT_MAPPED without any call when the SKU has no listing', async () => {
    const r = await adapter.perform(stock(5, null), c.ctx())

    expect(r).toEqual({
      outcome: {
        status: 'ALERT',
        action: 'SKU_NOT_MAPPED',
        reason: 'SKU_NOT_MAPPED',
        params: { skuId: '1' },
      },
      exchanges: [],
    })
    expect(c.ml.emulator.received).toEqual([])
  })

  it("is an ERROR with ML's message and every cause when ML refuses it (400)", async () => {
    // An item with variations keeps its stock on the variations: the mapping lacks the variation.
    const r = await adapter.perform(stock(5, listing('MLB1000000002')), c.ctx())

    expect(r.outcome).toEqual({
      status: 'ERROR',
      reason: 'ML_REFUSED',
      params: { httpStatus: 400 },
      businessMessage:
        'Validation error [validation_error]: item.available_quantity.not_modifiable: The available_quantity of an item with variations is set on its variations',
    })
  })

  it('refuses a quantity that is not a whole number without calling ML', async () => {
    const r = await adapter.perform(
      stock(1.5, listing('MLB1000000001')),
      c.ctx()
    )

    expect(r.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'INVALID_QUANTITY',
    })
    expect(r.exchanges).toEqual([])
  })
})

describe('PRICE', () => {
  const price = (
    amount: number,
    l: Listing | null,
    currency = 'BRL'
  ): Operation => ({
    type: 'PRICE',
    skuId: '1',
    price: { amount, currency },
    listPrice: null,
    listing: l,
  })

  it('sets the item price', async () => {
    const r = await adapter.perform(
      price(99.999, listing('MLB1000000001')),
      c.ctx()
    )

    expect(r.outcome).toEqual({
      status: 'SUCCESS',
      reason: 'PRICE_UPDATED',
      params: { itemId: 'MLB1000000001', price: 100 },
    })
    expect(c.ml.emulator.state.items.get('MLB1000000001')!.price).toBe(100)
  })

  it('sets a variation price', async () => {
    const r = await adapter.perform(
      price(59.9, listing('MLB1000000002', { variationId: '17400000001' })),
      c.ctx()
    )

    expect(r.outcome).toMatchObject({
      status: 'SUCCESS',
      reason: 'PRICE_UPDATED',
    })
    expect(
      c.ml.emulator.state.items.get('MLB1000000002')!.variations[0].price
    ).toBe(59.9)
  })

  it("refuses another currency than the site's without calling ML", async () => {
    const r = await adapter.perform(
      price(10, listing('MLB1000000001'), 'USD'),
      c.ctx()
    )

    expect(r.outcome).toEqual({
      status: 'ERROR',
      reason: 'CURRENCY_MISMATCH',
      params: { currency: 'USD', expected: 'BRL' },
      businessMessage: null,
    })
    expect(r.exchanges).toEqual([])
  })

  it('sends nothing when the store does not send prices', async () => {
    const r = await adapter.perform(
      price(10, listing('MLB1000000001')),
      c.ctx({ sendPrices: false })
    )

    expect(r).toEqual({
      outcome: { status: 'SUCCESS', reason: 'PRICES_NOT_SENT' },
      exchanges: [],
    })
  })
})

describe('DEACTIVATE', () => {
  const deactivate = (l: Listing): Operation => ({
    type: 'DEACTIVATE',
    skuId: '1',
    listing: l,
  })

  it('pauses the item (a seller pause, which a later PRODUCT may resume)', async () => {
    const r = await adapter.perform(
      deactivate(listing('MLB1000000001')),
      c.ctx()
    )

    expect(r.outcome).toMatchObject({
      status: 'SUCCESS',
      reason: 'LISTING_DEACTIVATED',
    })
    expect(r.exchanges[0].request.body).toBe('{"status":"paused"}')
    expect(c.ml.emulator.state.items.get('MLB1000000001')).toMatchObject({
      status: 'paused',
      sub_status: [],
    })
  })

  it("sets a variation's stock to 0 (a variation cannot be paused alone)", async () => {
    const r = await adapter.perform(
      deactivate(listing('MLB1000000002', { variationId: '17400000001' })),
      c.ctx()
    )

    expect(r.outcome).toMatchObject({
      status: 'SUCCESS',
      reason: 'VARIATION_DEACTIVATED',
    })
    const item = c.ml.emulator.state.items.get('MLB1000000002')!

    expect(item.variations[0].available_quantity).toBe(0)
    expect(item.status).toBe('active')
  })
})
