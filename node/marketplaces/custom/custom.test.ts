import type {
  AdapterContext,
  HttpRequest,
  HttpResponse,
  HttpTransport,
  Operation,
} from '../adapter'
import { channelProductOf, productPayload } from '../../domain/rules'
import { adapterOf } from '../registry'
import { customAdapter } from '.'
import type { CustomConfig } from './settings'

/** A connector that answers what the test says and records every request. */
class Connector implements HttpTransport {
  sent: HttpRequest[] = []
  constructor(public reply: HttpResponse) {}
  async send(request: HttpRequest) {
    this.sent.push(request)

    return this.reply
  }
}

const NOW = Date.parse('2026-11-20T10:00:00.000Z')

const context = (
  http: HttpTransport,
  config: CustomConfig = {
    baseUrl: 'https://shop.example/api',
    token: 'secret-token',
  }
): AdapterContext<CustomConfig> => ({
  marketplace: { id: 'shop', name: 'Shop', config },
  http,
  tokens: {
    accessToken: async () => 'unused',
    invalidate: async () => undefined,
    grant: async () => null,
  },
  now: () => NOW,
})

const ok = (): HttpResponse => ({
  status: 200,
  headers: {},
  body: { accepted: true },
})

const sku = {
  Id: 1003,
  ProductId: 501,
  NameComplete: 'Tênis Corrida Leve 2',
  BrandName: 'Marca Demo',
  ImageUrl: 'https://img.example/1003.jpg',
  AlternateIds: { Ean: '7890000000001', RefId: 'REF-1003' },
}

describe('the custom connector: requests (docs/connector.md)', () => {
  it('is the registry’s `custom` kind', () => {
    expect(adapterOf('custom')).toBe(customAdapter)
    expect(adapterOf('mercadolivre')?.kind).toBe('mercadolivre')
    expect(adapterOf('not-a-kind')).toBeNull()
    expect(adapterOf('__proto__')).toBeNull()
  })

  it('PUTs a product to /products/{skuId} with the bridge’s product payload and the bearer token', async () => {
    const connector = new Connector(ok())
    const result = await customAdapter.perform(
      { type: 'PRODUCT', product: channelProductOf(sku), listing: null },
      context(connector)
    )

    expect(connector.sent).toEqual([
      {
        method: 'PUT',
        url: 'https://shop.example/api/products/1003',
        headers: { Authorization: 'Bearer secret-token' },
        body: productPayload(sku),
      },
    ])
    expect(productPayload(sku)).toEqual({
      skuId: '1003',
      productId: '501',
      name: 'Tênis Corrida Leve 2',
      ean: '7890000000001',
      refId: 'REF-1003',
      brand: 'Marca Demo',
      imageUrl: 'https://img.example/1003.jpg',
      active: true,
      price: null,
      listPrice: null,
    })
    expect(result.outcome).toEqual({ status: 'SUCCESS', reason: 'ACCEPTED' })
  })

  it('PUTs stock to /inventory/{skuId} and tracking to /orders/{orderId}/tracking, ids escaped', async () => {
    const connector = new Connector(ok())
    const operations: Operation[] = [
      { type: 'STOCK', skuId: '1003', quantity: 3, listing: null },
      {
        type: 'TRACKING',
        order: { orderId: 'ERP 1/2', marketplaceOrderId: null },
        update: { status: 'handling' },
      },
    ]

    for (const op of operations)
      await customAdapter.perform(
        op,
        context(connector, { baseUrl: 'http://x.example', token: null })
      )

    expect(connector.sent).toEqual([
      {
        method: 'PUT',
        url: 'http://x.example/inventory/1003',
        headers: {},
        body: { quantity: 3 },
      },
      {
        method: 'PUT',
        url: 'http://x.example/orders/ERP%201%2F2/tracking',
        headers: {},
        body: { status: 'handling' },
      },
    ])
  })

  it('logs the call without the token', async () => {
    const connector = new Connector({
      status: 400,
      headers: {},
      body: { message: 'Invalid EAN' },
    })

    const { exchanges } = await customAdapter.perform(
      { type: 'STOCK', skuId: '7', quantity: 0, listing: null },
      context(connector)
    )

    expect(exchanges).toEqual([
      {
        request: {
          method: 'PUT',
          url: 'https://shop.example/api/inventory/7',
          body: '{"quantity":0}',
        },
        response: { status: 400, body: '{"message":"Invalid EAN"}' },
      },
    ])
    expect(JSON.stringify(exchanges)).not.toContain('secret-token')
  })

  it('refuses an operation the contract has no route for, calling nothing', async () => {
    const connector = new Connector(ok())
    const result = await customAdapter.perform(
      { type: 'DEACTIVATE', skuId: '7', listing: null },
      context(connector)
    )

    expect(connector.sent).toEqual([])
    expect(result).toEqual({
      outcome: {
        status: 'ERROR',
        reason: 'UNSUPPORTED_OPERATION',
        params: { type: 'DEACTIVATE' },
      },
      exchanges: [],
    })
    expect(customAdapter.operations).toEqual(['PRODUCT', 'STOCK', 'TRACKING'])
  })
})

