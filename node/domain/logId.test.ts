import { isDomainError } from './errors'
import { MAX_IDS, logNotFound, parseLogId, parseLogIds } from './logId'

const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    if (isDomainError(e))
      return { code: e.code, reason: e.reason, fields: e.fields }
  }

  return null
}

describe('the ids one request acts on (reprocess and remove)', () => {
  const ids = (n: number) =>
    Array.from({ length: n }, (_, i) => `PRODUCTS:amazon:${i + 1}`)

  it('takes 1 to 100 valid ids', () => {
    expect(parseLogIds(ids(1), 'reprocess')).toEqual([
      { tab: 'PRODUCTS', marketplace: 'amazon', entityId: '1' },
    ])
    expect(parseLogIds(ids(MAX_IDS), 'remove')).toHaveLength(100)
  })

  it('refuses none and more than 100, saying what the request does', () => {
    expect(refusal(() => parseLogIds([], 'remove'))).toEqual({
      code: 'INVALID_ARGUMENT',
      reason: 'INVALID_ARGUMENT',
      fields: [{ field: 'ids', code: 'TOO_FEW', params: { min: 1 } }],
    })
    expect(refusal(() => parseLogIds(ids(101), 'reprocess'))).toEqual({
      code: 'INVALID_ARGUMENT',
      reason: 'TOO_MANY_IDS',
      fields: [{ field: 'ids', code: 'TOO_MANY', params: { max: 100 } }],
    })
    expect(() => parseLogIds(ids(101), 'reprocess')).toThrow(
      'Pass from 1 to 100 log ids to reprocess.'
    )
  })

  it('refuses the whole list when one id is malformed', () => {
    expect(
      refusal(() => parseLogIds(['PRODUCTS:amazon:1', '../../v2/x'], 'remove'))
    ).toMatchObject({ code: 'INVALID_ARGUMENT', reason: 'INVALID_LOG_ID' })
    expect(refusal(() => parseLogId('ORDERS:amazon:1'))).toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
  })

  it('names a log that does not exist', () => {
    expect(logNotFound('PRODUCTS:amazon:1')).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'LOG_NOT_FOUND',
      message: 'Log PRODUCTS:amazon:1 was not found.',
    })
  })
})
