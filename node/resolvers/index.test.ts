import { mockContext, rootOfMock } from '../test/mockContext'
import { seedLog } from '../test/seed'
import { resolvers } from '.'

const info = {} as never

describe('field resolvers of the schema', () => {
  it('PageInfo.total runs the count only when the field is resolved', async () => {
    const total = jest.fn(async () => 42)

    expect(
      await resolvers.PageInfo.total(
        { total, endCursor: null, hasNextPage: false },
        {},
        mockContext(),
        info
      )
    ).toBe(42)
    expect(total).toHaveBeenCalledTimes(1)
  })

  it('IntegrationLogSummary.retry reads the log of a queued row only', async () => {
    const ctx = mockContext()
    const { logs } = rootOfMock(ctx)

    await seedLog(
      logs,
      { tab: 'PRODUCTS', marketplace: 'amazon', entityId: '1001' },
      'ERROR'
    )
    const get = jest.spyOn(logs, 'get')
    const retry = resolvers.IntegrationLogSummary.retry as unknown as (
      row: { id: string; status: string },
      args: unknown,
      ctx: Context
    ) => Promise<unknown>

    expect(
      await retry({ id: 'PRODUCTS:amazon:1001', status: 'ERROR' }, {}, ctx)
    ).toBeNull()
    expect(get).not.toHaveBeenCalled()
    expect(
      await retry({ id: 'PRODUCTS:amazon:1001', status: 'QUEUED' }, {}, ctx)
    ).toBeNull()
    expect(get).toHaveBeenCalledWith('PRODUCTS:amazon:1001')
  })

  it('every root field of the schema has its resolver', () => {
    expect(
      Object.keys(resolvers.Query).sort((a, b) => a.localeCompare(b))
    ).toEqual([
      'bridgeSettings',
      'bulkAction',
      'bulkActions',
      'csvExport',
      'csvExports',
      'errorGroupPage',
      'errorGroups',
      'integrationLog',
      'integrationLogs',
      'integrationOverview',
      'marketplaces',
    ])
    expect(
      Object.keys(resolvers.Mutation).sort((a, b) => a.localeCompare(b))
    ).toEqual([
      'cancelBulkAction',
      'cancelCsvExport',
      'removeLogs',
      'reprocessLogs',
      'resumeBulkAction',
      'saveBridgeSettings',
      'startBulkAction',
      'startCsvExport',
    ])
  })
})
