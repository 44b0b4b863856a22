import type { CarrierTracker } from '../services/carrier'
import { mockContext, rootOfMock } from '../test/mockContext'
import { runRoute } from '../test/route'
import { partnerTracking } from './partner'

const TOKEN = 'partner-secret-0123456789abcdef0123'
const update = {
  orderId: '1300000012345-01',
  invoiceNumber: '40012',
  events: [{ status: 'delivered', date: '2026-11-29T09:30:00Z' }],
}

function post(
  body: unknown,
  headers: Record<string, string> = {
    authorization: `Bearer ${TOKEN}`,
    'content-type': 'application/json',
  },
  settings: Record<string, unknown> = { partnerToken: TOKEN }
) {
  const ctx = mockContext({
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    settings,
  })

  const partner = jest.fn(async () => ({ accepted: 1, known: 0 }))

  jest
    .spyOn(rootOfMock(ctx), 'carrier')
    .mockResolvedValue({ partner } as unknown as CarrierTracker)

  return { ctx, partner }
}

describe('POST partner/tracking', () => {
  it('hands the parsed update to the carrier tracker and answers 200 with its result', async () => {
    const { ctx, partner } = post(update)

    await runRoute(ctx, partnerTracking)
    expect(ctx.status).toBe(200)
    expect(ctx.body).toEqual({
      orderId: '1300000012345-01',
      accepted: 1,
      known: 0,
    })
    expect(partner).toHaveBeenCalledWith(
      expect.objectContaining({
        orderId: '1300000012345-01',
        invoiceNumber: '40012',
        events: [
          expect.objectContaining({
            status: 'delivered',
            date: '2026-11-29T09:30:00.000Z',
          }),
        ],
      })
    )
    expect(ctx.sent['cache-control']).toBe('no-store')
  })

  it('is off (401 PARTNER_INTERFACE_OFF) while no partner token is set', async () => {
    const { ctx, partner } = post(update, undefined, {})

    await runRoute(ctx, partnerTracking)
    expect(ctx.status).toBe(401)
    expect(ctx.body).toMatchObject({
      error: { code: 'UNAUTHENTICATED', reason: 'PARTNER_INTERFACE_OFF' },
    })
    expect(partner).not.toHaveBeenCalled()
  })

  it('refuses a wrong bearer token with 401 and WWW-Authenticate', async () => {
    const { ctx, partner } = post(update, {
      authorization: 'Bearer nope',
      'content-type': 'application/json',
    })

    await runRoute(ctx, partnerTracking)
    expect(ctx.status).toBe(401)
    expect(ctx.sent['www-authenticate']).toBe('Bearer')
    expect(ctx.body).toMatchObject({
      error: { reason: 'PARTNER_TOKEN_INVALID' },
    })
    expect(partner).not.toHaveBeenCalled()
  })

  it('answers 415 for a body that is not JSON by its media type', async () => {
    const { ctx, partner } = post('orderId=1', {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'text/plain',
    })

    await runRoute(ctx, partnerTracking)
    expect(ctx.status).toBe(415)
    expect(ctx.body).toMatchObject({
      error: { code: 'BAD_USER_INPUT', reason: 'UNSUPPORTED_MEDIA_TYPE' },
    })
    expect(partner).not.toHaveBeenCalled()
  })

  it('answers 400 naming every invalid field, sending nothing', async () => {
    const { ctx, partner } = post({ orderId: '', events: [] })

    await runRoute(ctx, partnerTracking)
    expect(ctx.status).toBe(400)
    const { error } = ctx.body as {
      error: { code: string; fields: Array<{ field: string }> }
    }

    expect(error.code).toBe('BAD_USER_INPUT')
    expect(error.fields.map((f) => f.field)).toEqual(
      expect.arrayContaining(['orderId', 'events'])
    )
    expect(partner).not.toHaveBeenCalled()
  })
})
