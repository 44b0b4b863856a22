import { DomainError, invalidFields } from './errors'
import { routeAnswerOf, routeAnswerOfStatus } from './routeErrors'

describe('the route error contract', () => {
  it('maps domain errors to a status and the contract body', () => {
    expect(
      routeAnswerOf(
        invalidFields('INVALID_PARTNER_UPDATE', 'bad', [
          { field: 'orderId', code: 'REQUIRED' },
        ])
      )
    ).toEqual({
      status: 400,
      body: {
        error: {
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_PARTNER_UPDATE',
          message: 'bad',
          fields: [{ field: 'orderId', code: 'REQUIRED' }],
        },
      },
    })
    expect(
      routeAnswerOf(new DomainError('NOT_FOUND', 'no', 'ORDER_NOT_FOUND'))
        .status
    ).toBe(404)
    expect(
      routeAnswerOf(
        new DomainError('INVALID_TRANSITION', 'no', 'ORDER_NOT_INVOICED')
      ).status
    ).toBe(422)
    expect(
      routeAnswerOf(new DomainError('CONFLICT', 'no')).body.error.code
    ).toBe('CONFLICT')
    expect(
      routeAnswerOf(
        new DomainError('INVALID_ARGUMENT', 'no', 'INVOICE_NOT_ADDRESSABLE')
      ).status
    ).toBe(422)
  })

  it("maps @vtex/api's 4xx errors by status", () => {
    expect(routeAnswerOfStatus(401, 'x').body.error.code).toBe(
      'UNAUTHENTICATED'
    )
    expect(routeAnswerOfStatus(403, 'x').body.error.code).toBe('FORBIDDEN')
    expect(routeAnswerOfStatus(400, 'x').body.error.code).toBe('BAD_USER_INPUT')
  })
})
