'use strict'

/**
 * The local Amazon: Login with Amazon (api.amazon.com) and the Selling
 * Partner API's regional hosts (sellingpartnerapi-{na,eu,fe}.amazon.com).
 * Every SP-API request is validated against Amazon's models (./models) and
 * the headers Amazon asks of every call; failures are counted
 * (`stats.invalidRequests`, tests print "0 invalid") and answered 400 as
 * Amazon would. Answers follow the documented shapes (checked too:
 * `stats.invalidResponses`): 403 for a missing, unknown or expired token or
 * another seller's resources, 429 from usage-plan token buckets read from
 * the models, submissions ACCEPTED then processed later with their issues,
 * INVALID with issues for attribute values Amazon would refuse.
 *
 * Mounted by the platform emulator (handle(req, res, ctx)); tests may call
 * `request({ method, url, headers, body })` directly. Controls: control()
 * under /_emulator/amazon (see controls.js).
 */
const { LoginWithAmazon } = require('./lwa')
const { UsagePlans } = require('./buckets')
const { Listings } = require('./listings')
const { Orders } = require('./orders')
const { SpApiModels } = require('./validator')
const { seedAmazon, AMAZON_SEED } = require('./seed')
const { operations } = require('./operations')
const { control, actions } = require('./controls')

const SP_API_HOST_RE = /^sellingpartnerapi-(na|eu|fe)\.amazon\.com$/
const USER_AGENT_RE = /^[^/\s][^/]*\/\S+ \(Language=[^)]+\)$/
const AMZ_DATE_RE = /^\d{8}T\d{6}Z$/
const MAX_KEPT = 200

let sharedModels = null
/** The compiled models, shared by every emulator in the process (they never change). */
const models = () => (sharedModels = sharedModels || new SpApiModels())

const errorList = (code, message, details) => ({
  errors: [{ code, message, ...(details != null ? { details } : {}) }],
})

const DENIED = 'Access to requested resource is denied.'
const TOKEN_DETAILS = {
  missing: 'The request has no access token (x-amz-access-token).',
  invalid: 'The access token you provided is revoked, malformed or invalid.',
  expired: 'The access token you provided has expired.',
}

class AmazonEmulator {
  constructor({ clock = { now: () => Date.now() }, seed = true } = {}) {
    this.clock = clock
    this.models = models()
    this.lwa = new LoginWithAmazon(clock)
    this.plans = new UsagePlans(
      clock,
      Object.fromEntries(this.models.operations.map((o) => [o.id, o.plan]))
    )
    this.listings = new Listings(clock)
    this.orders = new Orders(clock)
    this.outage = false
    this.received = []
    this.invalid = []
    this.badResponses = []
    this.stats = {
      requests: 0,
      invalidRequests: 0,
      invalidResponses: 0,
      throttled: 0,
      byOperation: {},
    }
    if (seed) seedAmazon(this)
  }

  static handles(host) {
    return host === 'api.amazon.com' || SP_API_HOST_RE.test(host)
  }

