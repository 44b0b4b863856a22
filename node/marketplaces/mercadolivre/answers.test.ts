import { StoredTokenKeeper } from '../../services/tokenKeeper'
import { MemoryStorage } from '../../test/memoryStorage'
import type { Operation } from '../adapter'
import { mercadoLivreAdapter as adapter } from '.'
import { businessMessage, failureOutcome } from './answers'
import { listingAlert, readItem } from './item'
import type { Connected } from './testing/context'
import { connectedMercadoLivre } from './testing/context'

const stock: Operation = {
  type: 'STOCK',
  skuId: '1',
  quantity: 3,
  listing: { marketplaceId: 'ml1', skuId: '1', listingId: 'MLB1000000001' },
}

describe('answers through the emulator', () => {
  let c: Connected

  beforeEach(async () => {
    c = await connectedMercadoLivre({ timeoutMs: 300 })
  })

  afterEach(() => c.ml.close())

  it('401: refreshes the token once, stores the rotated refresh token, and succeeds', async () => {
    const before = await c.keeper.grant()

    // ML expires the token early (e.g. the seller changed the password): our record still says 6 h.
    await c.ml.control('/authorization', { action: 'expire' })
    const r = await adapter.perform(stock, c.ctx())

    expect(r.outcome).toMatchObject({
      status: 'SUCCESS',
      reason: 'STOCK_UPDATED',
    })
    expect(r.exchanges.map((e) => e.response.status)).toEqual([401, 200])
    expect(c.ml.emulator.oauth.refreshCalls).toBe(1)
    const after = await c.keeper.grant()

    expect(after!.refreshToken).not.toBe(before!.refreshToken)
    expect(after!.accessToken).not.toBe(before!.accessToken)
    // The token endpoint got a form-encoded body; its secrets are not recorded.
    const tokenCall = c.ml.emulator.received.find(
      (x) => x.path === '/oauth/token'
    )!

    expect(tokenCall.headers['content-type']).toBe(
      'application/x-www-form-urlencoded'
    )
    expect(tokenCall.body).toEqual({
      grant_type: 'refresh_token',
      client_id: '5551234567890123',
      client_secret: '***',
      refresh_token: '***',
    })
  })

  it('revoked by the seller: AUTHORIZATION_REVOKED, the grant kept and marked', async () => {
    await c.ml.control('/authorization', { action: 'revoke' })
    const r = await adapter.perform(stock, c.ctx())

    expect(r.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'AUTHORIZATION_REVOKED',
      businessMessage:
        'Error validating grant. Your authorization code or refresh token may be expired or it was already used [invalid_grant]',
    })
    expect(r.outcome).not.toHaveProperty('transient')
    const record = await c.keeper.record()

    expect(record).toMatchObject({
      state: 'REVOKED',
      revoked: { reason: 'INVALID_GRANT' },
    })
    expect(record!.grant!.refreshToken).toBeTruthy()

    // Later jobs fail at once, without calling ML again.
    const calls = c.ml.emulator.received.length
    const again = await adapter.perform(stock, c.ctx())

    expect(again.outcome).toMatchObject({ reason: 'AUTHORIZATION_REVOKED' })
    expect(c.ml.emulator.received).toHaveLength(calls)
  })

  it('a wrong client secret: CLIENT_CREDENTIALS_REFUSED, the grant stays usable', async () => {
    await c.ml.control('/authorization', { action: 'expire' })
    const r = await adapter.perform(stock, c.ctx({ clientSecret: 'wrong' }))

    expect(r.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'CLIENT_CREDENTIALS_REFUSED',
    })
    expect(await c.keeper.record()).toMatchObject({
      state: 'CONNECTED',
      lease: null,
    })
    expect((await adapter.perform(stock, c.ctx())).outcome).toMatchObject({
      status: 'SUCCESS',
    })
  })

  it('429: transient, honouring Retry-After', async () => {
    await c.ml.control('/throttle', { on: true, retryAfterSeconds: 7 })
    const r = await adapter.perform(stock, c.ctx())

    expect(r.outcome).toEqual({
      status: 'ERROR',
      reason: 'ML_RATE_LIMITED',
      params: { httpStatus: 429 },
      businessMessage: 'Too many requests [too_many_requests]',
      transient: { retryAfterMs: 7000 },
    })
  })

  it('5xx: transient', async () => {
    await c.ml.control('/fault', {
      status: 503,
      body: {
        message: 'Service unavailable',
        error: 'service_unavailable',
        status: 503,
        cause: [],
      },
    })
    const r = await adapter.perform(stock, c.ctx())

    expect(r.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'ML_UNAVAILABLE',
      transient: { retryAfterMs: null },
    })
  })

  it('a malformed answer: a clear ERROR with what came, never a crash', async () => {
    await c.ml.control('/fault', {
      status: 200,
      raw: '<html>Bad gateway</html>',
    })
    const r = await adapter.perform(stock, c.ctx())

    expect(r.outcome).toEqual({
      status: 'ERROR',
      reason: 'ML_MALFORMED_ANSWER',
      params: { httpStatus: 200 },
      businessMessage: '<html>Bad gateway</html>',
      transient: { retryAfterMs: null },
    })
    expect(r.exchanges[0].response).toEqual({
      status: 200,
      body: '<html>Bad gateway</html>',
    })
  })

  it('no answer in time: ML_UNREACHABLE, transient', async () => {
    await c.ml.control('/fault', { delayMs: 1000 })
    const r = await adapter.perform(stock, c.ctx())

    expect(r.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'ML_UNREACHABLE',
      businessMessage: 'No answer within 300 ms',
      transient: { retryAfterMs: null },
    })
    expect(r.exchanges[0].response.status).toBeNull()
  })

  it('not connected: NOT_CONNECTED without any call', async () => {
    const ctx = {
      ...c.ctx(),
      tokens: new StoredTokenKeeper(new MemoryStorage(), 'other'),
    }

    const r = await adapter.perform(stock, ctx)

    expect(r).toMatchObject({
      outcome: { status: 'ERROR', reason: 'NOT_CONNECTED' },
      exchanges: [],
    })
  })
})

