import { mockContext, rootOfMock } from '../../test/mockContext'
import { contractOf, seedLog } from '../../test/seed'
import { removeLogs } from './removeLogs'

const key = {
  tab: 'PRODUCTS' as const,
  marketplace: 'amazon',
  entityId: '1001',
}

describe('removeLogs (mutation)', () => {
  it('removes the logs it finds and names the ones it does not', async () => {
    const ctx = mockContext()
    const { logs } = rootOfMock(ctx)

    await seedLog(logs, key, 'ERROR')
    const answer = await removeLogs(
      {},
      { ids: ['PRODUCTS:amazon:1001', 'PRODUCTS:amazon:2002'] },
      ctx,
      {} as never
    )

    expect(answer).toEqual({
      removed: ['PRODUCTS:amazon:1001'],
      notFound: ['PRODUCTS:amazon:2002'],
    })
    expect(await logs.get('PRODUCTS:amazon:1001')).toBeNull()
  })

  it('refuses the whole call when one id is malformed, before removing anything', async () => {
    const ctx = mockContext()
    const { logs } = rootOfMock(ctx)

    await seedLog(logs, key, 'ERROR')
    const remove = jest.spyOn(logs, 'remove')

    expect(
      await contractOf(() =>
        removeLogs(
          {},
          { ids: ['PRODUCTS:amazon:1001', 'not-a-log-id'] },
          ctx,
          {} as never
        )
      )
    ).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_LOG_ID', fields: [] })
    expect(remove).not.toHaveBeenCalled()
    expect((await logs.get('PRODUCTS:amazon:1001'))?.status).toBe('ERROR')
  })

  it('refuses an empty list and more than 100 ids, naming the field', async () => {
    const ctx = mockContext()

    expect(
      await contractOf(() => removeLogs({}, { ids: [] }, ctx, {} as never))
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ARGUMENT',
      fields: [{ field: 'ids', code: 'TOO_FEW', params: { min: 1 } }],
    })
    const ids = Array.from({ length: 101 }, (_, i) => `PRODUCTS:amazon:${i}`)

    expect(
      await contractOf(() => removeLogs({}, { ids }, ctx, {} as never))
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_MANY_IDS',
      fields: [{ field: 'ids', code: 'TOO_MANY', params: { max: 100 } }],
    })
  })
})
