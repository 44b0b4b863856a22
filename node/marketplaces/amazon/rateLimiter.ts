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
 * at the plan's rate, each deferred change retried once. A slot whose time
 * has come keeps its token in the bucket until its job claims it (or
 * `holdMs` passes), so a late job never adds a call beyond the burst.
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

/** The bucket at `now`: tokens added at `rate` since `at`, never above `cap` (the burst by default). */
export function refill(b: Bucket, now: number, cap = b.burst): Bucket {
  const elapsed = Math.max(0, now - b.at) / 1000

  return {
    ...b,
    tokens: Math.min(cap, b.tokens + elapsed * b.rate),
    at: Math.max(b.at, now),
  }
}

/** Takes a token, going into debt when none is left; `waitMs` is when the debt is paid. */
export function reserve(
  b: Bucket,
  now: number,
  cap = b.burst
): { bucket: Bucket; waitMs: number } {
  const r = refill(b, now, cap)
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

/**
 * One seller-operation's bucket and the slots kept for deferred jobs. A
 * slot is paid for when it is reserved (the bucket goes into debt); once
 * its time has come, its token waits in the bucket for its job, so it
 * takes room there (`cap`): Amazon's bucket holds our tokens plus those.
 */
interface KeyState {
  bucket: Bucket
  /** Per ticket, its slots in time order (several jobs may share a ticket). */
  held: Map<string, Reservation[]>
}

const PURGE_EVERY = 256

export class RateLimiter {
  private readonly keys = new Map<string, KeyState>()
  private calls = 0

  constructor(private readonly options: LimiterOptions = DEFAULT_LIMITER) {}

  /**
   * May a call for `key` (seller and operation) go? `go` after `waitMs`, or
   * `later`: come back in `retryAfterMs` (with the same `ticket` the slot is
   * kept for you; without one nothing is taken).
   */
  acquire(key: string, plan: UsagePlan, now: number, ticket?: string): Permit {
    if (++this.calls % PURGE_EVERY === 0)
      for (const k of this.keys.keys()) this.settle(k, now)
    const state = this.settle(key, now, plan)
    const slots = ticket ? state.held.get(ticket) : undefined
    const first = slots?.[0]

    // A job coming back for its slot (the earliest kept for its ticket).
    if (
      ticket &&
      slots &&
      first &&
      first.slotAt - now <= this.options.maxWaitMs
    ) {
      slots.shift()
      if (!slots.length) state.held.delete(ticket)

      return { kind: 'go', waitMs: Math.max(0, first.slotAt - now) }
    }

    const { bucket, waitMs } = reserve(state.bucket, now, this.cap(state, now))

    if (waitMs <= this.options.maxWaitMs) {
      state.bucket = bucket

      return { kind: 'go', waitMs }
    }

    if (ticket) {
      state.bucket = bucket
      state.held.set(ticket, [
        ...(slots ?? []),
        { slotAt: now + waitMs, expiresAt: now + waitMs + this.options.holdMs },
      ])
    }

    return { kind: 'later', retryAfterMs: waitMs }
  }

  /** Amazon said which rate it applies (`x-amzn-RateLimit-Limit`): pace at that rate from now on. */
  follow(key: string, plan: UsagePlan, rate: number, now: number) {
    if (!(rate > 0)) return
    const state = this.settle(key, now, plan)

    state.bucket = { ...state.bucket, rate }
  }

  /** Amazon answered 429: its bucket is empty, so ours is, and the tokens kept for slots are gone. */
  throttled(key: string, plan: UsagePlan, now: number) {
    const state = this.settle(key, now, plan)

    for (const [t, slots] of state.held) {
      const future = slots.filter((r) => r.slotAt > now)

      if (future.length) state.held.set(t, future)
      else state.held.delete(t)
    }

    state.bucket = {
      ...state.bucket,
      tokens: Math.min(state.bucket.tokens, 0),
    }
  }

  /** Ms until a token is free for `key` (0 when one is). */
  nextTokenInMs(key: string, plan: UsagePlan, now: number) {
    const { bucket } = this.settle(key, now, plan)

    return bucket.tokens >= 1
      ? 0
      : Math.ceil(((1 - bucket.tokens) / bucket.rate) * 1000)
  }

  /** The current rate for `key` (the plan's, or what Amazon said). */
  rate(key: string, plan: UsagePlan, now: number) {
    return this.settle(key, now, plan).bucket.rate
  }

  /** Room in the bucket: the burst less the tokens waiting for their jobs. */
  private cap(state: KeyState, now: number) {
    let due = 0

    for (const slots of state.held.values())
      for (const r of slots) if (r.slotAt <= now) due++

    return Math.max(0, state.bucket.burst - due)
  }

  /** The key's state at `now`: slots nobody claimed in time given back, bucket refilled. */
  private settle(key: string, now: number, plan?: UsagePlan): KeyState {
    let state = this.keys.get(key)

    if (!state) {
      if (!plan) throw new Error(`No bucket for ${key}`)
      state = { bucket: fullBucket(plan, now), held: new Map() }
      this.keys.set(key, state)
    }

    let released = 0

    for (const [t, slots] of state.held) {
      const kept = slots.filter((r) => now <= r.expiresAt)

      released += slots.length - kept.length
      if (kept.length) state.held.set(t, kept)
      else state.held.delete(t)
    }

    const b = refill(state.bucket, now, this.cap(state, now))

    state.bucket = {
      ...b,
      tokens: Math.min(b.burst, b.tokens + released),
    }

    return state
  }
}
