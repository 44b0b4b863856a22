/**
 * One operation's conversation with the SP-API: each call waits for its
 * turn in the usage plan, carries a Login with Amazon access token from the
 * TokenKeeper and the headers Amazon asks of every call, and is recorded as
 * an exchange for the log (never its headers: they carry the token).
 * A 403 that blames the access token invalidates it and the call is made
 * once more with a fresh one (refreshed once for all concurrent jobs).
 */
import type {
  AdapterContext,
  AdapterOutcome,
  Exchange,
  HttpResponse,
  TokenFailure,
} from '../adapter'
import { amazonErrors } from './answers'
import { LwaError, lwaRefresh } from './lwa'
import type { RateLimiter } from './rateLimiter'
import type { SpApiCall } from './requests'
import type { AmazonConfig } from './settings'
import type { UsagePlan } from './usagePlans'
import { USAGE_PLANS, rateLimitHeader } from './usagePlans'

export interface SessionDeps {
  limiter: RateLimiter
  sleep(ms: number): Promise<void>
  userAgent: string
}

export type CallResult =
  | { response: HttpResponse; retryHintMs: number }
  | { outcome: AdapterOutcome }

/** `x-amz-date`: ISO 8601 basic format, e.g. 20240501T120000Z. */
export const amzDate = (now: number) =>
  new Date(now)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

export const spApiHeaders = (
  token: string,
  userAgent: string,
  now: number
) => ({
  'x-amz-access-token': token,
  'x-amz-date': amzDate(now),
  'user-agent': userAgent,
  accept: 'application/json',
})

const asText = (body: unknown) =>
  body == null || body === ''
    ? null
    : typeof body === 'string'
    ? body
    : JSON.stringify(body)

/** Amazon refused the access token itself (expired, revoked, malformed), not the seller. */
export const tokenRefused = (res: HttpResponse) =>
  (res.status === 401 || res.status === 403) &&
  amazonErrors(res.body).some((e) =>
    /access token/i.test(`${e.message} ${e.details ?? ''}`)
  )

/**
 * Why no access token could be had, as the operation's outcome: Login with
 * Amazon refused the settings' credentials (fix them; not retried), or the
 * token could not be had now (LWA or the grant's storage failed, another
 * job's renewal outlasted the wait): transient. Anything else is a bug and thrown.
 */
export function tokenOutcome(e: unknown): AdapterOutcome {
  if (e instanceof LwaError)
    return {
      status: 'ERROR',
      reason: e.reason,
      businessMessage: e.message,
      ...(e.transient ? { transient: { retryAfterMs: null } } : {}),
    }
  const failure = e as Partial<TokenFailure> | null

  if (!(e instanceof Error) || !failure?.code) throw e

  return {
    status: 'ERROR',
    reason: 'AMAZON_AUTH_UNAVAILABLE',
    businessMessage: e.message,
    transient: { retryAfterMs: failure.retryAfterMs ?? null },
  }
}

/**
 * The plan the limiter paces calls by: one token of burst below Amazon's
 * (never below 1). Decision: a call leaves some ms after its slot (event
 * loop, proxy, network); a burst that reaches Amazon late has used the
 * refill the next slot counts on, and that call is answered 429. Through
 * the worker this kept a few 429s per hundred calls; the spare token
 * absorbs one token's time (200 ms at 5/s) of lateness.
 */
export const pacedPlan = (plan: UsagePlan): UsagePlan => ({
  ...plan,
  burst: Math.max(1, plan.burst - 1),
})

export class AmazonSession {
  readonly exchanges: Exchange[] = []

  constructor(
    private readonly context: AdapterContext<AmazonConfig>,
    private readonly deps: SessionDeps,
    /** Operation and SKU: keeps this job's slot in the usage plan when it must come back later. */
    private ticket: string | undefined
  ) {}

  private get config() {
    return this.context.marketplace.config
  }

  async call(call: SpApiCall): Promise<CallResult> {
    const first = await this.attempt(call)

    if ('outcome' in first || !tokenRefused(first.response)) return first
    await this.context.tokens.invalidate(first.token)

    return this.attempt(call)
  }

  private async attempt(
    call: SpApiCall
  ): Promise<
    | { response: HttpResponse; retryHintMs: number; token: string }
    | { outcome: AdapterOutcome }
  > {
    const { limiter, sleep, userAgent } = this.deps
    const key = `${this.config.sellerId}|${call.operation}`
    const plan = pacedPlan(USAGE_PLANS[call.operation])
    let token: string

    // The token first (it may take a VBase read or a refresh): the call then
    // leaves at its slot in the usage plan, not late by that time — a late
    // burst would spend Amazon's refill that the later slots count on.
    try {
      token = await this.context.tokens.accessToken(
        lwaRefresh(this.config, this.context.http, () => this.context.now())
      )
    } catch (e) {
      return { outcome: tokenOutcome(e) }
    }

    const permit = limiter.acquire(key, plan, this.context.now(), this.ticket)

    // A ticket keeps one slot: later calls of the same operation queue normally.
    this.ticket = undefined
    if (permit.kind === 'later') {
      return {
        outcome: {
          status: 'ERROR',
          reason: 'AMAZON_RATE_LIMITED',
          params: { operation: call.operation },
          transient: { retryAfterMs: permit.retryAfterMs },
        },
      }
    }

    if (permit.waitMs > 0) await sleep(permit.waitMs)

    const response = await this.context.http.send({
      method: call.method,
      url: call.url,
      headers: spApiHeaders(token, userAgent, this.context.now()),
      ...(call.body !== undefined ? { body: call.body } : {}),
    })

    const now = this.context.now()
    const rate = rateLimitHeader(response.headers)

    if (rate) limiter.follow(key, plan, rate, now)
    if (response.status === 429) limiter.throttled(key, plan, now)
    this.exchanges.push({
      request: {
        method: call.method,
        url: call.url,
        body: call.body === undefined ? null : JSON.stringify(call.body),
      },
      response: { status: response.status, body: asText(response.body) },
    })

    return {
      response,
      retryHintMs: limiter.nextTokenInMs(key, plan, now),
      token,
    }
  }
}
