import type { IntegrationLog, Outcome, OutcomeBase } from './log'
import {
  HISTORY_LIMIT,
  awaitsJob,
  buildLogId,
  canReprocess,
  completeJob,
  markQueued,
  parseLogId,
  recordOutcome,
} from './log'

const key = {
  tab: 'INVENTORY' as const,
  marketplace: 'mercadolivre',
  entityId: '1234',
}

const outcome = (
  status: 'SUCCESS' | 'ERROR',
  at: string,
  extra: Partial<OutcomeBase> = {}
): Outcome => ({
  status,
  message:
    status === 'ERROR' ? 'Marketplace answered 400: invalid stock' : 'Accepted',
  origin:
    status === 'ERROR'
      ? {
          request: {
            method: 'PUT',
            url: 'https://mkt/stock/1234',
            body: '{"quantity":3}',
          },
          response: { status: 400, body: '{"message":"invalid stock"}' },
        }
      : null,
  at,
  trigger: 'CHANGE',
  ...extra,
})

describe('log ids', () => {
  it('round-trips tab, marketplace and entity', () => {
    const id = buildLogId('TRACKING', 'amazon', '1300740588301-01')

    expect(id).toBe('TRACKING:amazon:1300740588301-01')
    expect(parseLogId(id)).toEqual({
      tab: 'TRACKING',
      marketplace: 'amazon',
      entityId: '1300740588301-01',
    })
  })

  it.each([
    ['', /expected TAB:marketplace:entityId/],
    ['PRODUCTS:amazon', /expected TAB:marketplace:entityId/],
    ['ORDERS:amazon:1', /Unknown tab "ORDERS"/],
    ['PRODUCTS:Amazon:1', /Invalid marketplace "Amazon"/],
    ['PRODUCTS:amazon:../x', /Invalid entity id/],
    ['PRODUCTS:amazon:a/b', /Invalid entity id/],
  ])('refuses %p with a clear message', (id, message) => {
    expect(() => parseLogId(id)).toThrow(message)
  })
})

describe('recordOutcome', () => {
  it('creates a log on the first attempt', () => {
    const log = recordOutcome(
      null,
      key,
      { quantity: 3 },
      outcome('ERROR', '2026-11-20T10:00:00.000Z')
    )

    expect(log).toMatchObject({
      id: 'INVENTORY:mercadolivre:1234',
      status: 'ERROR',
      attempts: 1,
      createdAt: '2026-11-20T10:00:00.000Z',
      processedAt: '2026-11-20T10:00:00.000Z',
      payload: { quantity: 3 },
      jobId: null,
    })
    expect(log.origin?.response.status).toBe(400)
    expect(log.history).toEqual([
      expect.objectContaining({
        status: 'ERROR',
        httpStatus: 400,
        trigger: 'CHANGE',
      }),
    ])
  })

  it('keeps the creation time, counts attempts and drops the origin on success', () => {
    const first = recordOutcome(
      null,
      key,
      {},
      outcome('ERROR', '2026-11-20T10:00:00.000Z')
    )

    const second = recordOutcome(
      first,
      key,
      {},
      outcome('SUCCESS', '2026-11-20T11:00:00.000Z')
    )

    expect(second.createdAt).toBe('2026-11-20T10:00:00.000Z')
    expect(second.attempts).toBe(2)
    expect(second.origin).toBeNull()
    expect(second.history.map((h) => h.status)).toEqual(['SUCCESS', 'ERROR'])
  })

  it(`bounds the history to ${HISTORY_LIMIT} attempts, newest first`, () => {
    let log: IntegrationLog | null = null

    for (let i = 0; i < HISTORY_LIMIT + 5; i++) {
      log = recordOutcome(
        log,
        key,
        {},
        outcome('ERROR', new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString())
      )
    }

    expect(log!.attempts).toBe(HISTORY_LIMIT + 5)
    expect(log!.history).toHaveLength(HISTORY_LIMIT)
    expect(log!.history[0].at).toBe(
      new Date(Date.UTC(2026, 0, 1, 0, HISTORY_LIMIT + 4)).toISOString()
    )
  })

  it('truncates huge response bodies so a log stays small', () => {
    const huge = 'x'.repeat(100_000)
    const log = recordOutcome(
      null,
      key,
      {},
      {
        ...outcome('ERROR', '2026-11-20T10:00:00.000Z'),
        origin: {
          request: { method: 'PUT', url: 'u', body: huge },
          response: { status: 500, body: huge },
        },
      }
    )

    expect(log.origin!.response.body!.length).toBeLessThan(17_000)
    expect(log.origin!.response.body).toMatch(/truncated/)
  })
})

