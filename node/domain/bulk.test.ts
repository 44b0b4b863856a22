import {
  applyChunk,
  cancelBulk,
  claimBulk,
  holdsBulk,
  needsResend,
  newBulkAction,
  progressOf,
  releaseBulk,
  resumeBulk,
} from './bulk'

const now = '2026-11-23T10:00:00.000Z'
const t = Date.parse(now)

describe('bulk actions', () => {
  it('takes ids or a filter, never both or neither, and validates ids', () => {
    expect(() =>
      newBulkAction('b', { tab: 'PRODUCTS', action: 'REMOVE' }, null, now)
    ).toThrow(/either/)
    expect(() =>
      newBulkAction(
        'b',
        {
          tab: 'PRODUCTS',
          action: 'REMOVE',
          ids: ['PRODUCTS:a:1'],
          filter: {},
        },
        null,
        now
      )
    ).toThrow(/either/)
    expect(() =>
      newBulkAction(
        'b',
        { tab: 'PRODUCTS', action: 'REMOVE', ids: ['INVENTORY:a:1'] },
        null,
        now
      )
    ).toThrow(/not in the PRODUCTS tab/)
    expect(() =>
      newBulkAction(
        'b',
        { tab: 'PRODUCTS', action: 'DROP', filter: {} },
        null,
        now
      )
    ).toThrow(/Unknown/)
    const a = newBulkAction(
      'b',
      {
        tab: 'PRODUCTS',
        action: 'REPROCESS',
        ids: ['PRODUCTS:a:1', 'PRODUCTS:a:1', 'PRODUCTS:a:2'],
      },
      null,
      now
    )

    expect(a.ids).toEqual(['PRODUCTS:a:1', 'PRODUCTS:a:2'])
    expect(a.total).toBe(2)
  })

  it('one handler at a time holds the lease', () => {
    const a = newBulkAction(
      'b',
      { tab: 'PRODUCTS', action: 'REMOVE', filter: { status: 'ERROR' } },
      120,
      now
    )

    const held = claimBulk(a, t, 'me')!

    expect(held.owner).toBe('me')
    expect(claimBulk(held, t + 1000, 'other')).toBeNull()
    expect(claimBulk(held, t + 61_000, 'other')?.owner).toBe('other')
  })

  it('counts progress, finishes, and never shows more than 100 %', () => {
    let a = newBulkAction(
      'b',
      { tab: 'PRODUCTS', action: 'REMOVE', filter: {} },
      60,
      now
    )

    a = applyChunk(
      a,
      {
        succeeded: 45,
        skipped: 3,
        failed: 2,
        lastError: 'boom',
        cursor: 'c1',
        position: 0,
        finished: false,
      },
      now
    )
    expect(progressOf(a)).toBeCloseTo(50 / 60)
    expect(a.lastError).toBe('boom')
    a = applyChunk(
      a,
      {
        succeeded: 20,
        skipped: 0,
        failed: 0,
        lastError: null,
        cursor: null,
        position: 0,
        finished: true,
      },
      now
    )
    expect(a).toMatchObject({
      status: 'DONE',
      processed: 70,
      total: 70,
      lastError: 'boom',
    })
    expect(progressOf(a)).toBe(1)
  })

  it('stops and resumes; finished actions refuse both', () => {
    const a = newBulkAction(
      'b',
      { tab: 'PRODUCTS', action: 'REMOVE', filter: {} },
      10,
      now
    )

    const stopped = cancelBulk(a, now)

    expect(claimBulk(stopped, t, 'x')).toBeNull()
    expect(resumeBulk(stopped, now).status).toBe('RUNNING')
    expect(() => resumeBulk(a, now)).toThrow(/only a stopped/)
    expect(() => cancelBulk(stopped, now)).toThrow(/only a running/)
  })

  it('a quiet running action is sent again', () => {
    const a = newBulkAction(
      'b',
      { tab: 'PRODUCTS', action: 'REMOVE', filter: {} },
      10,
      now
    )

    expect(needsResend(a, t + 10_000)).toBe(false)
    expect(needsResend(a, t + 100_000)).toBe(true)
    expect(needsResend(claimBulk(a, t + 100_000, 'x')!, t + 100_000)).toBe(
      false
    )
  })

  it('a cancel meanwhile is kept by a chunk, unless it was the last one', () => {
    const a = cancelBulk(
      newBulkAction(
        'b',
        { tab: 'PRODUCTS', action: 'REMOVE', filter: {} },
        100,
        now
      ),
      now
    )

    const chunk = {
      succeeded: 50,
      skipped: 0,
      failed: 0,
      lastError: null,
      cursor: 'c1',
      position: 0,
    }

    expect(applyChunk(a, { ...chunk, finished: false }, now)).toMatchObject({
      status: 'CANCELED',
      processed: 50,
    })
    expect(applyChunk(a, { ...chunk, finished: true }, now)).toMatchObject({
      status: 'DONE',
      processed: 50,
      total: 50,
    })
  })

  it('keeps the lease through chunks and a resume; the release marks the next send', () => {
    const a = newBulkAction(
      'b',
      { tab: 'PRODUCTS', action: 'REMOVE', filter: {} },
      100,
      now
    )

    const held = claimBulk(a, t, 'me')!
    const chunk = {
      succeeded: 1,
      skipped: 0,
      failed: 0,
      lastError: null,
      cursor: 'c',
      position: 0,
      finished: false,
    }

    const worked = applyChunk(held, chunk, now)

    expect(holdsBulk(worked, 'me')).toBe(true)
    expect(holdsBulk(worked, 'other')).toBe(false)
    const resumed = resumeBulk(cancelBulk(worked, now), now)

    expect(holdsBulk(resumed, 'me')).toBe(true)
    expect(releaseBulk(resumed, now)).toMatchObject({
      owner: null,
      claimedUntil: null,
      sends: 1,
      sentAt: now,
    })
    // Stopped or done: released, nothing to send.
    expect(releaseBulk(cancelBulk(worked, now), now)).toMatchObject({
      owner: null,
      sends: 0,
    })
  })
})