describe('businessMessage', () => {
  it("joins ML's message, error and every cause", () => {
    expect(
      businessMessage({
        message: 'Validation error',
        error: 'validation_error',
        status: 400,
        cause: [
          {
            code: 'item.price.invalid',
            message: 'Price must be positive',
            type: 'error',
          },
          {
            code: 'item.attribute.missing',
            message: 'GTIN recommended',
            type: 'warning',
          },
          'plain cause',
        ],
      })
    ).toBe(
      'Validation error [validation_error]: item.price.invalid: Price must be positive; item.attribute.missing: GTIN recommended (warning); plain cause'
    )
    expect(
      businessMessage({
        message: 'body.invalid_fields',
        error: 'The body does not contains…',
        cause: [],
      })
    ).toBe('body.invalid_fields [The body does not contains…]')
    expect(businessMessage(null)).toBeNull()
  })
})

describe('failureOutcome', () => {
  const now = Date.parse('2024-05-10T12:00:00Z')

  it('reads Retry-After as seconds or as a date', () => {
    expect(
      failureOutcome(
        {
          status: 429,
          headers: { 'Retry-After': 'Fri, 10 May 2024 12:00:30 GMT' },
          body: null,
        },
        now
      )
    ).toMatchObject({ transient: { retryAfterMs: 30_000 } })
    expect(
      failureOutcome(
        { status: 503, headers: { 'retry-after': '2' }, body: null },
        now
      )
    ).toMatchObject({
      transient: { retryAfterMs: 2000 },
    })
  })

  it('does not retry what only a change can fix', () => {
    for (const status of [400, 401, 403, 404, 422])
      expect(
        failureOutcome({ status, headers: {}, body: {} }, now)
      ).not.toHaveProperty('transient')
  })
})

describe('listingAlert', () => {
  const item = (status: string, sub: string[]) =>
    readItem({ id: 'MLB1', status, sub_status: sub })!

  it('alerts on pauses and reviews, not on stock pauses nor on the bridge’s own deactivation', () => {
    expect(listingAlert(item('active', []), 'STOCK', undefined)).toBeNull()
    expect(
      listingAlert(item('paused', ['out_of_stock']), 'STOCK', undefined)
    ).toBeNull()
    expect(listingAlert(item('paused', []), 'DEACTIVATE', undefined)).toBeNull()
    expect(listingAlert(item('paused', []), 'STOCK', undefined)).toMatchObject({
      action: 'LISTING_PAUSED',
    })
    expect(
      listingAlert(item('inactive', []), 'PRICE', undefined)
    ).toMatchObject({ action: 'LISTING_PAUSED' })
    expect(
      listingAlert(item('under_review', ['forbidden']), 'PRICE', undefined)
    ).toMatchObject({
      action: 'LISTING_UNDER_REVIEW',
    })
    expect(listingAlert(item('closed', []), 'PRICE', undefined)).toMatchObject({
      status: 'ERROR',
      reason: 'LISTING_CLOSED',
    })
  })

  it('treats an item body without id or status as malformed', () => {
    expect(readItem({ status: 'active' })).toBeNull()
    expect(readItem({ id: 'MLB1' })).toBeNull()
    expect(readItem('oops')).toBeNull()
  })
})