describe('reprocess transitions', () => {
  const failed = recordOutcome(
    null,
    key,
    { quantity: 3 },
    outcome('ERROR', '2026-11-20T10:00:00.000Z')
  )

  it('queues an error log', () => {
    const queued = markQueued(failed, 'job-1', '2026-11-20T10:05:00.000Z')

    expect(queued).toMatchObject({
      status: 'QUEUED',
      jobId: 'job-1',
      queuedAt: '2026-11-20T10:05:00.000Z',
    })
  })

  it('leaves an already queued log untouched', () => {
    const queued = markQueued(failed, 'job-1', 'x')

    expect(markQueued(queued, 'job-2', 'y')).toBe(queued)
  })

  it('refuses to reprocess a success log', () => {
    const ok = recordOutcome(
      null,
      key,
      {},
      outcome('SUCCESS', '2026-11-20T10:00:00.000Z')
    )

    expect(() => markQueued(ok, 'job-1', 'x')).toThrow(
      /only logs with errors can be reprocessed/
    )
  })

  it('applies the outcome of the job the log waits for, once', () => {
    const queued = markQueued(failed, 'job-1', '2026-11-20T10:05:00.000Z')
    const done = completeJob(queued, 'job-1', {
      ...outcome('SUCCESS', '2026-11-20T10:06:00.000Z'),
      trigger: 'REPROCESS',
    })

    expect(done).toMatchObject({
      status: 'SUCCESS',
      attempts: 2,
      jobId: null,
      queuedAt: null,
    })
    expect(done!.history[0].trigger).toBe('REPROCESS')
    expect(completeJob(done!, 'job-1', outcome('ERROR', 'z'))).toBeNull()
  })

  it('ignores a job the log no longer waits for', () => {
    const queued = markQueued(failed, 'job-2', 'x')

    expect(completeJob(queued, 'job-1', outcome('SUCCESS', 'y'))).toBeNull()
  })

  it('may fail again', () => {
    const queued = markQueued(failed, 'job-1', 'x')
    const again = completeJob(
      queued,
      'job-1',
      outcome('ERROR', '2026-11-20T10:06:00.000Z')
    )

    expect(again).toMatchObject({ status: 'ERROR', attempts: 2 })
  })

  it('only errors can be reprocessed (the rule the API hands the admin)', () => {
    expect(canReprocess({ status: 'ERROR' })).toBe(true)
    expect(canReprocess({ status: 'SUCCESS' })).toBe(false)
    expect(canReprocess({ status: 'QUEUED' })).toBe(false)
    expect(() =>
      markQueued(
        recordOutcome(null, key, {}, outcome('SUCCESS', 'x')),
        'job-1',
        'x'
      )
    ).toThrow(expect.objectContaining({ reason: 'NOT_REPROCESSABLE' }))
  })

  it('a reprocess job is awaited only by the queued log that names it', () => {
    const queued = markQueued(failed, 'job-1', 'x')

    expect(awaitsJob(queued, 'job-1')).toBe(true)
    expect(awaitsJob(queued, 'job-2')).toBe(false)
    expect(awaitsJob(failed, 'job-1')).toBe(false)
    expect(awaitsJob(null, 'job-1')).toBe(false)
  })
})
