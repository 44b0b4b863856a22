import { RateLimiter, fullBucket, refill, reserve } from './rateLimiter'

const plan = { rate: 5, burst: 5 }
const t0 = 1_700_000_000_000

describe('token bucket', () => {
  it('refills at the rate, never above the burst', () => {
    const b = { ...fullBucket(plan, t0), tokens: 0 }

    expect(refill(b, t0 + 200).tokens).toBeCloseTo(1)
    expect(refill(b, t0 + 10_000).tokens).toBe(5)
    expect(refill(b, t0 - 5_000)).toEqual(b)
  })

  it('goes into debt and says when the debt is paid', () => {
    let b = fullBucket(plan, t0)
    const waits: number[] = []

    for (let i = 0; i < 8; i++) {
      const r = reserve(b, t0)

      b = r.bucket
      waits.push(r.waitMs)
    }

    expect(waits).toEqual([0, 0, 0, 0, 0, 200, 400, 600])
  })
})

describe('RateLimiter', () => {
  const options = { maxWaitMs: 2_000, holdMs: 60_000 }

  it('lets the burst through, then paces calls with short waits', () => {
    const l = new RateLimiter(options)
    const permits = Array.from({ length: 15 }, () =>
      l.acquire('S|op', plan, t0)
    )

    expect(permits.slice(0, 5)).toEqual(
      Array(5).fill({ kind: 'go', waitMs: 0 })
    )
    expect(permits.slice(5).map((p) => p.kind === 'go' && p.waitMs)).toEqual([
      200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000,
    ])
  })

  it('answers later beyond the longest wait, taking nothing without a ticket', () => {
    const l = new RateLimiter(options)

    for (let i = 0; i < 15; i++) l.acquire('S|op', plan, t0)
    expect(l.acquire('S|op', plan, t0)).toEqual({
      kind: 'later',
      retryAfterMs: 2200,
    })
    // Nothing was taken: the same answer again.
    expect(l.acquire('S|op', plan, t0)).toEqual({
      kind: 'later',
      retryAfterMs: 2200,
    })
  })

  it('keeps a deferred ticket its slot, so it does not queue again when it comes back', () => {
    const l = new RateLimiter(options)

    for (let i = 0; i < 15; i++) l.acquire('S|op', plan, t0)
    const a = l.acquire('S|op', plan, t0, 'STOCK:1')
    const b = l.acquire('S|op', plan, t0, 'STOCK:2')

    expect(a).toEqual({ kind: 'later', retryAfterMs: 2200 })
    expect(b).toEqual({ kind: 'later', retryAfterMs: 2400 })
    // Back a little early: waits for its own slot.
    expect(l.acquire('S|op', plan, t0 + 2000, 'STOCK:1')).toEqual({
      kind: 'go',
      waitMs: 200,
    })
    // Back late (after the queue's backoff): goes at once.
    expect(l.acquire('S|op', plan, t0 + 3000, 'STOCK:2')).toEqual({
      kind: 'go',
      waitMs: 0,
    })
    // Both slots were paid for by then: a newcomer finds the bucket refilled.
    expect(l.acquire('S|op', plan, t0 + 3000)).toEqual({
      kind: 'go',
      waitMs: 0,
    })
  })

  it('a slot claimed late uses the token kept for it: never more calls at once than the burst', () => {
    const l = new RateLimiter({ maxWaitMs: 0, holdMs: 60_000 })

    for (let i = 0; i < 5; i++) l.acquire('S|op', plan, t0)
    expect(l.acquire('S|op', plan, t0, 'a')).toEqual({
      kind: 'later',
      retryAfterMs: 200,
    })
    expect(l.acquire('S|op', plan, t0, 'b')).toEqual({
      kind: 'later',
      retryAfterMs: 400,
    })
    // Ten seconds later (the queue's backoff brought them back late): Amazon's bucket holds 5.
    const at = t0 + 10_000
    const kinds = [
      l.acquire('S|op', plan, at, 'a'),
      l.acquire('S|op', plan, at, 'b'),
      ...Array.from({ length: 4 }, () => l.acquire('S|op', plan, at)),
    ].map((p) => p.kind)

    expect(kinds).toEqual(['go', 'go', 'go', 'go', 'go', 'later'])
  })

  it('gives jobs that share a ticket a slot each, claimed in order', () => {
    const l = new RateLimiter({ maxWaitMs: 0, holdMs: 60_000 })

    for (let i = 0; i < 5; i++) l.acquire('S|op', plan, t0)
    expect(l.acquire('S|op', plan, t0, 'STOCK:9')).toEqual({
      kind: 'later',
      retryAfterMs: 200,
    })
    expect(l.acquire('S|op', plan, t0, 'STOCK:9')).toEqual({
      kind: 'later',
      retryAfterMs: 400,
    })
    expect(l.acquire('S|op', plan, t0 + 200, 'STOCK:9')).toEqual({
      kind: 'go',
      waitMs: 0,
    })
    expect(l.acquire('S|op', plan, t0 + 400, 'STOCK:9')).toEqual({
      kind: 'go',
      waitMs: 0,
    })
    // Both slots used: the next one with that ticket is a newcomer.
    expect(l.acquire('S|op', plan, t0 + 400, 'STOCK:9').kind).toBe('later')
  })

  it('forgets a slot not claimed within holdMs', () => {
    const l = new RateLimiter({ maxWaitMs: 0, holdMs: 1_000 })

    for (let i = 0; i < 5; i++) l.acquire('S|op', plan, t0)
    expect(l.acquire('S|op', plan, t0, 'x')).toEqual({
      kind: 'later',
      retryAfterMs: 200,
    })
    // Far too late: treated as a newcomer (the bucket has refilled by then).
    expect(l.acquire('S|op', plan, t0 + 60_000, 'x')).toEqual({
      kind: 'go',
      waitMs: 0,
    })
  })

  it("follows the rate Amazon says it applies, and empties on Amazon's 429", () => {
    const l = new RateLimiter(options)

    for (let i = 0; i < 5; i++) l.acquire('S|op', plan, t0)
    l.follow('S|op', plan, 10, t0)
    expect(l.rate('S|op', plan, t0)).toBe(10)
    expect(l.acquire('S|op', plan, t0)).toEqual({ kind: 'go', waitMs: 100 })

    const m = new RateLimiter(options)

    m.throttled('S|op', plan, t0)
    expect(m.nextTokenInMs('S|op', plan, t0)).toBe(200)
    expect(m.acquire('S|op', plan, t0)).toEqual({ kind: 'go', waitMs: 200 })
  })

  it('keeps sellers and operations apart', () => {
    const l = new RateLimiter({ maxWaitMs: 0, holdMs: 0 })

    for (let i = 0; i < 5; i++) l.acquire('A|patch', plan, t0)
    expect(l.acquire('A|patch', plan, t0).kind).toBe('later')
    expect(l.acquire('B|patch', plan, t0).kind).toBe('go')
    expect(l.acquire('A|get', plan, t0).kind).toBe('go')
  })
})