  /** One HTTP exchange: `body` is the raw request text; the answer's body is JSON text or empty. */
  async request({ method, url, headers = {}, body = '' }) {
    const u = new URL(url)
    const h = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)])
    )

    if (u.hostname === 'api.amazon.com') {
      if (method !== 'POST' || u.pathname !== '/auth/o2/token')
        return this.answer(404, { error: 'not_found' })
      const r = this.lwa.token(new URLSearchParams(body), h['content-type'])

      return this.answer(r.status, r.body)
    }

    if (!SP_API_HOST_RE.test(u.hostname))
      return this.answer(
        404,
        errorList('NotFound', `Unknown host ${u.hostname}`)
      )

    return this.spApi(method, u, h, body || '')
  }

  answer(status, body, headers = {}) {
    return {
      status,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? '' : JSON.stringify(body),
    }
  }

  keep(list, entry) {
    list.push(entry)
    if (list.length > MAX_KEPT) list.shift()
  }

  headerErrors(h) {
    const errors = []
    const ua = h['user-agent'] || ''

    if (!USER_AGENT_RE.test(ua) || ua.length > 500)
      errors.push(
        `header user-agent "${ua}" is not "AppName/Version (Language=…)" of at most 500 characters`
      )
    if (h['x-amz-date'] && !AMZ_DATE_RE.test(h['x-amz-date']))
      errors.push(
        `header x-amz-date "${h['x-amz-date']}" is not ISO 8601 basic (YYYYMMDDTHHMMSSZ)`
      )

    return errors
  }

  spApi(method, u, h, raw) {
    this.stats.requests++
    const match = this.models.match(method, u.pathname)
    const at = new Date(this.clock.now()).toISOString()

    if (!match) {
      this.stats.invalidRequests++
      this.keep(this.invalid, {
        at,
        method,
        url: u.href,
        errors: ['no such operation in the models'],
      })

      return this.answer(
        404,
        errorList('NotFound', `No operation ${method} ${u.pathname}`)
      )
    }

    const { op, pathParams } = match
    const errors = [
      ...this.models.validateRequest(op, {
        pathParams,
        query: u.searchParams,
        headers: h,
        rawBody: raw,
      }),
      ...this.headerErrors(h),
    ]

    let body = null

    try {
      body = raw ? JSON.parse(raw) : null
    } catch {
      body = raw
    }

    this.stats.byOperation[op.id] = (this.stats.byOperation[op.id] || 0) + 1
    this.keep(this.received, {
      at,
      operation: op.id,
      method,
      url: u.href,
      body,
    })
    if (errors.length) {
      this.stats.invalidRequests++
      this.keep(this.invalid, {
        at,
        operation: op.id,
        method,
        url: u.href,
        errors,
      })
    }

    const reply = this.decide(op, pathParams, u.searchParams, h, body, errors)
    const { status } = reply
    const bad = this.models.validateResponse(op, status, reply.body)

    if (bad.length) {
      this.stats.invalidResponses++
      this.keep(this.badResponses, {
        at,
        operation: op.id,
        status,
        errors: bad,
      })
    }

    const rateHeader = [200, 204, 400, 404].includes(status)
      ? { 'x-amzn-RateLimit-Limit': this.plans.plan(op.id).rate.toFixed(1) }
      : {}

    return this.answer(status, reply.body, {
      'x-amzn-RequestId': `local-${this.stats.requests}`,
      ...rateHeader,
    })
  }

  decide(op, pathParams, query, h, body, errors) {
    if (this.outage)
      return {
        status: 503,
        body: errorList(
          'ServiceUnavailable',
          'Service temporarily unavailable.'
        ),
      }
    const auth = this.lwa.check(h['x-amz-access-token'])

    if (auth.error)
      return {
        status: 403,
        body: errorList('Unauthorized', DENIED, TOKEN_DETAILS[auth.error]),
      }
    if (pathParams.sellerId && pathParams.sellerId !== auth.sellerId)
      return { status: 403, body: errorList('Unauthorized', DENIED, '') }
    if (!this.plans.take(`${auth.sellerId}|${auth.clientId}`, op.id)) {
      this.stats.throttled++

      return {
        status: 429,
        body: errorList(
          'QuotaExceeded',
          'You exceeded your quota for the requested resource.'
        ),
      }
    }

    if (errors.length)
      return {
        status: 400,
        body: errorList(
          'InvalidInput',
          'Request has missing or invalid parameters and cannot be parsed.',
          errors.join('; ')
        ),
      }
    const handler = operations[op.id]

    if (!handler)
      return {
        status: 400,
        body: errorList('InvalidInput', `${op.id} is not emulated locally.`),
      }

    return handler(this, { sellerId: auth.sellerId, pathParams, query, body })
  }

  /** The platform emulator's entry point (proxy requests by host). */
  async handle(req, res, ctx) {
    const search = ctx.query && String(ctx.query) ? `?${ctx.query}` : ''
    const r = await this.request({
      method: req.method,
      url: `https://${ctx.host}${ctx.pathname}${search}`,
      headers: req.headers,
      body: ctx.body ? ctx.body.toString('utf8') : '',
    })

    res.writeHead(r.status, r.headers)
    res.end(r.body)
  }

  control(req, res, ctx) {
    return control(this, req, res, ctx)
  }

  /** A console action without HTTP (tests): act('throttle', { operation, next: 1 }). */
  act(name, body = {}) {
    if (!actions[name]) throw new Error(`Unknown Amazon control ${name}`)

    return actions[name](this, body)
  }

  summary() {
    return {
      ...this.stats,
      tokensIssued: this.lwa.issued,
      tokensRefused: this.lwa.refused,
      invalid: this.invalid.slice(-20),
      badResponses: this.badResponses.slice(-20),
      notifications: this.listings.notifications.length,
    }
  }
}

module.exports = { AmazonEmulator, AMAZON_SEED }
