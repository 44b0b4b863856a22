/**
 * Listings Items operations of the Amazon adapter against the local Amazon (local/emulator/amazon), which
 * validates every request against Amazon's SP-API models.
 */
import type { ChannelProduct, Operation } from '../adapter'
import { issuesChange } from './notification'
import { FOLLOW_UP_AFTER_MS } from './answers'
import type {
  AmazonEmulatorInstance,
  AmazonEmulatorModule,
} from './testing/emulatorTypes'
import { reportEmulators } from './testing/emulatorReport'
import { amazonHarness, seededConfig } from './testing/harness'

// The emulator is plain CommonJS outside node/ (local runtime only, never shipped).
// eslint-disable-next-line @typescript-eslint/no-var-requires, @typescript-eslint/no-require-imports
const emulatorModule: AmazonEmulatorModule = require('../../../local/emulator/amazon')

const { AmazonEmulator, AMAZON_SEED: SEED } = emulatorModule

const emulators: AmazonEmulatorInstance[] = []
const setup = (options: Parameters<typeof amazonHarness>[2] = {}) => {
  const h = amazonHarness(
    (clock) => new AmazonEmulator({ clock }),
    seededConfig(SEED),
    options
  )

  emulators.push(h.emulator)

  return h
}

afterAll(() => reportEmulators(emulators))

const stock = (skuId: string, quantity: number): Operation => ({
  type: 'STOCK',
  skuId,
  quantity,
  listing: null,
})

const product = (
  skuId: string,
  over: Partial<ChannelProduct> = {}
): ChannelProduct => ({
  skuId,
  productId: '500',
  name: `Luminária ${skuId}`,
  description: '<p>Luminária de mesa <b>LED</b>.</p>',
  brand: 'Marca Demo',
  ean: '7891000053508',
  refId: `REF-${skuId}`,
  categoryId: '12',
  imageUrls: [
    `https://bridgedemo.vteximg.com.br/arquivos/ids/${skuId}`,
    `https://bridgedemo.vteximg.com.br/arquivos/ids/${skuId}-2`,
  ],
  active: true,
  price: { amount: 129.9, currency: 'BRL' },
  listPrice: null,
  ...over,
})

