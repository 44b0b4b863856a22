import { DEFAULT_DELAYS, retryPlan } from './retry'

const half = () => 0.5
const exportJob = (tries: number) => ({ kind: 'EXPORT' as const, tries })

describe('the retry policy', () => {
  it('retries a transient export failure with backoff while attempts remain', () => {
    expect(
      retryPlan(exportJob(0), { retryAfterMs: null }, 10, DEFAULT_DELAYS, half)
    ).toEqual({
      kind: 'retry',
      attempt: 1,
      maxAttempts: 10,
      delayMs: 750, // half of 1 s fixed, half random (0.5)
    })
    expect(
      retryPlan(exportJob(6), { retryAfterMs: null }, 10, DEFAULT_DELAYS, half)
        .kind
    ).toBe('retry')
  })

  it("waits the marketplace's Retry-After when it is longer than the backoff", () => {
    expect(
      retryPlan(exportJob(0), { retryAfterMs: 7000 }, 10, DEFAULT_DELAYS, half)
    ).toMatchObject({ kind: 'retry', delayMs: 7000 })
    expect(
      retryPlan(exportJob(5), { retryAfterMs: 10 }, 10, DEFAULT_DELAYS, half)
    ).toMatchObject({ kind: 'retry', delayMs: 15_000 }) // 20 s cap: 10 s + 0.5 × 10 s
  })

  it('gives up on the last attempt, saying how many were made', () => {
    expect(retryPlan(exportJob(9), { retryAfterMs: null }, 10)).toEqual({
      kind: 'final',
      retriesExhausted: 10,
    })
    expect(retryPlan(exportJob(0), { retryAfterMs: null }, 1)).toEqual({
      kind: 'final',
      retriesExhausted: 1,
    })
  })

  it('never retries a permanent failure, a success or a reprocess', () => {
    expect(retryPlan(exportJob(0), null, 10)).toEqual({
      kind: 'final',
      retriesExhausted: null,
    })
    expect(
      retryPlan({ kind: 'REPROCESS', tries: 0 }, { retryAfterMs: null }, 10)
    ).toEqual({ kind: 'final', retriesExhausted: null })
  })
})
