'use strict'

/**
 * A Mercado Livre emulator faithful to its published API
 * (docs/marketplaces/mercadolivre.md lists the pages): hosts
 * `api.mercadolibre.com` and the sites' authorization hosts
 * (`auth.mercadolivre.com.br`, …). Every request is checked against the
 * documented shape and refused with ML's error body when wrong; every request
 * is recorded (secrets masked) for tests and the console.
 *
 * Console / tests (`control`, under /_emulator/mercadolivre):
 *   GET  /_emulator/mercadolivre                 state: app, listings, tokens, throttle
 *   GET  /_emulator/mercadolivre/requests        what it received (?since=n)
 *   POST /_emulator/mercadolivre/authorization   { action: "expire" | "revoke" | "deny-next" }
 *   POST /_emulator/mercadolivre/grant           a grant for the seeded seller (the code exchange's answer)
 *   POST /_emulator/mercadolivre/throttle        { on, count?, retryAfterSeconds? } → 429s
 *   POST /_emulator/mercadolivre/listing         { itemId, status, subStatus? } (ML-side pause, review…)
 *   POST /_emulator/mercadolivre/fault           { status?, body?, raw?, delayMs?, count? } next answers
 *   POST /_emulator/mercadolivre/app             { redirectUris } registered in the ML application
 *   POST /_emulator/mercadolivre/reset
 */
const { OAuthServer } = require('./oauth')
const { Items } = require('./items')
const { Shipping } = require('./shipping')
const { reply, mlError, notFound, parseBody } = require('./http')
const { seed, SELLER_ID } = require('./seed')

const API_HOST = 'api.mercadolibre.com'
const AUTH_HOSTS = [
  'auth.mercadolivre.com.br',
  'auth.mercadolibre.com.ar',
  'auth.mercadolibre.com.mx',
  'auth.mercadolibre.cl',
  'auth.mercadolibre.com.co',
  'auth.mercadolibre.com.uy',
  'auth.mercadolibre.com.pe',
]

const HOSTS = [API_HOST, ...AUTH_HOSTS]
const SECRET_FIELDS = [
  'client_secret',
  'refresh_token',
  'code',
  'code_verifier',
]

const MAX_RECORDED = 1000

const mask = (obj) =>
  obj && typeof obj === 'object'
    ? Object.fromEntries(
        Object.entries(obj).map(([k, v]) => [
          k,
          SECRET_FIELDS.includes(k) ? '***' : v,
        ])
      )
    : obj

class MercadoLivreEmulator {
  constructor({ clock = { now: () => Date.now() } } = {}) {
    this.clock = clock
    this.reset()
  }

  reset() {
    this.state = seed()
    this.oauth = new OAuthServer({
      app: this.state.app,
      clock: this.clock,
      sellerId: SELLER_ID,
    })
    this.items = new Items(this.state, this.clock)
    this.shipping = new Shipping(this.state, this.clock)
    this.received = []
    this.seq = 0
    this.throttle = null // { remaining: number | null, retryAfterSeconds }
    this.faults = [] // { status, body, raw, delayMs }
  }

