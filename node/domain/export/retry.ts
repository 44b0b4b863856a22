import type { JobKind } from '../queue'
import { backoffMs } from '../queue'

export interface RetryDelays {
  baseMs: number
  capMs: number
}

/** 1 s doubling to 20 s: ten tries span at least 55 s (see backoffMs). */
export const DEFAULT_DELAYS: RetryDelays = { baseMs: 1000, capMs: 20_000 }

/** What the queue does after an attempt at a marketplace. */
export type RetryPlan =
  /** Try again after `delayMs` (the log shows attempt `attempt` of `maxAttempts`). */
  | { kind: 'retry'; delayMs: number; attempt: number; maxAttempts: number }
  /** Record the outcome; `retriesExhausted` when an export gave up on a transient failure. */
  | { kind: 'final'; retriesExhausted: number | null }

/**
 * The one retry policy. An export whose attempt failed in a way that may
 * pass (the adapter's `transient`: 5xx, 429, timeouts) is tried again, up to
 * `maxAttempts` attempts, after the exponential backoff or the marketplace's
 * Retry-After, whichever is longer. A reprocess is one attempt: the admin
 * asked for it and wants to see the result (and can ask again).
 */
export function retryPlan(
  job: { kind: JobKind; tries: number },
  transient: { retryAfterMs: number | null } | null | undefined,
  maxAttempts: number,
  delays: RetryDelays = DEFAULT_DELAYS,
  random: () => number = Math.random
): RetryPlan {
  if (!transient || job.kind !== 'EXPORT')
    return { kind: 'final', retriesExhausted: null }
  const attempt = job.tries + 1

  if (attempt >= maxAttempts)
    return { kind: 'final', retriesExhausted: attempt }

  return {
    kind: 'retry',
    attempt,
    maxAttempts,
    delayMs: Math.max(
      transient.retryAfterMs ?? 0,
      backoffMs(job.tries, delays.baseMs, delays.capMs, random)
    ),
  }
}
