import { markQueued, recordOutcome } from './log'
import { markRetrying } from './retrying'

const key = { tab: 'INVENTORY' as const, marketplace: 'amazon', entityId: '7' }
const retry = {
  attempt: 3,
  maxAttempts: 10,
  nextAttemptAt: '2026-11-20T10:00:20.000Z',
  lastError: 'Could not reach Amazon: timeout of 10000ms exceeded',
}

describe('markRetrying', () => {
  it('creates the log of a first export as QUEUED with the retry state', () => {
    const log = markRetrying(
      null,
      key,
      { quantity: 4 },
      retry,
      '2026-11-20T10:00:00.000Z'
    )

    expect(log).toMatchObject({
      id: 'INVENTORY:amazon:7',
      status: 'QUEUED',
      message: retry.lastError,
      attempts: 0,
      history: [],
      changedAt: null,
      jobId: null,
      payload: { quantity: 4 },
      retry,
    })
  })

  it('keeps the attempts and change time of an existing log; the outcome clears the state', () => {
    const ok = recordOutcome(
      null,
      key,
      { quantity: 1 },
      {
        status: 'SUCCESS',
        message: 'Accepted by Amazon',
        origin: null,
        at: '2026-11-20T09:00:00.000Z',
        trigger: 'CHANGE',
        changedAt: '2026-11-20T08:59:00.000Z',
      }
    )

    const retrying = markRetrying(
      ok,
      key,
      { quantity: 4 },
      retry,
      '2026-11-20T10:00:00.000Z'
    )!

    expect(retrying).toMatchObject({
      status: 'QUEUED',
      attempts: 1,
      changedAt: '2026-11-20T08:59:00.000Z',
      lastAccepted: { quantity: 1 },
      retry,
    })
    const done = recordOutcome(
      retrying,
      key,
      { quantity: 4 },
      {
        status: 'ERROR',
        message: 'Amazon answered HTTP 503',
        origin: null,
        at: '2026-11-20T10:01:00.000Z',
        trigger: 'CHANGE',
        retriesExhausted: 10,
      }
    )

    expect(done).toMatchObject({
      status: 'ERROR',
      retry: null,
      retriesExhausted: 10,
    })
  })

  it('leaves a reprocess waiting in the queue alone', () => {
    const failed = recordOutcome(null, key, null, {
      status: 'ERROR',
      message: 'x',
      origin: null,
      at: '2026-11-20T09:00:00.000Z',
      trigger: 'CHANGE',
    })

    const queued = markQueued(failed, 'r.1', '2026-11-20T09:30:00.000Z')

    expect(
      markRetrying(queued, key, null, retry, '2026-11-20T10:00:00.000Z')
    ).toBeNull()
  })
})
