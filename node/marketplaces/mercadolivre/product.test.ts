import type { ChannelProduct, Listing, Operation } from '../adapter'
import { mercadoLivreAdapter as adapter } from '.'
import { plainText } from './create'
import { productChanges } from './product'
import type { Connected } from './testing/context'
import { connectedMercadoLivre } from './testing/context'

const product = (fields: Partial<ChannelProduct> = {}): ChannelProduct => ({
  skuId: '501',
  productId: '50',
  name: 'Bola de Futebol Oficial Campo',
  description: '<p>Bola <b>oficial</b> &amp; costurada.</p><p>Tamanho 5</p>',
  brand: 'Marca Boa',
  ean: '7891234567895',
  refId: 'BOLA-5',
  categoryId: '10',
  imageUrls: ['https://store.vteximg.com.br/arquivos/ids/1/bola.jpg'],
  active: true,
  price: { amount: 149.9, currency: 'BRL' },
  listPrice: null,
  ...fields,
})

const listing = (listingId: string, extra: Partial<Listing> = {}): Listing => ({
  marketplaceId: 'ml1',
  skuId: '501',
  listingId,
  ...extra,
})

const productOp = (p: ChannelProduct, l: Listing | null): Operation => ({
  type: 'PRODUCT',
  product: p,
  listing: l,
})

