'use strict'

/**
 * Amazon's rate limiting: a token bucket per selling partner, application
 * and operation, refilled at the usage plan's rate up to its burst; a call
 * finding the bucket empty is answered 429. Plans come from the models; the
 * console can lower one (throttle) or force the next answers to be 429.
 */
class UsagePlans {
  constructor(clock, plans) {
    this.clock = clock
    this.plans = { ...plans } // operationId -> { rate, burst }
    this.buckets = new Map() // key -> { tokens, at }
    this.forced = new Map() // operationId -> count of 429s to answer
  }

  plan(operationId) {
    return this.plans[operationId] || { rate: 1, burst: 1 }
  }

  /** Lowers or raises an operation's plan (buckets restart full). */
  override(operationId, { rate, burst }) {
    const p = this.plan(operationId)

    this.plans[operationId] = {
      rate: rate != null ? Number(rate) : p.rate,
      burst: burst != null ? Number(burst) : p.burst,
    }
    for (const k of this.buckets.keys())
      if (k.endsWith(`|${operationId}`)) this.buckets.delete(k)
  }

  force(operationId, count) {
    this.forced.set(operationId, Number(count) || 0)
  }

  /** Takes a token; false when the call must be answered 429. */
  take(key, operationId) {
    const forced = this.forced.get(operationId) || 0

    if (forced > 0) {
      this.forced.set(operationId, forced - 1)

      return false
    }

    const { rate, burst } = this.plan(operationId)
    const now = this.clock.now()
    const id = `${key}|${operationId}`
    const b = this.buckets.get(id) || { tokens: burst, at: now }
    const tokens = Math.min(
      burst,
      b.tokens + (Math.max(0, now - b.at) / 1000) * rate
    )

    // A tiny tolerance for float sums of many refills.
    if (tokens < 1 - 1e-9) {
      this.buckets.set(id, { tokens, at: now })

      return false
    }

    this.buckets.set(id, { tokens: tokens - 1, at: now })

    return true
  }
}

module.exports = { UsagePlans }
