'use strict'

/**
 * Sandbox marketplaces implementing the bridge's HTTP/JSON connector contract
 * (docs/connector.md), reached as http://{id}.sandbox.local/api/...
 *   PUT /api/products/{skuId}          { name, ean, ... }
 *   PUT /api/inventory/{skuId}         { quantity }
 *   PUT /api/orders/{orderId}/tracking { status, invoice?, tracking? }
 * They validate bodies like a real marketplace (400 with a message) and can be
 * told to fail: mode "down" answers 503, "throttle" answers 429 with Retry-After,
 * "slow" adds latency. Everything they accept is recorded for tests.
 */
const fs = require('fs')
const path = require('path')

const { send } = require('./vbase')

const MODES = ['ok', 'down', 'throttle']

class SandboxMarketplaces {
  constructor(dataDir) {
    this.file = dataDir ? path.join(dataDir, 'sandbox.json') : null
    this.config = new Map() // id -> { mode, latencyMs }
    /** SKUs each marketplace has not listed: their stock updates are refused (kept on disk). */
    this.unlisted =
      this.file && fs.existsSync(this.file)
        ? JSON.parse(fs.readFileSync(this.file, 'utf8')).unlisted || {}
        : {}
    this.accepted = [] // { marketplace, kind, id, body, at }
    this.requests = 0
  }

  configure(id, patch) {
    if (patch.mode != null && !MODES.includes(patch.mode))
      throw new Error(`mode must be one of ${MODES.join(', ')}`)
    this.config.set(id, {
      mode: 'ok',
      latencyMs: 0,
      ...(this.config.get(id) || {}),
      ...patch,
    })

    return this.config.get(id)
  }

  setUnlisted(unlisted) {
    this.unlisted = unlisted
    if (this.file) fs.writeFileSync(this.file, JSON.stringify({ unlisted }))
  }

  validate(kind, body, marketplace, id) {
    if (kind === 'products') {
      if (!body.name) return 'Product name is required'
      if (body.ean != null && !/^\d{8,14}$/.test(String(body.ean)))
        return `Invalid EAN "${body.ean}"`
    }

    if (kind === 'inventory') {
      if (!Number.isInteger(body.quantity) || body.quantity < 0)
        return `Invalid quantity ${body.quantity}`
      if ((this.unlisted[marketplace] || []).includes(id))
        return `SKU ${id} is not listed on this marketplace`
    }

    if (kind === 'orders') {
      const allowed = [
        'payment-approved',
        'handling',
        'invoiced',
        'handed-to-carrier',
        'in-transit',
        'delivered',
        'canceled',
      ]

      if (!allowed.includes(body.status))
        return `Unknown order status "${body.status}"`
      if (
        ['handed-to-carrier', 'in-transit', 'delivered'].includes(
          body.status
        ) &&
        !(Array.isArray(body.events) && body.events.length)
      )
        return 'Carrier statuses need their events'
      if (body.status === 'invoiced' && !(body.invoice && body.invoice.number))
        return 'Invoiced orders need the invoice number'
    }

    return null
  }

  async handle(req, res, { host, pathname, body }) {
    this.requests++
    const id = host.split('.')[0]
    const cfg = this.config.get(id) || { mode: 'ok', latencyMs: 0 }

    if (cfg.latencyMs) await new Promise((r) => setTimeout(r, cfg.latencyMs))
    if (cfg.mode === 'down')
      return send(res, 503, { error: 'Service unavailable', marketplace: id })
    if (cfg.mode === 'throttle') {
      res.setHeader('Retry-After', '2')

      return send(res, 429, { error: 'Too many requests' })
    }

    const m = /^\/api\/(products|inventory|orders)\/([^/]+)(\/tracking)?$/.exec(
      pathname
    )

    if (!m || req.method !== 'PUT' || (m[1] === 'orders') !== Boolean(m[3])) {
      return send(res, 404, { error: `No route ${req.method} ${pathname}` })
    }

    if (req.headers.authorization !== `Bearer sandbox-token-${id}`) {
      return send(res, 401, { error: 'Invalid or missing access token' })
    }

    let parsed

    try {
      parsed = JSON.parse(body.toString('utf8') || '{}')
    } catch {
      return send(res, 400, { error: 'Body is not JSON' })
    }

    const problem = this.validate(m[1], parsed, id, decodeURIComponent(m[2]))

    if (problem) return send(res, 400, { message: problem })
    this.accepted.push({
      marketplace: id,
      kind: m[1],
      id: decodeURIComponent(m[2]),
      body: parsed,
      at: new Date().toISOString(),
    })

    return send(res, 200, { accepted: true, id: decodeURIComponent(m[2]) })
  }
}

module.exports = { SandboxMarketplaces }
