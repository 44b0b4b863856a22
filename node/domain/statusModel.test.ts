import { LOG_STATUSES } from './logStatus'
import {
  FOLLOW_UP_MAX_AGE_MS,
  FOLLOW_UP_MAX_CHECKS,
  FOLLOW_UP_MAX_MS,
  FOLLOW_UP_MIN_MS,
  REPROCESSABLE_STATUSES,
  canReprocess,
  followUpStep,
  giveUpAt,
  hasCause,
  keepsExchange,
  mayFollow,
  pendingAfter,
  reprocessRefusal,
  statusState,
} from './statusModel'

const AT = '2026-11-30T12:00:00.000Z'
const ms = (iso: string) => Date.parse(iso)

describe('what may follow what', () => {
  it('an outcome may follow anything (the newest change wins), and is never QUEUED', () => {
    for (const from of [null, ...LOG_STATUSES]) {
      for (const to of ['SUCCESS', 'ERROR', 'PENDING', 'ALERT'] as const)
        expect(mayFollow(from, to, 'OUTCOME')).toBe(true)
      expect(mayFollow(from, 'QUEUED', 'OUTCOME')).toBe(false)
    }
  })

  it('only an error is reprocessed: not an alert (the store must act), not a pending log (its answer is coming)', () => {
    expect(mayFollow('ERROR', 'QUEUED', 'REPROCESS')).toBe(true)
    for (const from of ['SUCCESS', 'PENDING', 'ALERT', 'QUEUED', null] as const)
      expect(mayFollow(from, 'QUEUED', 'REPROCESS')).toBe(false)
    expect(mayFollow('ERROR', 'SUCCESS', 'REPROCESS')).toBe(false)
  })

  it('a follow-up only ends a pending log', () => {
    for (const to of ['SUCCESS', 'ERROR', 'ALERT', 'PENDING'] as const)
      expect(mayFollow('PENDING', to, 'FOLLOW_UP')).toBe(true)
    for (const from of ['SUCCESS', 'ERROR', 'ALERT', 'QUEUED', null] as const)
      expect(mayFollow(from, 'SUCCESS', 'FOLLOW_UP')).toBe(false)
    expect(mayFollow('PENDING', 'QUEUED', 'FOLLOW_UP')).toBe(false)
  })

  it('a transient failure queues a retry from anything', () => {
    expect(mayFollow('ALERT', 'QUEUED', 'RETRY')).toBe(true)
    expect(mayFollow('PENDING', 'ERROR', 'RETRY')).toBe(false)
  })

  it('errors and alerts have causes; every status but SUCCESS keeps what was sent and answered', () => {
    expect(LOG_STATUSES.filter(hasCause)).toEqual(['ERROR', 'ALERT'])
    expect(LOG_STATUSES.filter(keepsExchange)).toEqual([
      'ERROR',
      'PENDING',
      'ALERT',
      'QUEUED',
    ])
  })
})

describe('whether a log may be reprocessed (the admin reads it from the API)', () => {
  it("only the bridge's own errors; every other log says why not", () => {
    expect(
      LOG_STATUSES.map((status) => [status, reprocessRefusal({ status })])
    ).toEqual([
      ['SUCCESS', 'ALREADY_SUCCEEDED'],
      ['ERROR', null],
      ['PENDING', 'AWAITING_MARKETPLACE'],
      ['ALERT', 'STORE_MUST_ACT'],
      ['QUEUED', 'ALREADY_QUEUED'],
    ])
    expect(canReprocess({ status: 'ERROR' })).toBe(true)
    expect(canReprocess({ status: 'ALERT' })).toBe(false)
  })

  it("a partner's log is the partner's, as a document (partner) or as a row (fromPartner)", () => {
    const partner = {
      messageId: 'm1',
      operation: 'Price update',
      direction: 'VTEX to Marketplace',
      translated: null,
      destination: null,
      fingerprint: 'f1',
      day: '2026-11-30',
    }

    expect(reprocessRefusal({ status: 'ERROR', partner })).toBe('PARTNER_LOG')
    expect(reprocessRefusal({ status: 'ERROR', fromPartner: true })).toBe(
      'PARTNER_LOG'
    )
    expect(canReprocess({ status: 'ERROR', fromPartner: false })).toBe(true)
  })

  it('"reprocess everything the filter shows" acts on errors only', () => {
    expect(REPROCESSABLE_STATUSES).toEqual(['ERROR'])
  })
})

