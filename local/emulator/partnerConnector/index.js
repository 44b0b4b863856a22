'use strict'

/**
 * A sample partner's VTEX connector, exposing its logs as VTEX's "External
 * marketplace integration logs" standard asks:
 *   GET http://connector.partner.local/{account}/logs/?DateAt=yyyy-mm-dd&status=all|success,error,…
 *   → { Messages: [{ id, Operation, Direction, ContentSource, ContentTransalted,
 *        ContentDestination, BusinessMessage, Status }] }
 * authenticated with an app key and token (X-VTEX-API-AppKey / X-VTEX-API-AppToken)
 * or a bearer token. Seeded with messages of every status and operation for
 * today and yesterday (on the emulator's clock).
 *
 * Console, under /_emulator/partner-connector on the emulator's own host:
 *   GET  /_emulator/partner-connector            messages by day, requests served, mode
 *   POST /_emulator/partner-connector/messages   { day?, messages: [...] } adds (or rewrites, same id) messages
 *   POST /_emulator/partner-connector/mode       { mode: "ok" | "down" | "malformed" }
 */
const HOST = 'connector.partner.local'
const CREDENTIALS = {
  appKey: 'vtexappkey-partner-local',
  appToken: 'partner-local-app-token-0123456789',
  bearer: 'partner-local-bearer-token-0123456789',
}

const STATUSES = ['Success', 'Error', 'Alert', 'Pending']
const MODES = ['ok', 'down', 'malformed']
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/

const day = (ms) => new Date(ms).toISOString().slice(0, 10)
const json = (v) => JSON.stringify(v)

/** One of each operation VTEX's guide names, with every status among them. */
function sampleMessages(n) {
  const sku = String(1000 + n * 3)
  const order = `${1300000000000 + n * 7919}-01`

  return [
    {
      Operation: 'Catalog change',
      Direction: 'VTEX to Marketplace',
      ContentSource: json({
        IdSku: sku,
        Name: `Produto ${sku}`,
        Ean: '7891000053508',
      }),
      ContentTransalted: json({
        sku,
        title: `Produto ${sku}`,
        gtin: '7891000053508',
      }),
      ContentDestination: json({ status: 'created', listingId: `PC-${sku}` }),
      BusinessMessage: 'Produto enviado ao marketplace.',
      Status: 'Success',
    },
    {
      Operation: 'Price update',
      Direction: 'VTEX to Marketplace',
      ContentSource: json({ skuId: sku, price: 9.9 }),
      ContentTransalted: json({ sku, price: { amount: 9.9, currency: 'BRL' } }),
      ContentDestination: json({ error: 'PRICE_BELOW_MINIMUM', minimum: 19.9 }),
      BusinessMessage:
        'Preço abaixo do mínimo permitido pelo marketplace (R$ 19,90).',
      Status: 'Error',
    },
    {
      Operation: 'Inventory update',
      Direction: 'VTEX to Marketplace',
      ContentSource: json({ skuId: sku, quantity: 12 }),
      ContentTransalted: json({ sku, stock: 12 }),
      ContentDestination: '',
      BusinessMessage: 'SKU na fila de processamento do conector.',
      Status: 'Pending',
    },
    {
      Operation: 'Offer creation',
      Direction: 'VTEX to Marketplace',
      ContentSource: json({ skuId: sku, categoryId: 42 }),
      ContentTransalted: json({ sku, category: null }),
      ContentDestination: json({ warning: 'CATEGORY_NOT_MAPPED' }),
      BusinessMessage:
        'Categoria 42 sem mapeamento no marketplace: mapeie-a no conector.',
      Status: 'Alert',
    },
    {
      Operation: 'Order status update',
      Direction: 'Marketplace to VTEX',
      ContentSource: json({
        marketplaceOrderId: `PC-${n}`,
        status: 'approved',
      }),
      ContentTransalted: json({ orderId: order, status: 'payment-approved' }),
      ContentDestination: json({ orderId: order, accepted: true }),
      BusinessMessage: 'Pedido integrado.',
      Status: 'Success',
    },
    {
      Operation: 'Invoice sending',
      Direction: 'VTEX to Marketplace',
      ContentSource: json({ orderId: order, invoiceNumber: `NF-${n}` }),
      ContentTransalted: json({ order: `PC-${n}`, invoice: `NF-${n}` }),
      ContentDestination: json({ error: 'INVALID_INVOICE_KEY' }),
      BusinessMessage: 'Chave da nota fiscal inválida.',
      Status: 'Error',
    },
    {
      Operation: 'Tracking code sending',
      Direction: 'VTEX to Marketplace',
      ContentSource: json({
        orderId: order,
        trackingNumber: `BR${100000 + n}XX`,
      }),
      ContentTransalted: json({
        order: `PC-${n}`,
        tracking: `BR${100000 + n}XX`,
      }),
      ContentDestination: json({ warning: 'CARRIER_UNKNOWN' }),
      BusinessMessage:
        'Transportadora não reconhecida pelo marketplace; código enviado sem rastreio.',
      Status: 'Alert',
    },
  ]
}

