import type { HttpRequest } from '../adapter'
import type { Connected } from './testing/context'
import { connectedMercadoLivre } from './testing/context'

/**
 * The emulator refuses what ML documents as wrong, with ML's error body: so
 * the adapter's requests, which it accepts in the other tests, have the
 * documented shapes.
 */
describe('Mercado Livre emulator: documented shapes', () => {
  let c: Connected
  let token: string

  beforeEach(async () => {
    c = await connectedMercadoLivre()
    token = (await c.keeper.grant())!.accessToken!
  })

  afterEach(() => c.ml.close())

  const send = (req: HttpRequest, auth = true) =>
    c.ml.transport.send({
      ...req,
      url: `https://api.mercadolibre.com${req.url}`,
      headers: {
        ...(auth ? { authorization: `Bearer ${token}` } : {}),
        ...(req.headers ?? {}),
      },
    })

  it('needs a valid bearer token', async () => {
    expect(
      await send({ method: 'GET', url: '/items/MLB1000000001' }, false)
    ).toMatchObject({
      status: 401,
      body: {
        message: 'invalid access token',
        error: 'invalid_token',
        status: 401,
        cause: [],
      },
    })
  })

  it('refuses unknown properties, wrong types and broken rules on PUT /items', async () => {
    const put = (body: unknown) =>
      send({ method: 'PUT', url: '/items/MLB1000000001', body })

    expect((await put({ quantity: 1 })).body).toEqual({
      message: 'body.invalid_fields',
      error:
        'The body does not contains some or none of the following properties [quantity]',
      status: 400,
      cause: [],
    })
    expect(
      (await put({ price: 'p', available_quantity: 1.5 })).body
    ).toMatchObject({
      message: 'body.invalid_field_types',
      error:
        '[invalid property type: [price] expected Number but was String value: p,\ninvalid property type: [available_quantity] expected Integer but was Number value: 1.5]',
    })
    expect(
      (await put({ price: -1, pictures: [{ source: 'not a url' }] })).body
    ).toMatchObject({
      message: 'Validation error',
      error: 'validation_error',
      cause: [
        { code: 'item.price.invalid' },
        { code: 'item.pictures.invalid' },
      ],
    })
  })

  it('refuses stock on an item whose stock is in user-products, and a missing or stale x-version', async () => {
    expect(
      (
        await send({
          method: 'PUT',
          url: '/items/MLB1000000003',
          body: { available_quantity: 1 },
        })
      ).body
    ).toMatchObject({
      cause: [{ code: 'item.available_quantity.not_modifiable' }],
    })
    const put = (version?: string) =>
      send({
        method: 'PUT',
        url: '/user-products/MLBU1000000003/stock/type/selling_address',
        headers: version ? { 'x-version': version } : {},
        body: { quantity: 1 },
      })

    expect((await put()).status).toBe(400)
    expect((await put('7')).status).toBe(409)
    const full = await send({
      method: 'PUT',
      url: '/user-products/MLBU1000000003/stock/type/meli_facility',
      headers: { 'x-version': '1' },
      body: { quantity: 1 },
    })

    expect(full.status).toBe(400)
  })

  it('refuses status changes on ME2 shipments and a status before the tracking number', async () => {
    const notify = (id: string) =>
      send({
        method: 'POST',
        url: `/shipments/${id}/seller_notifications`,
        body: {
          payload: { date: '2024-05-11T10:00:00.000-03:00' },
          status: 'shipped',
          substatus: null,
        },
      })

    expect((await notify('40000000003')).status).toBe(403)
    expect((await notify('40000000001')).body).toMatchObject({
      cause: [{ code: 'shipment.tracking_number.missing' }],
    })
    const bad = await send({
      method: 'POST',
      url: '/shipments/40000000001/seller_notifications',
      body: { payload: { date: 'yesterday' }, status: 'lost' },
    })

    expect(bad.body).toMatchObject({
      cause: [
        { code: 'shipment.status.invalid' },
        { code: 'shipment.payload.date.invalid' },
        { code: 'shipment.tracking_number.missing' },
      ],
    })
  })

  it('answers the new shipment format only with x-format-new', async () => {
    const old = await send({ method: 'GET', url: '/shipments/40000000004' })
    const fresh = await send({
      method: 'GET',
      url: '/shipments/40000000004',
      headers: { 'x-format-new': 'true' },
    })

    expect(old.body).toMatchObject({
      mode: 'me2',
      logistic_type: 'fulfillment',
    })
    expect(fresh.body).toMatchObject({
      logistic: { mode: 'me2', type: 'fulfillment' },
    })
  })

  it('is steered by the console: ML-side pause, throttling with a count', async () => {
    await c.ml.control('/listing', {
      itemId: 'MLB1000000001',
      status: 'paused',
    })
    expect(
      (await send({ method: 'GET', url: '/items/MLB1000000001' })).body
    ).toMatchObject({
      status: 'paused',
      sub_status: ['suspended'],
    })
    await c.ml.control('/throttle', {
      on: true,
      count: 2,
      retryAfterSeconds: 1,
    })
    const statuses = []

    for (let i = 0; i < 3; i++)
      statuses.push(
        (await send({ method: 'GET', url: '/items/MLB1000000001' })).status
      )

    expect(statuses).toEqual([429, 429, 200])
    const summary = await c.ml.control('')

    expect(summary.app).toEqual({
      clientId: '5551234567890123',
      redirectUris: [
        'https://localhost/_v/marketplace-bridge/oauth/mercadolivre',
        'http://localhost/_v/marketplace-bridge/oauth/mercadolivre',
      ],
      clientSecretSet: true,
    })
    expect(summary.listings).toHaveLength(8)
  })
})
