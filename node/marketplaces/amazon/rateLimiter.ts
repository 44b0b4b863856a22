/**
 * Client-side pacing per seller and SP-API operation, with Amazon's own
 * algorithm (a token bucket: `rate` tokens a second up to `burst`), so a
 * burst of changes stays inside the usage plan instead of collecting 429s.
 *
 * Decision: a call waits for its token only briefly (`maxWaitMs`, 2 s by
 * default) — it runs inside an IO event handler with a 30 s timeout, where
 * a long sleep would hold the worker and risk the handler's timeout. A call
 * that would wait longer is not made: the adapter answers transient with
 * `retryAfterMs` = the wait, and the limiter keeps that future slot for the
 * job's `ticket` (its operation and SKU) for `holdMs` after it, so when the
 * queue brings the job back it goes at its slot instead of queueing again
 * behind later arrivals. A burst of N changes thus reaches Amazon in order,
 * at the plan's rate, each retried once.
 *
 * Pure: every method takes `now`; nothing here reads a clock or sleeps.
 * State is per process (each replica paces itself); a 429 still answers
 * transient, so nothing is lost when replicas together exceed the plan.
 */
import type { UsagePlan } from './usagePlans'

export interface Bucket {
  tokens: number
  /** Epoch ms of `tokens`. */
  at: number
  rate: number
  burst: number
}

export const fullBucket = (plan: UsagePlan, now: number): Bucket => ({
  tokens: plan.burst,
  at: now,
  rate: plan.rate,
  burst: plan.burst,
})

/** The bucket at `now`: tokens added at `rate` since `at`, never above `burst`. */
export function refill(b: Bucket, now: number): Bucket {
  const elapsed = Math.max(0, now - b.at) / 1000

  return {
    ...b,
    tokens: Math.min(b.burst, b.tokens + elapsed * b.rate),
    at: Math.max(b.at, now),
  }
}

/** Takes a token, going into debt when none is left; `waitMs` is when the debt is paid. */
export function reserve(
  b: Bucket,
  now: number
): { bucket: Bucket; waitMs: number } {
  const r = refill(b, now)
  const tokens = r.tokens - 1
  const waitMs = tokens >= 0 ? 0 : Math.ceil((-tokens / r.rate) * 1000)

  return { bucket: { ...r, tokens }, waitMs }
}

export type Permit =
  | { kind: 'go'; waitMs: number }
  | { kind: 'later'; retryAfterMs: number }

export interface LimiterOptions {
  /** Longest a call may wait for its token inside a handler. */
  maxWaitMs: number
  /** How long after its slot a deferred job's slot is kept for it. */
  holdMs: number
}

export const DEFAULT_LIMITER: LimiterOptions = {
  maxWaitMs: 2_000,
  holdMs: 60_000,
}

interface Reservation {
  slotAt: number
  expiresAt: number
}

const PURGE_EVERY = 256

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()
  private readonly reservations = new Map<string, Reservation>()
  private calls = 0

  constructor(private readonly options: LimiterOptions = DEFAULT_LIMITER) {}

  /**
   * May a call for `key` (seller and operation) go? `go` after `waitMs`, or
   * `later`: come back in `retryAfterMs` (with the same `ticket` the slot is
   * kept for you; without one nothing is taken).
   */
  acquire(
    key: string,
    plan: UsagePlan,
    now: number,
    ticket?: string
  ): Permit {
    if (++this.calls % PURGE_EVERY === 0) this.purge(now)
    const held = ticket ? `${key}\n${ticket}` : null
    const reservation = held ? this.reservations.get(held) : undefined

    if (held && reservation) {
      if (now <= reservation.expiresAt) {
        const waitMs = Math.max(0, reservation.slotAt - now)

        if (waitMs > this.options.maxWaitMs)
          return { kind: 'later', retryAfterMs: waitMs }
        this.reservations.delete(held)

        return { kind: 'go', waitMs }
      }

      this.reservations.delete(held)
    }

    const { bucket, waitMs } = reserve(this.bucket(key, plan, now), now)

    if (waitMs <= this.options.maxWaitMs) {
      this.buckets.set(key, bucket)

      return { kind: 'go', waitMs }
    }

    if (held) {
      this.buckets.set(key, bucket)
      this.reservations.set(held, {
        slotAt: now + waitMs,
        expiresAt: now + waitMs + this.options.holdMs,
      })
    }

    return { kind: 'later', retryAfterMs: waitMs }
  }

  /** Amazon said which rate it applies (`x-amzn-RateLimit-Limit`): pace at that rate from now on. */
  follow(key: string, plan: UsagePlan, rate: number, now: number) {
    if (!(rate > 0)) return
    const b = refill(this.bucket(key, plan, now), now)

    this.buckets.set(key, { ...b, rate })
  }

  /** Amazon answered 429: its bucket is empty, so ours is too. */
  throttled(key: string, plan: UsagePlan, now: number) {
    const b = refill(this.bucket(key, plan, now), now)

    this.buckets.set(key, { ...b, tokens: Math.min(b.tokens, 0) })
  }

  /** Ms until a token is free for `key` (0 when one is). */
  nextTokenInMs(key: string, plan: UsagePlan, now: number) {
    const b = refill(this.bucket(key, plan, now), now)

    return b.tokens >= 1 ? 0 : Math.ceil(((1 - b.tokens) / b.rate) * 1000)
  }

  /** The current rate for `key` (the plan's, or what Amazon said). */
  rate(key: string, plan: UsagePlan, now: number) {
    return this.bucket(key, plan, now).rate
  }

  private bucket(key: string, plan: UsagePlan, now: number) {
    return this.buckets.get(key) ?? fullBucket(plan, now)
  }

  private purge(now: number) {
    for (const [k, r] of this.reservations)
      if (now > r.expiresAt) this.reservations.delete(k)
  }
}
