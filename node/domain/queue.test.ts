import {
  LEASE_MS,
  MAX_DELIVERIES,
  RENEW_EVERY_MS,
  RESEND_AFTER_MS,
  STALE_AFTER_MS,
  backoffMs,
  claim,
  claimLeftMs,
  claimRefusal,
  exhausted,
  exportJobId,
  markSent,
  needsResend,
  newJob,
  renewLease,
  retryAfterMs,
  scheduleRetry,
} from './queue'

const t0 = Date.parse('2026-11-20T10:00:00.000Z')

describe('job claims', () => {
  it('lets one handler claim a job for the lease time', () => {
    const job = newJob('j1', 'PRODUCTS:amazon:1', new Date(t0).toISOString())
    const claimed = claim(job, t0)!

    expect(claimed.claimedUntil).toBe(new Date(t0 + LEASE_MS).toISOString())
    expect(claim(claimed, t0 + 1000)).toBeNull()
    expect(claim(claimed, t0 + LEASE_MS + 1)).not.toBeNull()
  })
})

describe('resend policy', () => {
  it('sends a job never sent, and re-sends one gone quiet', () => {
    const job = newJob('j1', 'x', new Date(t0).toISOString())

    expect(needsResend(job, t0)).toBe(true)
    const sent = markSent(job, t0)

    expect(sent.deliveries).toBe(1)
    expect(needsResend(sent, t0 + RESEND_AFTER_MS - 1)).toBe(false)
    expect(needsResend(sent, t0 + RESEND_AFTER_MS)).toBe(true)
  })

  it('does not re-send a job a handler is working on', () => {
    const job = claim(
      markSent(newJob('j1', 'x', ''), t0),
      t0 + RESEND_AFTER_MS
    )!

    expect(needsResend(job, t0 + RESEND_AFTER_MS + 1)).toBe(false)
  })

  it(`gives up after ${MAX_DELIVERIES} sends`, () => {
    let job = newJob('j1', 'x', '')

    for (let i = 0; i < MAX_DELIVERIES; i++) job = markSent(job, t0)
    expect(exhausted(job)).toBe(true)
  })
})

describe('backoff', () => {
  it('grows exponentially up to the cap, half fixed and half random', () => {
    const top = () => 0.999999

    expect(backoffMs(0, 100, 30_000, top)).toBe(99)
    expect(backoffMs(3, 100, 30_000, top)).toBe(799)
    expect(backoffMs(20, 100, 30_000, top)).toBe(29_999)
    expect(backoffMs(3, 100, 30_000, () => 0)).toBe(400)
  })

  it('spans at least 55 s over ten tries (1 s base, 20 s cap), so a 30 s outage is outlived', () => {
    let total = 0

    for (let n = 0; n < 9; n++) total += backoffMs(n, 1000, 20_000, () => 0)
    expect(total).toBe(55_500)
  })

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('7', t0)).toBe(7000)
    expect(retryAfterMs(new Date(t0 + 3000).toUTCString(), t0)).toBe(3000)
    expect(retryAfterMs('soon', t0)).toBeNull()
    expect(retryAfterMs(undefined, t0)).toBeNull()
  })
})

describe('retries', () => {
  it('schedules the next try, releases the claim, and is not claimable before it is due', () => {
    const job = scheduleRetry(
      claim(newJob('j1', 'x', '', { kind: 'EXPORT' }), t0)!,
      t0,
      5000,
      'HTTP 503'
    )

    expect(job).toMatchObject({
      tries: 1,
      claimedUntil: null,
      lastError: 'HTTP 503',
    })
    expect(claim(job, t0 + 4999)).toBeNull()
    expect(claim(job, t0 + 5000)).not.toBeNull()
  })

  it('derives export job ids from the change, so a redelivered notification maps to the same job', () => {
    expect(exportJobId('INVENTORY:amazon:1', '2026-11-20T10:00:00.000Z')).toBe(
      exportJobId('INVENTORY:amazon:1', '2026-11-20T10:00:00.000Z')
    )
    expect(
      exportJobId('INVENTORY:amazon:1', '2026-11-20T10:00:00.000Z')
    ).not.toBe(exportJobId('INVENTORY:amazon:1', '2026-11-20T10:00:00.001Z'))
  })
})

describe('claims held by a process that died', () => {
  it('a claim not renewed for two renewals is stale: a delivery may wait it out', () => {
    const t = Date.parse('2026-11-20T10:00:00.000Z')
    const held = claim(
      newJob('x.1', 'INVENTORY:amazon:1', new Date(t).toISOString()),
      t,
      'a'
    )!

    expect(claimRefusal(held, t + 1000)).toBe('CLAIMED')
    expect(claimRefusal(held, t + STALE_AFTER_MS)).toBe('STALE')
    expect(claimLeftMs(held, t + STALE_AFTER_MS)).toBe(
      LEASE_MS - STALE_AFTER_MS
    )
    expect(claimRefusal(held, t + LEASE_MS + 1)).toBeNull()
    // A live handler renews every RENEW_EVERY_MS: never stale.
    const renewed = renewLease(held, t + RENEW_EVERY_MS)

    expect(claimRefusal(renewed, t + 2 * RENEW_EVERY_MS)).toBe('CLAIMED')
    expect(
      claimRefusal(
        {
          ...held,
          claimedUntil: null,
          notBefore: new Date(t + 5000).toISOString(),
        },
        t
      )
    ).toBe('NOT_DUE')
  })
})
