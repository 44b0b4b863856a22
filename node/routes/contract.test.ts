import { ForbiddenError } from '@vtex/api'

import { invalidFields } from '../domain/errors'
import { mockContext } from '../test/mockContext'
import { bearerMatches } from './auth'
import { routeContract } from './contract'

describe('the route contract around every route', () => {
  it('answers a domain error with its status, code, reason and fields', async () => {
    const ctx = mockContext()

    await routeContract(ctx, async () => {
      throw invalidFields('INVALID_PARTNER_UPDATE', 'orderId INVALID_FORMAT', [
        { field: 'orderId', code: 'INVALID_FORMAT' },
      ])
    })
    expect(ctx.status).toBe(400)
    expect(ctx.body).toEqual({
      error: {
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_PARTNER_UPDATE',
        message: 'orderId INVALID_FORMAT',
        fields: [{ field: 'orderId', code: 'INVALID_FORMAT' }],
      },
    })
    expect(ctx.sent['cache-control']).toBe('no-store')
  })

  it('keeps the status of @vtex/api’s 4xx errors', async () => {
    const ctx = mockContext()

    await routeContract(ctx, async () => {
      throw new ForbiddenError('no')
    })
    expect(ctx.status).toBe(403)
    expect(ctx.body).toMatchObject({ error: { code: 'FORBIDDEN' } })
  })

  it('logs anything else and answers 500 without its message or stack', async () => {
    const ctx = mockContext()

    await routeContract(ctx, async () => {
      throw new Error('VBase said ECONNRESET at /secret/path')
    })
    expect(ctx.status).toBe(500)
    expect(ctx.body).toEqual({
      error: {
        code: 'INTERNAL_SERVER_ERROR',
        reason: 'INTERNAL_ERROR',
        message:
          'The request could not be completed; nothing was lost, try again.',
        fields: [],
      },
    })
    expect(ctx.fakes.logger.error).toHaveBeenCalledWith(
      expect.objectContaining({
        error: 'VBase said ECONNRESET at /secret/path',
      })
    )
  })

  it('answers a method the route does not take with 405 in the same shape', async () => {
    const ctx = mockContext({ method: 'DELETE' })

    await routeContract(ctx, async () => {
      ctx.status = 405
    })
    expect(ctx.status).toBe(405)
    expect(ctx.body).toMatchObject({
      error: {
        reason: 'METHOD_NOT_ALLOWED',
        message: expect.stringContaining('DELETE'),
      },
    })
  })

  it('leaves an answer the route wrote alone', async () => {
    const ctx = mockContext()

    await routeContract(ctx, async () => {
      ctx.status = 202
      ctx.body = { ok: true }
    })
    expect(ctx.status).toBe(202)
    expect(ctx.body).toEqual({ ok: true })
  })
})

describe('bearerMatches', () => {
  it('takes only "Bearer <the secret>"', () => {
    expect(bearerMatches('Bearer s3cret', 's3cret')).toBe(true)
    expect(bearerMatches('bearer  s3cret ', 's3cret')).toBe(true)
    expect(bearerMatches('Bearer s3cre', 's3cret')).toBe(false)
    expect(bearerMatches('Basic s3cret', 's3cret')).toBe(false)
    expect(bearerMatches(undefined, 's3cret')).toBe(false)
  })
})