describe('Amazon listings (stock, price, deactivation, product) against the local Amazon', () => {
  it('STOCK: a merge patch of fulfillment_availability, PENDING until Amazon processed it, then SUCCESS by itself', async () => {
    const { adapter, context, run, clock, emulator, transport } = setup()
    const sku = SEED.skus[1]
    const r = await run(adapter.perform(stock(sku, 7), context()))

    expect(r.outcome).toMatchObject({
      status: 'PENDING',
      reason: 'AMAZON_SUBMISSION_ACCEPTED',
      followUp: { afterMs: FOLLOW_UP_AFTER_MS },
    })
    expect(r.exchanges).toHaveLength(1)
    expect(r.exchanges[0].request.method).toBe('PATCH')
    expect(JSON.parse(r.exchanges[0].request.body!)).toEqual({
      productType: 'PRODUCT',
      patches: [
        {
          op: 'merge',
          path: '/attributes/fulfillment_availability',
          value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 7 }],
        },
      ],
    })
    // Headers Amazon asks of every call; the exchange for the log never carries the token.
    const sent = transport.sent.find((s) => s.method === 'PATCH')!

    expect(sent.headers['x-amz-access-token']).toMatch(/^Atza\|/)
    expect(sent.headers['x-amz-date']).toBe('20260504T120000Z')
    expect(sent.headers['user-agent']).toMatch(
      /^MarketplaceBridge\/test \(Language=/
    )
    expect(JSON.stringify(r.exchanges)).not.toContain('Atza|')

    if (r.outcome.status !== 'PENDING') throw new Error('expected PENDING')
    clock.advance(r.outcome.followUp.afterMs)
    const done = await run(adapter.followUp!(r.outcome.followUp.ref, context()))

    expect(done.outcome).toEqual({
      status: 'SUCCESS',
      reason: 'AMAZON_LISTING_UPDATED',
      businessMessage: null,
    })
    expect(done.exchanges.map((e) => e.request.method)).toEqual(['GET'])
    expect(
      emulator.listings.get(SEED.sellerId, sku)!.attributes
        .fulfillment_availability
    ).toEqual([{ fulfillment_channel_code: 'DEFAULT', quantity: 7 }])
  })

  it('a submission whose issues appear later is settled as an ERROR with each issue, and the notification says the same', async () => {
    const { adapter, context, run, clock, emulator } = setup()
    const sku = SEED.skus[2]

    emulator.act('issues', {
      sku,
      issues: [
        {
          code: '18155',
          message: "The 'minimum price' is greater than the selling price.",
          severity: 'ERROR',
          categories: ['INVALID_PRICE'],
        },
        {
          code: '99001',
          message: 'Add bullet points to improve discoverability.',
          severity: 'WARNING',
        },
      ],
    })
    const r = await run(adapter.perform(stock(sku, 3), context()))

    if (r.outcome.status !== 'PENDING') throw new Error('expected PENDING')
    // Too early: Amazon has not processed the submission yet.
    clock.advance(30_000)
    const early = await run(
      adapter.followUp!(r.outcome.followUp.ref, context())
    )

    expect(early.outcome).toMatchObject({
      status: 'PENDING',
      reason: 'AMAZON_SUBMISSION_PROCESSING',
    })
    clock.advance(FOLLOW_UP_AFTER_MS)
    const done = await run(adapter.followUp!(r.outcome.followUp.ref, context()))

    expect(done.outcome).toEqual({
      status: 'ERROR',
      reason: 'AMAZON_LISTING_ISSUES',
      params: { issues: 1 },
      businessMessage: "The 'minimum price' is greater than the selling price.",
    })
    const notified = emulator.listings.notifications.map(issuesChange)

    expect(notified).toEqual([
      expect.objectContaining({
        sku,
        needsDetails: true,
        outcome: expect.objectContaining({
          status: 'ERROR',
          reason: 'AMAZON_LISTING_ISSUES',
        }),
      }),
    ])
  })

  it('a listing held for review after a stock change is an ALERT', async () => {
    const { adapter, context, run, clock, emulator } = setup()
    const sku = SEED.skus[3]

    emulator.act('review', { sku, underReview: true })
    const r = await run(adapter.perform(stock(sku, 5), context()))

    if (r.outcome.status !== 'PENDING') throw new Error('expected PENDING')
    clock.advance(FOLLOW_UP_AFTER_MS)
    expect(
      (await run(adapter.followUp!(r.outcome.followUp.ref, context()))).outcome
    ).toMatchObject({
      status: 'ALERT',
      reason: 'AMAZON_LISTING_NOT_BUYABLE',
      action: 'LISTING_UNDER_REVIEW',
    })
  })

  it('PRICE replaces the purchasable offer; a price in another currency is refused without a call', async () => {
    const { adapter, context, run, clock, emulator } = setup()
    const sku = SEED.skus[4]
    const op: Operation = {
      type: 'PRICE',
      skuId: sku,
      price: { amount: 89.9, currency: 'BRL' },
      listPrice: null,
      listing: null,
    }

    const r = await run(adapter.perform(op, context()))

    expect(r.outcome.status).toBe('PENDING')
    expect(JSON.parse(r.exchanges[0].request.body!).patches).toEqual([
      {
        op: 'replace',
        path: '/attributes/purchasable_offer',
        value: [
          {
            marketplace_id: SEED.marketplaceId,
            currency: 'BRL',
            audience: 'ALL',
            our_price: [{ schedule: [{ value_with_tax: 89.9 }] }],
          },
        ],
      },
    ])
    clock.advance(FOLLOW_UP_AFTER_MS)
    if (r.outcome.status !== 'PENDING') throw new Error('expected PENDING')
    expect(
      (await run(adapter.followUp!(r.outcome.followUp.ref, context()))).outcome
        .status
    ).toBe('SUCCESS')
    expect(
      emulator.listings.get(SEED.sellerId, sku)!.attributes.purchasable_offer
    ).toHaveLength(1)

    const usd = await run(
      adapter.perform(
        { ...op, price: { amount: 10, currency: 'USD' } },
        context()
      )
    )

    expect(usd).toEqual({
      outcome: {
        status: 'ERROR',
        reason: 'AMAZON_CURRENCY_MISMATCH',
        params: { price: 'USD', store: 'BRL' },
      },
      exchanges: [],
    })
  })

  it('DEACTIVATE sets the quantity to 0 and settles as SUCCESS although the listing stops selling', async () => {
    const { adapter, context, run, clock, emulator } = setup()
    const sku = SEED.skus[5]
    const r = await run(
      adapter.perform(
        { type: 'DEACTIVATE', skuId: sku, listing: null },
        context()
      )
    )

    expect(JSON.parse(r.exchanges[0].request.body!).patches[0].value).toEqual([
      { fulfillment_channel_code: 'DEFAULT', quantity: 0 },
    ])
    if (r.outcome.status !== 'PENDING') throw new Error('expected PENDING')
    clock.advance(FOLLOW_UP_AFTER_MS)
    expect(
      (await run(adapter.followUp!(r.outcome.followUp.ref, context()))).outcome
        .status
    ).toBe('SUCCESS')
    expect(emulator.listings.get(SEED.sellerId, sku)).not.toBeNull()
  })

  it('PRODUCT without a product type for its category is an ALERT, nothing sent', async () => {
    const { adapter, context, run } = setup()
    const r = await run(
      adapter.perform(
        {
          type: 'PRODUCT',
          product: product('2000', { categoryId: '99' }),
          listing: null,
        },
        context()
      )
    )

    expect(r).toEqual({
      outcome: {
        status: 'ALERT',
        reason: 'AMAZON_CATEGORY_NOT_MAPPED',
        params: { categoryId: '99' },
        action: 'CATEGORY_NOT_MAPPED',
      },
      exchanges: [],
    })
  })

  it('PRODUCT creates a listing Amazon does not have (putListingsItem) and follows it until it exists', async () => {
    const { adapter, context, run, clock, emulator } = setup()
    const r = await run(
      adapter.perform(
        { type: 'PRODUCT', product: product('2000'), listing: null },
        context()
      )
    )

    expect(
      r.exchanges.map((e) => `${e.request.method} ${e.response.status}`)
    ).toEqual(['GET 404', 'PUT 200'])
    const body = JSON.parse(r.exchanges[1].request.body!)

    expect(body).toMatchObject({ productType: 'HOME', requirements: 'LISTING' })
    expect(body.attributes.product_description[0].value).toBe(
      'Luminária de mesa LED .'
    )
    expect(body.attributes.externally_assigned_product_identifier).toEqual([
      {
        type: 'ean',
        value: '7891000053508',
        marketplace_id: SEED.marketplaceId,
      },
    ])
    expect(body.attributes).not.toHaveProperty('fulfillment_availability')
    if (r.outcome.status !== 'PENDING') throw new Error('expected PENDING')
    clock.advance(10_000)
    expect(
      (await run(adapter.followUp!(r.outcome.followUp.ref, context()))).outcome
        .status
    ).toBe('PENDING')
    clock.advance(FOLLOW_UP_AFTER_MS)
    expect(
      (await run(adapter.followUp!(r.outcome.followUp.ref, context()))).outcome
    ).toMatchObject({ status: 'SUCCESS' })
    expect(emulator.listings.get(SEED.sellerId, '2000')!.productType).toBe(
      'HOME'
    )
  })

  it('PRODUCT patches the facts of a listing Amazon has (a PUT would reset its offer and stock)', async () => {
    const { adapter, context, run, emulator } = setup()
    const sku = SEED.skus[6]
    const r = await run(
      adapter.perform(
        { type: 'PRODUCT', product: product(sku), listing: null },
        context()
      )
    )

    expect(
      r.exchanges.map((e) => `${e.request.method} ${e.response.status}`)
    ).toEqual(['GET 200', 'PATCH 200'])
    const patches = JSON.parse(r.exchanges[1].request.body!).patches as Array<{
      path: string
      op: string
    }>

    expect(patches.map((p) => p.path)).toEqual([
      '/attributes/item_name',
      '/attributes/brand',
      '/attributes/product_description',
      '/attributes/part_number',
      '/attributes/main_product_image_locator',
      '/attributes/other_product_image_locator_1',
    ])
    expect(patches.every((p) => p.op === 'replace')).toBe(true)
    expect(r.outcome.status).toBe('PENDING')
    expect(
      emulator.received.filter((q) => q.operation === 'putListingsItem')
    ).toEqual([])
  })

  it('INVALID: a value Amazon refuses is an ERROR with each issue', async () => {
    const { adapter, context, run } = setup()
    const r = await run(
      adapter.perform(
        {
          type: 'PRODUCT',
          product: product('2001', {
            ean: '789100',
            imageUrls: ['http://insecure.example/a.jpg'],
          }),
          listing: null,
        },
        context()
      )
    )

    expect(r.outcome).toEqual({
      status: 'ERROR',
      reason: 'AMAZON_SUBMISSION_INVALID',
      params: { issues: 2 },
      businessMessage:
        "The provided value for 'Main Image Location' is invalid. [main_product_image_locator]\nThe provided value for 'External Product ID' is invalid. '789100' is not a valid EAN. [externally_assigned_product_identifier]",
    })
  })
})
