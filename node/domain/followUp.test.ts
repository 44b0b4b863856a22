import { followUpExpired, recordFollowUp } from './followUp'
import type { IntegrationLog, Outcome } from './log'
import { canReprocess, markQueued, recordOutcome } from './log'
import { FOLLOW_UP_MAX_CHECKS } from './statusModel'

const key = {
  tab: 'INVENTORY' as const,
  marketplace: 'amazon',
  entityId: '1001',
}

const exchange = {
  request: {
    method: 'PATCH',
    url: 'https://sellingpartnerapi-na.amazon.com/listings/2021-08-01/items/A1/SKU-1001',
    body: '{"patches":[]}',
  },
  response: {
    status: 200,
    body: '{"status":"ACCEPTED","submissionId":"sub-1"}',
  },
}

const pendingLog = (): IntegrationLog =>
  recordOutcome(
    null,
    key,
    { skuId: '1001', quantity: 4 },
    {
      status: 'PENDING',
      followUp: { ref: 'sub-1', afterMs: 60_000 },
      message: 'Amazon accepted the submission sub-1',
      businessMessage: 'ACCEPTED',
      origin: exchange,
      at: '2026-11-30T12:00:00.000Z',
      changedAt: '2026-11-30T11:59:00.000Z',
      trigger: 'CHANGE',
    }
  )

const final = (over: Partial<Outcome> & Pick<Outcome, 'status'>): Outcome =>
  ({
    message: 'Amazon: listing updated',
    origin: null,
    at: '2026-11-30T12:03:00.000Z',
    trigger: 'CHANGE',
    ...over,
  } as Outcome)

describe('a pending log', () => {
  it('keeps what was sent, the answer, the business message and the follow-up; is not reprocessed', () => {
    const log = pendingLog()

    expect(log).toMatchObject({
      status: 'PENDING',
      origin: exchange,
      businessMessage: 'ACCEPTED',
      pending: { ref: 'sub-1', since: '2026-11-30T12:00:00.000Z', checks: 0 },
      alert: null,
      lastAccepted: null,
      latencyMs: null,
    })
    expect(canReprocess(log)).toBe(false)
    expect(() => markQueued(log, 'job-1', log.processedAt)).toThrow(
      /only logs with errors/
    )
  })

  it('becomes SUCCESS on the final answer: latency from the change, attempts unchanged, history says FOLLOW_UP', () => {
    const done = recordFollowUp(
      pendingLog(),
      'sub-1',
      final({ status: 'SUCCESS' })
    )!

    expect(done).toMatchObject({
      status: 'SUCCESS',
      pending: null,
      attempts: 1,
      latencyMs: 4 * 60_000,
      lastAccepted: { skuId: '1001', quantity: 4 },
      changedAt: '2026-11-30T11:59:00.000Z',
      origin: null,
    })
    expect(done.history.map((h) => [h.status, h.trigger])).toEqual([
      ['SUCCESS', 'FOLLOW_UP'],
      ['PENDING', 'CHANGE'],
    ])
  })

  it('becomes an ERROR (reprocessable) or an ALERT with its action', () => {
    const error = recordFollowUp(
      pendingLog(),
      'sub-1',
      final({
        status: 'ERROR',
        message: 'Amazon: 8541 Invalid quantity',
        businessMessage: 'Invalid quantity',
      })
    )!

    expect(error).toMatchObject({
      status: 'ERROR',
      businessMessage: 'Invalid quantity',
      pending: null,
    })
    expect(canReprocess(error)).toBe(true)

    const alert = recordFollowUp(
      pendingLog(),
      'sub-1',
      final({ status: 'ALERT', action: 'LISTING_PAUSED' } as Partial<Outcome> &
        Pick<Outcome, 'status'>)
    )!

    expect(alert).toMatchObject({
      status: 'ALERT',
      alert: { action: 'LISTING_PAUSED' },
    })
    expect(canReprocess(alert)).toBe(false)
  })

  it('still pending: only the next check moves and the checks are counted (no history entry)', () => {
    const log = pendingLog()
    const still = recordFollowUp(
      log,
      'sub-1',
      final({
        status: 'PENDING',
        followUp: { ref: 'sub-1', afterMs: 300_000 },
        businessMessage: 'PROCESSING',
      } as Partial<Outcome> & Pick<Outcome, 'status'>)
    )!

    expect(still).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      businessMessage: 'PROCESSING',
      pending: {
        ref: 'sub-1',
        since: '2026-11-30T12:00:00.000Z',
        nextCheckAt: '2026-11-30T12:08:00.000Z',
        checks: 1,
      },
    })
    expect(still.history).toEqual(log.history)
  })

  it('a follow-up for a log that moved on writes nothing (newer change, other reference, removed)', () => {
    const log = pendingLog()
    const newer = recordOutcome(
      log,
      key,
      { quantity: 2 },
      final({ status: 'SUCCESS' })
    )

    expect(
      recordFollowUp(newer, 'sub-1', final({ status: 'ERROR' }))
    ).toBeNull()
    expect(
      recordFollowUp(log, 'sub-2', final({ status: 'SUCCESS' }))
    ).toBeNull()
    expect(
      recordFollowUp(null, 'sub-1', final({ status: 'SUCCESS' }))
    ).toBeNull()
  })

  it('gives up as an error saying why, keeping what was sent', () => {
    const log = pendingLog()
    const expired = followUpExpired(log, 'Amazon', '2026-12-01T12:00:00.000Z')
    const after = recordFollowUp(log, 'sub-1', expired)!

    expect(after.status).toBe('ERROR')
    expect(after.message).toBe(
      'Amazon accepted the update but gave no final answer within 24 h; reprocess to send it again.'
    )
    expect(after.origin).toEqual(exchange)
    expect(
      followUpExpired(
        { ...log, pending: { ...log.pending!, checks: FOLLOW_UP_MAX_CHECKS } },
        'Amazon',
        '2026-11-30T20:00:00.000Z'
      ).message
    ).toMatch(/still pending after 48 checks/)
  })
})

describe('an alert log', () => {
  it('keeps its action and what was sent; the next change replaces it', () => {
    const alert = recordOutcome(
      null,
      key,
      { quantity: 3 },
      {
        status: 'ALERT',
        action: 'LISTING_PAUSED',
        message: 'Mercado Livre: listing MLB1 is paused; reactivate it',
        businessMessage: 'Item paused by the seller',
        origin: exchange,
        at: '2026-11-30T12:00:00.000Z',
        trigger: 'CHANGE',
      }
    )

    expect(alert).toMatchObject({
      status: 'ALERT',
      alert: { action: 'LISTING_PAUSED' },
      origin: exchange,
      lastAccepted: null,
      abnormal: false,
    })
    expect(
      recordOutcome(alert, key, { quantity: 5 }, final({ status: 'SUCCESS' }))
    ).toMatchObject({ status: 'SUCCESS', alert: null, businessMessage: null })
  })
})
