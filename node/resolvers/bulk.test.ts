import { BULK_EVENT } from '../composition/root'
import { mockContext, rootOfMock } from '../test/mockContext'
import { contractOf, seedLog } from '../test/seed'
import {
  bulkAction,
  bulkActions,
  cancelBulkAction,
  resumeBulkAction,
  startBulkAction,
} from './bulk'

const info = {} as never

describe('bulk action resolvers', () => {
  it('starts an action on the selected ids, sends its first chunk event, and reads it back with its progress', async () => {
    const ctx = mockContext()

    await seedLog(
      rootOfMock(ctx).logs,
      { tab: 'PRODUCTS', marketplace: 'amazon', entityId: '1001' },
      'ERROR'
    )
    const started = await startBulkAction(
      {},
      {
        input: {
          tab: 'PRODUCTS',
          action: 'REPROCESS',
          ids: ['PRODUCTS:amazon:1001'],
        },
      },
      ctx,
      info
    )

    expect(started).toMatchObject({
      tab: 'PRODUCTS',
      action: 'REPROCESS',
      ids: ['PRODUCTS:amazon:1001'],
      filter: null,
      status: 'RUNNING',
      total: 1,
      processed: 0,
      progress: 0,
    })
    expect(ctx.fakes.sendEvent).toHaveBeenCalledWith('', BULK_EVENT, {
      bulkId: started.id,
    })
    expect(await bulkAction({}, { id: started.id }, ctx, info)).toEqual(started)
    expect(
      (await bulkActions({}, { tab: 'PRODUCTS' }, ctx, info)).map((a) => a.id)
    ).toEqual([started.id])
    expect(
      await contractOf(() => bulkAction({}, { id: 'b.unknown' }, ctx, info))
    ).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('cancels and resumes through the runner', async () => {
    const ctx = mockContext()
    const started = await startBulkAction(
      {},
      {
        input: {
          tab: 'TRACKING',
          action: 'REMOVE',
          filter: { status: 'ERROR' },
        },
      },
      ctx,
      info
    )

    const canceled = await cancelBulkAction({}, { id: started.id }, ctx, info)

    expect(canceled).toMatchObject({ id: started.id, status: 'CANCELED' })
    const resumed = await resumeBulkAction({}, { id: started.id }, ctx, info)

    expect(resumed).toMatchObject({ id: started.id, status: 'RUNNING' })
  })

  it('refuses an unknown tab, an unknown action, and ids with a filter, sending nothing', async () => {
    const ctx = mockContext()
    const refused = (input: Record<string, unknown>) =>
      contractOf(() =>
        startBulkAction({}, { input: input as never }, ctx, info)
      )

    expect(
      await refused({ tab: 'ORDERS', action: 'REMOVE', ids: ['PRODUCTS:a:1'] })
    ).toMatchObject({ code: 'BAD_USER_INPUT' })
    expect(
      await refused({
        tab: 'PRODUCTS',
        action: 'DELETE',
        ids: ['PRODUCTS:a:1'],
      })
    ).toMatchObject({ code: 'BAD_USER_INPUT' })
    expect(
      await refused({
        tab: 'PRODUCTS',
        action: 'REMOVE',
        ids: ['PRODUCTS:a:1'],
        filter: { status: 'ERROR' },
      })
    ).toMatchObject({ code: 'BAD_USER_INPUT' })
    expect(ctx.fakes.sendEvent).not.toHaveBeenCalled()
  })
})