describe('the custom connector: what answers mean, in today’s words', () => {
  const answer = async (reply: HttpResponse) => {
    const { outcome } = await customAdapter.perform(
      { type: 'STOCK', skuId: '7', quantity: 1, listing: null },
      context(new Connector(reply))
    )

    return { outcome, message: customAdapter.describe!(outcome, 'Shop') }
  }

  it('2xx is accepted', async () => {
    expect(await answer({ status: 204, headers: {}, body: null })).toEqual({
      outcome: { status: 'SUCCESS', reason: 'ACCEPTED' },
      message: 'Accepted by Shop',
    })
  })

  it('4xx is refused for good, with the marketplace’s own words', async () => {
    expect(
      await answer({
        status: 422,
        headers: {},
        body: { errors: [{ message: 'EAN taken' }] },
      })
    ).toEqual({
      outcome: {
        status: 'ERROR',
        reason: 'REFUSED',
        params: { status: 422 },
        businessMessage: 'EAN taken',
      },
      message: 'Shop answered HTTP 422: EAN taken',
    })
    expect(
      (await answer({ status: 401, headers: {}, body: null })).message
    ).toBe('Shop answered HTTP 401')
  })

  it('5xx, 408 and 429 are transient, honouring Retry-After (seconds or a date)', async () => {
    expect(
      await answer({
        status: 429,
        headers: { 'retry-after': '7' },
        body: { error: 'Too many requests' },
      })
    ).toEqual({
      outcome: {
        status: 'ERROR',
        reason: 'UNAVAILABLE',
        params: { status: 429 },
        businessMessage: 'Too many requests',
        transient: { retryAfterMs: 7000 },
      },
      message: 'Shop answered HTTP 429: Too many requests',
    })
    expect(
      (
        await answer({
          status: 503,
          headers: { 'retry-after': new Date(NOW + 30_000).toUTCString() },
          body: 'down for maintenance',
        })
      ).outcome
    ).toMatchObject({
      reason: 'UNAVAILABLE',
      businessMessage: 'down for maintenance',
      transient: { retryAfterMs: 30_000 },
    })
    expect(
      (await answer({ status: 408, headers: {}, body: null })).outcome
    ).toMatchObject({ transient: { retryAfterMs: null } })
  })

  it('no answer is transient: the connector could not be reached', async () => {
    expect(
      await answer({
        status: null,
        headers: {},
        body: null,
        networkError: 'ETIMEDOUT',
      })
    ).toEqual({
      outcome: {
        status: 'ERROR',
        reason: 'UNREACHABLE',
        params: { error: 'ETIMEDOUT' },
        transient: { retryAfterMs: null },
      },
      message: 'Could not reach Shop: ETIMEDOUT',
    })
  })
})

describe('the custom connector’s settings section', () => {
  const { settings } = customAdapter

  it('reads the base URL and the token, trailing slashes dropped', () => {
    expect(
      settings.parse(
        { baseUrl: 'https://shop.example/api//', token: 't' },
        'marketplaces.0'
      )
    ).toEqual({ config: { baseUrl: 'https://shop.example/api', token: 't' } })
    expect(settings.parse({ baseUrl: 'http://a.example' }, 'm')).toEqual({
      config: { baseUrl: 'http://a.example', token: null },
    })
  })

  it('names every invalid field under the marketplace’s path', () => {
    expect(settings.parse({ token: '' }, 'marketplaces.2')).toEqual({
      errors: [{ field: 'marketplaces.2.baseUrl', code: 'REQUIRED' }],
    })
    expect(
      settings.parse({ baseUrl: 'ftp://x', token: 5 }, 'marketplaces.1')
    ).toEqual({
      errors: [
        { field: 'marketplaces.1.baseUrl', code: 'INVALID_FORMAT' },
        { field: 'marketplaces.1.token', code: 'INVALID_FORMAT' },
      ],
    })
  })

  it('bounds lengths when saving only (settings saved before still load)', () => {
    const long = { baseUrl: `https://a.example/${'x'.repeat(2100)}` }

    expect(settings.parse(long, 'm')).toHaveProperty('config')
    expect(settings.parse(long, 'm', { saving: true })).toEqual({
      errors: [{ field: 'm.baseUrl', code: 'TOO_LONG', params: { max: 2048 } }],
    })
  })

  it('never shows the token, only whether it is set; it is write-only', () => {
    expect(
      settings.present({ baseUrl: 'https://a.example', token: 'secret' })
    ).toEqual({ baseUrl: 'https://a.example', hasToken: true })
    expect(settings.secrets).toEqual(['token'])
  })
})
