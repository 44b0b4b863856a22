import type { BulkRunner } from '../services/bulk'
import type { BridgeQueue } from '../services/queue'
import { mockEventContext, rootOfMock } from '../test/mockContext'
import { onCatalogChange, onOrderStatus, runBulk, runJob } from './handlers'

/** The root's queue replaced by one whose entry points record their input. */
function withQueue(ctx: ReturnType<typeof mockEventContext>) {
  const queue = {
    onCatalogChange: jest.fn(async () => []),
    onOrderStatus: jest.fn(async () => []),
    run: jest.fn(async () => 'done'),
  }

  jest
    .spyOn(rootOfMock(ctx), 'queue')
    .mockResolvedValue(queue as unknown as BridgeQueue)

  return queue
}

describe('event handlers', () => {
  it('hands a catalog notification to the queue, then checks the schedule', async () => {
    const body = { IdSku: '1001', DateModified: '2026-11-30T10:00:00Z' }
    const ctx = mockEventContext(body)
    const queue = withQueue(ctx)

    await onCatalogChange(ctx)
    expect(queue.onCatalogChange).toHaveBeenCalledWith(body)
    expect(ctx.fakes.schedulerGet).toHaveBeenCalledTimes(1)
    expect(ctx.fakes.logger.warn).not.toHaveBeenCalled()
  })

  it.each([
    ['not an object', 'IdSku=1'],
    ['no IdSku', { DateModified: '2026-11-30T10:00:00Z' }],
    ['an IdSku that is not digits', { IdSku: '10a' }],
  ])(
    'acknowledges a notification with %s, logs why, queues nothing',
    async (_, body) => {
      const ctx = mockEventContext(body)
      const queue = withQueue(ctx)

      await expect(onCatalogChange(ctx)).resolves.toBeUndefined()
      expect(queue.onCatalogChange).not.toHaveBeenCalled()
      expect(ctx.fakes.logger.warn).toHaveBeenCalledWith(
        expect.objectContaining({
          reason: 'INVALID_EVENT',
          sender: 'vtex.test',
          message: expect.stringContaining('acknowledged without effect'),
        })
      )
    }
  )

  it('throws any other failure, so the bus delivers the event again', async () => {
    const ctx = mockEventContext({ IdSku: 1001 })
    const queue = withQueue(ctx)

    queue.onCatalogChange.mockRejectedValue(new Error('VBase 503'))
    await expect(onCatalogChange(ctx)).rejects.toThrow('VBase 503')
  })

  it('acknowledges the event when only the schedule check fails, with a warning', async () => {
    const ctx = mockEventContext({ IdSku: '7' })
    const queue = withQueue(ctx)

    ctx.fakes.schedulerGet.mockRejectedValue(new Error('scheduler down'))
    await expect(onCatalogChange(ctx)).resolves.toBeUndefined()
    expect(queue.onCatalogChange).toHaveBeenCalled()
    expect(ctx.fakes.logger.warn).toHaveBeenCalledWith({
      message: 'The maintenance schedule could not be checked',
      error: 'scheduler down',
    })
  })

  it('an order status goes to the queue; an invoiced one is also followed (onInvoiced)', async () => {
    const invoiced = mockEventContext({
      orderId: '1300000012345-01',
      currentState: 'invoiced',
    })

    const queue = withQueue(invoiced)
    const onInvoiced = jest
      .spyOn(rootOfMock(invoiced), 'onInvoiced')
      .mockResolvedValue(undefined)

    await onOrderStatus(invoiced)
    expect(queue.onOrderStatus).toHaveBeenCalledWith(
      expect.objectContaining({ orderId: '1300000012345-01' })
    )
    expect(onInvoiced).toHaveBeenCalledWith('1300000012345-01')

    const handling = mockEventContext({
      orderId: '1300000012345-01',
      currentState: 'handling',
    })

    withQueue(handling)
    const notFollowed = jest.spyOn(rootOfMock(handling), 'onInvoiced')

    await onOrderStatus(handling)
    expect(notFollowed).not.toHaveBeenCalled()
  })

  it('runJob runs the job the event names; a malformed job id is acknowledged', async () => {
    const ctx = mockEventContext({ jobId: 'r.abc123.x1' })
    const queue = withQueue(ctx)

    await runJob(ctx)
    expect(queue.run).toHaveBeenCalledWith('r.abc123.x1')

    const bad = mockEventContext({ jobId: '../etc' })
    const badQueue = withQueue(bad)

    await runJob(bad)
    expect(badQueue.run).not.toHaveBeenCalled()
    expect(bad.fakes.logger.warn).toHaveBeenCalledWith(
      expect.objectContaining({
        fields: [{ field: 'jobId', code: 'INVALID_FORMAT' }],
      })
    )
  })

  it('runBulk runs one chunk of the bulk action the event names', async () => {
    const ctx = mockEventContext({ bulkId: '1764500000000-abc' })
    const runChunk = jest.fn(async () => 'more' as const)

    jest
      .spyOn(rootOfMock(ctx), 'bulk')
      .mockResolvedValue({ runChunk } as unknown as BulkRunner)
    await runBulk(ctx)
    expect(runChunk).toHaveBeenCalledWith('1764500000000-abc')
  })
})