describe('PRODUCT against the emulator', () => {
  let c: Connected

  beforeEach(async () => {
    c = await connectedMercadoLivre()
  })

  afterEach(() => c.ml.close())

  const item = (id: string) => c.ml.emulator.state.items.get(id)!

  it('updates title, price and pictures of a mapped item after reading it', async () => {
    const r = await adapter.perform(
      productOp(product(), listing('MLB1000000001')),
      c.ctx()
    )

    expect(r.outcome).toEqual({
      status: 'SUCCESS',
      reason: 'PRODUCT_UPDATED',
      params: { itemId: 'MLB1000000001', fields: 'title, price, pictures' },
      businessMessage: null,
    })
    expect(r.exchanges.map((e) => e.request.method)).toEqual(['GET', 'PUT'])
    expect(JSON.parse(r.exchanges[1].request.body!)).toEqual({
      title: 'Bola de Futebol Oficial Campo',
      price: 149.9,
      pictures: [
        { source: 'https://store.vteximg.com.br/arquivos/ids/1/bola.jpg' },
      ],
    })
    expect(item('MLB1000000001')).toMatchObject({
      title: 'Bola de Futebol Oficial Campo',
      price: 149.9,
    })
  })

  it('keeps the title of an item that has sales (ML refuses to change it) and says so', async () => {
    const r = await adapter.perform(
      productOp(product({ imageUrls: [] }), listing('MLB1000000007')),
      c.ctx()
    )

    expect(r.outcome).toMatchObject({
      status: 'SUCCESS',
      reason: 'PRODUCT_UPDATED',
      params: { fields: 'price' },
      businessMessage:
        'Title not changed: Mercado Livre keeps the title of an item that has sales.',
    })
    expect(item('MLB1000000007').title).toBe('Chuteira Society')
  })

  it('resumes a listing the seller paused, and pauses it when the product is inactive', async () => {
    await adapter.perform(
      { type: 'DEACTIVATE', skuId: '501', listing: listing('MLB1000000001') },
      c.ctx()
    )
    const resumed = await adapter.perform(
      productOp(product({ imageUrls: [] }), listing('MLB1000000001')),
      c.ctx()
    )

    expect(resumed.outcome).toMatchObject({ status: 'SUCCESS' })
    expect(item('MLB1000000001').status).toBe('active')
    await adapter.perform(
      productOp(
        product({ imageUrls: [], active: false }),
        listing('MLB1000000001')
      ),
      c.ctx()
    )
    expect(item('MLB1000000001').status).toBe('paused')
  })

  it('never lifts a pause ML made: ALERT LISTING_PAUSED, status not sent', async () => {
    const r = await adapter.perform(
      productOp(product({ imageUrls: [] }), listing('MLB1000000004')),
      c.ctx()
    )

    expect(r.outcome).toMatchObject({
      status: 'ALERT',
      action: 'LISTING_PAUSED',
      params: { subStatus: 'suspended' },
    })
    expect(JSON.parse(r.exchanges[1].request.body!)).not.toHaveProperty(
      'status'
    )
    expect(item('MLB1000000004').status).toBe('paused')
  })

  it('sends the variation price on the variation and leaves its pictures to ML', async () => {
    const r = await adapter.perform(
      productOp(
        product({ name: 'Camiseta Dry Fit' }),
        listing('MLB1000000002', { variationId: '17400000002' })
      ),
      c.ctx()
    )

    expect(r.outcome).toMatchObject({
      status: 'SUCCESS',
      params: { fields: 'variation.price' },
    })
    expect(r.exchanges.map((e) => e.request.url)).toEqual([
      'https://api.mercadolibre.com/items/MLB1000000002',
      'https://api.mercadolibre.com/items/MLB1000000002/variations/17400000002',
    ])
  })

  it('is an ERROR LISTING_CLOSED for a closed item, with nothing written', async () => {
    const r = await adapter.perform(
      productOp(product(), listing('MLB1000000006')),
      c.ctx()
    )

    expect(r.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'LISTING_CLOSED',
    })
    expect(r.exchanges.map((e) => e.request.method)).toEqual(['GET'])
  })

  it('is an ERROR LISTING_NOT_FOUND for an unknown item, and ML_FORBIDDEN for another seller’s', async () => {
    const missing = await adapter.perform(
      productOp(product(), listing('MLB1000000999')),
      c.ctx()
    )

    const other = await adapter.perform(
      productOp(product(), listing('MLB1999999999')),
      c.ctx()
    )

    expect(missing.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'LISTING_NOT_FOUND',
      businessMessage: 'Item with id MLB1000000999 not found [not_found]',
    })
    expect(other.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'ML_FORBIDDEN',
    })
  })

  it('creates a listing where the category is mapped: description as plain text, stock 0 until the stock update', async () => {
    const r = await adapter.perform(productOp(product(), null), c.ctx())

    expect(r.outcome).toMatchObject({
      status: 'SUCCESS',
      reason: 'LISTING_CREATED',
      listing: { marketplaceId: 'ml1', skuId: '501', variationId: null },
    })
    const id = (r.outcome as { listing: Listing }).listing.listingId

    expect(
      r.exchanges.map((e) => `${e.request.method} ${e.response.status}`)
    ).toEqual(['GET 200', 'POST 201', 'POST 201', 'PUT 200'])
    expect(JSON.parse(r.exchanges[1].request.body!)).toEqual({
      title: 'Bola de Futebol Oficial Campo',
      category_id: 'MLB1276',
      price: 149.9,
      currency_id: 'BRL',
      available_quantity: 1,
      buying_mode: 'buy_it_now',
      listing_type_id: 'gold_special',
      condition: 'new',
      pictures: [
        { source: 'https://store.vteximg.com.br/arquivos/ids/1/bola.jpg' },
      ],
      attributes: [
        { id: 'SELLER_SKU', value_name: '501' },
        { id: 'BRAND', value_name: 'Marca Boa' },
        { id: 'GTIN', value_name: '7891234567895' },
      ],
    })
    expect(item(id)).toMatchObject({
      description: 'Bola oficial & costurada.\nTamanho 5',
      available_quantity: 0,
      status: 'paused',
      sub_status: ['out_of_stock'],
    })

    // Sent again (a retry after a lost answer): the listing is found, not created twice.
    const again = await adapter.perform(productOp(product(), null), c.ctx())

    expect(again.outcome).toMatchObject({
      status: 'SUCCESS',
      reason: 'LISTING_FOUND',
      listing: { listingId: id },
    })
    expect(again.exchanges).toHaveLength(1)
  })

  it("is ML's ERROR with its causes when the category needs attributes VTEX does not have", async () => {
    const r = await adapter.perform(
      productOp(product({ categoryId: '20' }), null),
      c.ctx()
    )

    expect(r.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'ML_REFUSED',
      params: { httpStatus: 400 },
    })
    expect(
      (r.outcome as { businessMessage: string }).businessMessage
    ).toContain(
      'item.attributes.missing_required: The attributes [MODEL] are required for category MLB1055'
    )
  })

  it('is an ALERT CATEGORY_NOT_MAPPED without any call when the category is not mapped', async () => {
    const r = await adapter.perform(
      productOp(product({ categoryId: '99' }), null),
      c.ctx()
    )

    expect(r).toEqual({
      outcome: {
        status: 'ALERT',
        action: 'CATEGORY_NOT_MAPPED',
        reason: 'CATEGORY_NOT_MAPPED',
        params: { skuId: '501', categoryId: '99' },
      },
      exchanges: [],
    })
  })

  it('does not list an inactive product, and needs a price to list', async () => {
    const inactive = await adapter.perform(
      productOp(product({ active: false }), null),
      c.ctx()
    )

    const noPrice = await adapter.perform(
      productOp(product({ price: null }), null),
      c.ctx()
    )

    expect(inactive.outcome).toMatchObject({
      status: 'SUCCESS',
      reason: 'NOT_LISTED_INACTIVE',
    })
    expect(noPrice.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'PRICE_REQUIRED',
    })
    expect(c.ml.emulator.received).toEqual([])
  })
})

describe('productChanges', () => {
  const mlItem = {
    id: 'MLB1',
    title: 'Bola',
    status: 'active',
    subStatus: [],
    price: 10,
    availableQuantity: 1,
    soldQuantity: 0,
    variationIds: [],
    userProductId: null,
  }

  it('sends only what differs', () => {
    expect(
      productChanges(
        product({ name: 'Bola', imageUrls: [] }),
        mlItem,
        listing('MLB1'),
        10
      )
    ).toEqual({ item: {}, variation: null, titleKept: false })
  })

  it('cuts the title at 60 characters', () => {
    const long = 'x'.repeat(80)

    expect(
      productChanges(
        product({ name: long, imageUrls: [] }),
        mlItem,
        listing('MLB1'),
        null
      ).item
    ).toEqual({
      title: 'x'.repeat(60),
    })
  })
})

describe('plainText', () => {
  it('drops tags, decodes entities and keeps paragraphs', () => {
    expect(
      plainText('<div>A&nbsp;&lt;b&gt;<br/>B</div><ul><li>C</li></ul>')
    ).toBe('A <b>\nB\nC')
  })
})