class SamplePartnerConnector {
  constructor({
    clock = { now: () => Date.now() },
    account = null,
    seed = true,
  } = {}) {
    this.clock = clock
    this.account = account
    this.days = new Map() // yyyy-mm-dd -> messages
    this.nextId = 1
    this.mode = 'ok'
    this.requests = 0
    this.served = 0
    if (seed) {
      const now = clock.now()

      this.add(day(now - 86_400_000), [
        ...sampleMessages(0),
        ...sampleMessages(1),
      ])
      this.add(day(now), [...sampleMessages(2), ...sampleMessages(3)])
    }
  }

  static handles(host) {
    return host === HOST
  }

  /** Adds messages to a day (today by default); a message with a known id rewrites it. */
  add(onDay, messages) {
    const d = onDay || day(this.clock.now())

    if (!DAY_RE.test(d)) throw new Error('day must be yyyy-mm-dd')
    const list = this.days.get(d) || []

    for (const m of messages) {
      if (m.Status && !STATUSES.includes(m.Status))
        throw new Error(`Status must be one of ${STATUSES.join(', ')}`)
      const id = m.id != null ? String(m.id) : String(this.nextId++)
      const message = {
        id,
        Operation: m.Operation || '',
        Direction: m.Direction || 'VTEX to Marketplace',
        ContentSource: m.ContentSource || '',
        ContentTransalted: m.ContentTransalted || '',
        ContentDestination: m.ContentDestination || '',
        BusinessMessage: m.BusinessMessage || '',
        Status: m.Status || 'Success',
      }

      const at = list.findIndex((x) => x.id === id)

      if (at >= 0) list[at] = message
      else list.push(message)
    }

    this.days.set(d, list)

    return list
  }

  authorized(h) {
    if (h.authorization)
      return h.authorization === `Bearer ${CREDENTIALS.bearer}`

    return (
      h['x-vtex-api-appkey'] === CREDENTIALS.appKey &&
      h['x-vtex-api-apptoken'] === CREDENTIALS.appToken
    )
  }

  async request({ method, url, headers = {} }) {
    const u = new URL(url)
    const h = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)])
    )

    const answer = (status, body) => ({
      status,
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })

    this.requests++
    const m = /^\/([^/]+)\/logs\/?$/.exec(u.pathname)

    if (method !== 'GET' || !m) return answer(404, { Message: 'Not found' })
    if (this.mode === 'down')
      return answer(503, { Message: 'Connector unavailable' })
    if (!this.authorized(h))
      return answer(401, { Message: 'Invalid credentials' })
    if (this.account && decodeURIComponent(m[1]) !== this.account)
      return answer(404, { Message: `Account ${m[1]} not found` })
    const dateAt = u.searchParams.get('DateAt') || ''
    const status = (u.searchParams.get('status') || 'all').toLowerCase()

    if (!DAY_RE.test(dateAt))
      return answer(400, { Message: 'DateAt must be yyyy-mm-dd' })
    const wanted =
      status === 'all'
        ? STATUSES
        : status
            .split(',')
            .map((s) => (s.trim() === 'sucess' ? 'success' : s.trim()))

    const unknown = wanted.filter(
      (s) => !STATUSES.some((x) => x.toLowerCase() === s.toLowerCase())
    )

    if (unknown.length)
      return answer(400, { Message: `Unknown status ${unknown.join(',')}` })
    if (this.mode === 'malformed')
      return answer(200, '<html>maintenance</html>')
    const messages = (this.days.get(dateAt) || []).filter((x) =>
      wanted.some((s) => s.toLowerCase() === x.Status.toLowerCase())
    )

    this.served += messages.length

    return answer(200, { Messages: messages })
  }

  async handle(req, res, ctx) {
    const search = ctx.query && String(ctx.query) ? `?${ctx.query}` : ''
    const r = await this.request({
      method: req.method,
      url: `http://${ctx.host}${ctx.pathname}${search}`,
      headers: req.headers,
    })

    res.writeHead(r.status, r.headers)
    res.end(r.body)
  }

  control(req, res, ctx) {
    const send = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    }

    const sub = ctx.pathname.replace(/^\/_emulator\/partner-connector\/?/, '')

    if (req.method === 'GET' && sub === '')
      return send(200, {
        mode: this.mode,
        requests: this.requests,
        served: this.served,
        days: Object.fromEntries(this.days),
      })
    try {
      const body =
        ctx.body && ctx.body.length ? JSON.parse(ctx.body.toString('utf8')) : {}

      if (req.method === 'POST' && sub === 'messages') {
        if (!Array.isArray(body.messages) || !body.messages.length)
          throw new Error('messages are required')

        return send(200, this.add(body.day, body.messages))
      }

      if (req.method === 'POST' && sub === 'mode') {
        if (!MODES.includes(body.mode))
          throw new Error(`mode must be one of ${MODES.join(', ')}`)
        this.mode = body.mode

        return send(200, { mode: this.mode })
      }
    } catch (e) {
      return send(400, { message: e.message })
    }

    return send(404, { message: `Unknown partner connector control ${sub}` })
  }
}

module.exports = {
  SamplePartnerConnector,
  PARTNER_CONNECTOR: { host: HOST, ...CREDENTIALS },
}