  async handle(req, res, ctx) {
    const parsed = parseBody(req, ctx.body || Buffer.alloc(0))
    const entry = {
      seq: ++this.seq,
      at: new Date(this.clock.now()).toISOString(),
      method: req.method,
      host: ctx.host,
      path: ctx.pathname,
      query: Object.fromEntries(ctx.query || []),
      headers: {
        'content-type': req.headers['content-type'] || null,
        'x-version': req.headers['x-version'] || null,
        'x-format-new': req.headers['x-format-new'] || null,
      },
      body: mask(parsed.form || parsed.json || null),
      status: null,
    }

    this.received.push(entry)
    if (this.received.length > MAX_RECORDED) this.received.shift()
    const send = (status, body, headers) => {
      entry.status = status
      reply(res, status, body, headers)
    }

    if (AUTH_HOSTS.includes(ctx.host)) {
      if (ctx.pathname !== '/authorization' || req.method !== 'GET')
        return send(404, notFound(`Resource ${ctx.pathname} not found`))
      const r = this.oauth.authorize(ctx.query)

      return send(r.status, r.body, r.headers)
    }

    if (ctx.host !== API_HOST)
      return send(404, notFound(`Unknown host ${ctx.host}`))
    if (this.throttle) {
      if (this.throttle.remaining != null && --this.throttle.remaining <= 0) {
        const { retryAfterSeconds } = this.throttle

        this.throttle = null

        return send(
          429,
          mlError(429, 'Too many requests', 'too_many_requests'),
          {
            'Retry-After': String(retryAfterSeconds),
          }
        )
      }

      if (this.throttle)
        return send(
          429,
          mlError(429, 'Too many requests', 'too_many_requests'),
          {
            'Retry-After': String(this.throttle.retryAfterSeconds),
          }
        )
    }

    const fault = this.faults.shift()

    if (fault) {
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs))
      if (fault.status)
        return send(
          fault.status,
          fault.raw != null ? String(fault.raw) : fault.body
        )
    }

    if (parsed.error) return send(400, parsed.error)
    if (ctx.pathname === '/oauth/token' && req.method === 'POST') {
      const answer = this.oauth.token(req, parsed)

      return send(answer.status || 200, answer)
    }

    const userId = this.oauth.userFor(req.headers.authorization)

    if (userId == null)
      return send(401, mlError(401, 'invalid access token', 'invalid_token'))
    const [status, body, headers] = this.route(
      req,
      ctx,
      userId,
      parsed.json
    ) || [404, notFound(`Resource ${req.method} ${ctx.pathname} not found`)]

    return send(status, body, headers)
  }

  route(req, ctx, userId, body) {
    const p = ctx.pathname
    const m = (re) => re.exec(p)
    const { method } = req
    let x

    if ((x = m(/^\/items\/([^/]+)$/))) {
      if (method === 'GET') return this.items.get(x[1], userId)
      if (method === 'PUT') return this.items.update(x[1], userId, body)
    }

    if ((x = m(/^\/items\/([^/]+)\/variations\/([^/]+)$/)) && method === 'PUT')
      return this.items.updateVariation(x[1], x[2], userId, body)
    if (p === '/items' && method === 'POST')
      return this.items.create(userId, this.state.sellers[userId], body)
    if ((x = m(/^\/items\/([^/]+)\/description$/)) && method === 'POST')
      return this.items.describe(x[1], userId, body)
    if (
      (x = m(/^\/users\/([^/]+)\/applications\/([^/]+)$/)) &&
      method === 'DELETE'
    )
      return this.oauth.revokeApplication(x[1], x[2], userId)
    if ((x = m(/^\/users\/([^/]+)\/items\/search$/)) && method === 'GET')
      return this.items.search(x[1], userId, ctx.query)
    if ((x = m(/^\/user-products\/([^/]+)\/stock$/)) && method === 'GET')
      return this.shipping.stock(x[1], userId)
    if (
      (x = m(/^\/user-products\/([^/]+)\/stock\/type\/([^/]+)$/)) &&
      method === 'PUT'
    )
      return this.shipping.putStock(
        x[1],
        x[2],
        userId,
        req.headers['x-version'],
        body
      )
    if ((x = m(/^\/orders\/([^/]+)$/)) && method === 'GET')
      return this.shipping.getOrder(x[1], userId)
    if ((x = m(/^\/orders\/([^/]+)\/shipments$/)) && method === 'GET')
      return this.shipping.orderShipment(x[1], userId)
    if ((x = m(/^\/shipments\/([^/]+)$/))) {
      if (method === 'GET')
        return this.shipping.getShipment(
          x[1],
          userId,
          req.headers['x-format-new'] === 'true'
        )
      if (method === 'PUT') return this.shipping.putShipment(x[1], userId, body)
    }

    if (
      (x = m(/^\/shipments\/([^/]+)\/seller_notifications$/)) &&
      method === 'POST'
    )
      return this.shipping.notify(x[1], userId, body)

    return null
  }

  /** The console's and tests' control routes (`ctx.pathname` under /_emulator/mercadolivre). */
  control(req, res, ctx) {
    const sub = ctx.pathname.replace(/^\/_emulator\/mercadolivre\/?/, '')
    const input = () => {
      const r = parseBody(req, ctx.body || Buffer.alloc(0))

      return r.json || {}
    }

    const ok = (body) => reply(res, 200, body)
    const bad = (message) => reply(res, 400, { message })

    if (req.method === 'GET' && sub === '') return ok(this.summary())
    if (req.method === 'GET' && sub === 'requests') {
      const since = Number(ctx.query.get('since') || 0)

      return ok(this.received.filter((r) => r.seq > since))
    }

    if (req.method !== 'POST')
      return reply(res, 404, {
        message: `Unknown control route ${ctx.pathname}`,
      })
    const b = input()

    switch (sub) {
      case 'authorization':
        if (b.action === 'expire') this.oauth.expire()
        else if (b.action === 'revoke') this.oauth.revoke()
        else if (b.action === 'deny-next') this.oauth.denyNext = true
        else return bad('action must be expire, revoke or deny-next')

        return ok(this.oauth.summary())

      case 'grant':
        return ok(this.oauth.issue(SELLER_ID))

      case 'throttle':
        this.throttle = b.on
          ? {
              remaining: b.count == null ? null : Number(b.count),
              retryAfterSeconds: Number(b.retryAfterSeconds ?? 30),
            }
          : null

        return ok({ throttle: this.throttle })

      case 'listing':
        return this.changeListing(b, ok, bad)

      case 'fault':
        for (let i = 0; i < Number(b.count || 1); i++)
          this.faults.push({
            status: b.status,
            body: b.body,
            raw: b.raw,
            delayMs: b.delayMs,
          })

        return ok({ faults: this.faults.length })

      case 'app':
        if (!Array.isArray(b.redirectUris))
          return bad('redirectUris must be a list')
        this.state.app.redirectUris = [
          ...new Set([...this.state.app.redirectUris, ...b.redirectUris]),
        ]

        return ok({ redirectUris: this.state.app.redirectUris })

      case 'reset':
        this.reset()

        return ok(this.summary())

      default:
        return reply(res, 404, {
          message: `Unknown control route ${ctx.pathname}`,
        })
    }
  }

  changeListing(b, ok, bad) {
    const item = this.state.items.get(b.itemId)
    const statuses = ['active', 'paused', 'under_review', 'closed']

    if (!item) return bad(`Unknown item ${b.itemId}`)
    if (!statuses.includes(b.status))
      return bad(`status must be one of ${statuses.join(', ')}`)
    item.status = b.status
    item.sub_status = Array.isArray(b.subStatus)
      ? b.subStatus
      : b.status === 'paused'
      ? ['suspended']
      : b.status === 'under_review'
      ? ['waiting_for_patch']
      : []

    return ok(item)
  }

  summary() {
    const { clientSecret, ...app } = this.state.app

    return {
      app: { ...app, clientSecretSet: Boolean(clientSecret) },
      seller: this.state.sellers[SELLER_ID],
      listings: [...this.state.items.values()]
        .filter((i) => i.seller_id === SELLER_ID)
        .map((i) => ({
          id: i.id,
          title: i.title,
          status: i.status,
          sub_status: i.sub_status,
          price: i.price,
          available_quantity: i.available_quantity,
          variations: i.variations.map((v) => ({
            id: v.id,
            available_quantity: v.available_quantity,
            price: v.price,
          })),
          user_product_id: i.user_product_id,
        })),
      tokens: this.oauth.summary(),
      throttle: this.throttle,
      received: this.received.length,
    }
  }
}

module.exports = {
  MercadoLivreEmulator,
  HOSTS,
  API_HOST,
  AUTH_HOSTS,
  SELLER_ID,
}
