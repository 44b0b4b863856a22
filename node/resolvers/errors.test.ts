import { DomainError, invalidFields } from '../domain/errors'
import { mockContext } from '../test/mockContext'
import { toGraphQLError, withErrors } from './errors'

describe('the GraphQL error contract', () => {
  it('maps each domain code to the code the admin reads, with reason and fields', () => {
    const e = toGraphQLError(
      invalidFields('INVALID_PAGE', 'first must be from 1 to 100.', [
        { field: 'first', code: 'OUT_OF_RANGE', params: { min: 1, max: 100 } },
      ])
    ) as Error & { extensions: unknown }

    expect(e.message).toBe('first must be from 1 to 100.')
    expect(e.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_PAGE',
      fields: [
        { field: 'first', code: 'OUT_OF_RANGE', params: { min: 1, max: 100 } },
      ],
    })
    expect(
      (
        toGraphQLError(
          new DomainError('NOT_FOUND', 'Log x not found', 'LOG_NOT_FOUND')
        ) as { extensions: unknown }
      ).extensions
    ).toEqual({ code: 'NOT_FOUND', reason: 'LOG_NOT_FOUND', fields: [] })
    expect(
      (
        toGraphQLError(
          new DomainError('CONFLICT', 'Changed meanwhile', 'SETTINGS_CONFLICT')
        ) as { extensions: unknown }
      ).extensions
    ).toEqual({ code: 'CONFLICT', reason: 'SETTINGS_CONFLICT', fields: [] })
  })

  it('leaves any other error as it is (the platform answers it)', async () => {
    const boom = new Error('VBase is down')
    const resolver = withErrors(async () => {
      throw boom
    })

    await expect(resolver({}, {}, mockContext())).rejects.toBe(boom)
  })
})