describe('a pending follow-up', () => {
  it('starts at the acceptance, next check after the wait the adapter asked (within bounds)', () => {
    const p = pendingAfter({ ref: 'sub-1', afterMs: 120_000 }, AT, null)

    expect(p).toEqual({
      ref: 'sub-1',
      since: AT,
      nextCheckAt: '2026-11-30T12:02:00.000Z',
      checks: 0,
    })
    expect(
      ms(pendingAfter({ ref: 'r', afterMs: 0 }, AT, null).nextCheckAt) - ms(AT)
    ).toBe(FOLLOW_UP_MIN_MS)
    expect(
      ms(
        pendingAfter({ ref: 'r', afterMs: 86_400_000 }, AT, null).nextCheckAt
      ) - ms(AT)
    ).toBe(FOLLOW_UP_MAX_MS)
    expect(
      ms(pendingAfter({ ref: 'r', afterMs: NaN }, AT, null).nextCheckAt) -
        ms(AT)
    ).toBe(FOLLOW_UP_MIN_MS)
  })

  it('continues on the same reference (acceptance kept, checks counted); a new reference starts over', () => {
    const first = pendingAfter({ ref: 'sub-1', afterMs: 60_000 }, AT, null)
    const later = '2026-11-30T12:05:00.000Z'
    const again = pendingAfter({ ref: 'sub-1', afterMs: 60_000 }, later, first)

    expect(again).toMatchObject({ since: AT, checks: 1 })
    expect(
      pendingAfter({ ref: 'sub-2', afterMs: 60_000 }, later, again)
    ).toMatchObject({ ref: 'sub-2', since: later, checks: 0 })
  })

  it('waits, checks when due, gives up after a day or too many checks', () => {
    const p = pendingAfter({ ref: 'sub-1', afterMs: 60_000 }, AT, null)
    const log = { status: 'PENDING' as const, pending: p }

    expect(followUpStep(log, ms(AT) + 59_999)).toBe('WAIT')
    expect(followUpStep(log, ms(AT) + 60_000)).toBe('CHECK')
    expect(followUpStep(log, ms(AT) + FOLLOW_UP_MAX_AGE_MS)).toBe('GIVE_UP')
    expect(
      followUpStep(
        { status: 'PENDING', pending: { ...p, checks: FOLLOW_UP_MAX_CHECKS } },
        ms(AT) + 60_000
      )
    ).toBe('GIVE_UP')
    expect(giveUpAt(p)).toBe('2026-12-01T12:00:00.000Z')
  })

  it('nothing to follow when the log is not pending (superseded) or has no follow-up', () => {
    const p = pendingAfter({ ref: 'sub-1', afterMs: 60_000 }, AT, null)

    expect(followUpStep({ status: 'SUCCESS', pending: p }, ms(AT) + 1e9)).toBe(
      'NONE'
    )
    expect(followUpStep({ status: 'PENDING', pending: null }, ms(AT))).toBe(
      'NONE'
    )
  })
})

describe('what an outcome leaves on the log for its status', () => {
  it('PENDING: the follow-up; ALERT: the action; the business message as said; the others clear them', () => {
    expect(
      statusState(
        { status: 'SUCCESS' },
        {
          status: 'PENDING',
          followUp: { ref: 's', afterMs: 60_000 },
          at: AT,
          businessMessage: 'ACCEPTED',
        }
      )
    ).toEqual({
      businessMessage: 'ACCEPTED',
      pending: {
        ref: 's',
        since: AT,
        nextCheckAt: '2026-11-30T12:01:00.000Z',
        checks: 0,
      },
      alert: null,
    })
    expect(
      statusState(
        { status: 'ERROR' },
        { status: 'ALERT', action: 'LISTING_PAUSED', at: AT }
      )
    ).toEqual({
      businessMessage: null,
      pending: null,
      alert: { action: 'LISTING_PAUSED' },
    })
    expect(
      statusState(
        {
          status: 'PENDING',
          pending: pendingAfter({ ref: 's', afterMs: 1 }, AT, null),
        },
        { status: 'SUCCESS', at: AT, businessMessage: 'x'.repeat(5000) }
      )
    ).toMatchObject({ pending: null, alert: null })
    expect(
      statusState(
        { status: 'SUCCESS' },
        { status: 'SUCCESS', at: AT, businessMessage: 'x'.repeat(5000) }
      ).businessMessage
    ).toHaveLength(4097)
  })
})
