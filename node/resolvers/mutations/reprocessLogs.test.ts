import { JOB_EVENT } from '../../composition/root'
import { mockContext, rootOfMock } from '../../test/mockContext'
import { contractOf, seedLog } from '../../test/seed'
import { reprocessLogs } from './reprocessLogs'

const key = (entityId: string) => ({
  tab: 'PRODUCTS' as const,
  marketplace: 'amazon',
  entityId,
})

describe('reprocessLogs (mutation)', () => {
  it('queues an error log, writes its job and sends the job event', async () => {
    const ctx = mockContext()
    const { logs, jobs } = rootOfMock(ctx)

    await seedLog(logs, key('1001'), 'ERROR')
    const [log] = await reprocessLogs(
      {},
      { ids: ['PRODUCTS:amazon:1001'] },
      ctx,
      {} as never
    )

    expect(log).toMatchObject({
      id: 'PRODUCTS:amazon:1001',
      status: 'QUEUED',
      abnormal: false,
      retry: null,
    })
    expect(log.jobId).toEqual(expect.any(String))
    expect(ctx.fakes.sendEvent).toHaveBeenCalledWith('', JOB_EVENT, {
      jobId: log.jobId,
      logId: 'PRODUCTS:amazon:1001',
    })
    expect((await jobs.get(log.jobId!))?.data).toMatchObject({
      logId: 'PRODUCTS:amazon:1001',
      kind: 'REPROCESS',
    })
  })

  it('refuses a success log (only errors reprocess) and queues none of the ids', async () => {
    const ctx = mockContext()
    const { logs } = rootOfMock(ctx)

    await seedLog(logs, key('1001'), 'ERROR')
    await seedLog(logs, key('2002'), 'SUCCESS')

    const refused = (await contractOf(() =>
      reprocessLogs(
        {},
        { ids: ['PRODUCTS:amazon:1001', 'PRODUCTS:amazon:2002'] },
        ctx,
        {} as never
      )
    )) as { code: string; reason: string }

    expect(refused).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NOT_REPROCESSABLE',
    })
    expect((await logs.get('PRODUCTS:amazon:1001'))?.status).toBe('ERROR')
    expect(ctx.fakes.sendEvent).not.toHaveBeenCalled()
  })

  it('answers NOT_FOUND for a log that does not exist', async () => {
    const ctx = mockContext()

    expect(
      await contractOf(() =>
        reprocessLogs({}, { ids: ['TRACKING:amazon:9'] }, ctx, {} as never)
      )
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'LOG_NOT_FOUND' })
  })
})
