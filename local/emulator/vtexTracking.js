'use strict'

/**
 * VTEX Tracking's API as tracking.json documents the two calls the bridge
 * makes: POST /receiver/auth {username, password} → {authenticated,
 * accessToken, expiration}; POST /receiver/services [deliveryService] with
 * the bearer token (shipperCustomer.legalType, addressStreet and postalCode
 * required); GET /receiver/services/invoice?invoice= → { data: [service] }
 * whose status moves with the emulator's clock: on its route 24 h after
 * the import, delivered at 72 h. The sandbox accepts the token
 * "sandbox-vtex-tracking-token".
 */
const crypto = require('crypto')

const { send } = require('./vbase')

const SANDBOX_TOKEN = 'sandbox-vtex-tracking-token'

const H = 3_600_000

class SandboxVtexTracking {
  constructor(clock = { now: () => Date.now() }) {
    this.clock = clock
    this.tokens = new Set()
    this.imported = []
    this.requests = 0
  }

  handle(req, res, { pathname, body, query }) {
    this.requests++
    let json = null

    try {
      json = body && body.length ? JSON.parse(body.toString('utf8')) : null
    } catch {
      return send(res, 400, { message: 'Invalid JSON' })
    }

    if (req.method === 'POST' && pathname === '/receiver/auth') {
      if (!json || !json.username || json.password !== SANDBOX_TOKEN)
        return send(res, 401, { authenticated: false, message: 'Unauthorized' })
      const accessToken = crypto.randomBytes(8).toString('hex')

      this.tokens.add(accessToken)

      return send(res, 200, {
        authenticated: true,
        created: new Date().toISOString(),
        expiration: new Date(Date.now() + 86_400_000).toISOString(),
        accessToken,
        message: 'Authenticated',
      })
    }

    if (req.method === 'POST' && pathname === '/receiver/services') {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization || '')

      if (!token || !this.tokens.has(token[1]))
        return send(res, 401, { message: 'Unauthorized' })
      if (!Array.isArray(json) || json.length === 0)
        return send(res, 400, { message: 'Send an array of delivery services' })
      const problems = []

      json.forEach((s, i) => {
        const c = s && s.shipperCustomer

        if (!c) problems.push(`[${i}].shipperCustomer is required`)
        else {
          if (typeof c.legalType !== 'string' || c.legalType.length !== 2)
            problems.push(
              `[${i}].shipperCustomer.legalType must have 2 characters`
            )
          if (!c.addressStreet)
            problems.push(`[${i}].shipperCustomer.addressStreet is required`)
          if (!c.postalCode)
            problems.push(`[${i}].shipperCustomer.postalCode is required`)
        }

        if (s && s.deliveryServiceType && s.deliveryServiceType.length > 11)
          problems.push(`[${i}].deliveryServiceType is longer than 11`)
      })
      if (problems.length)
        return send(res, 400, { message: problems.join('; ') })
      const at = this.clock.now()

      for (const service of json)
        this.imported.push({
          ...service,
          idDeliveryService: 100000 + this.imported.length,
          importedAt: at,
        })

      return send(res, 200, {})
    }

    if (req.method === 'GET' && pathname === '/receiver/services/invoice') {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization || '')

      if (!token || !this.tokens.has(token[1]))
        return send(res, 401, { message: 'Unauthorized' })
      const invoice = query.get('invoice')
      const service = this.imported.find(
        (s) => s.invoiceOrderOfService === invoice
      )

      if (!service)
        return send(res, 404, { message: `No service for invoice ${invoice}` })
      const elapsed = this.clock.now() - service.importedAt
      const iso = (ms) => new Date(service.importedAt + ms).toISOString()
      const status =
        elapsed >= 72 * H
          ? 'Entregue'
          : elapsed >= 24 * H
          ? 'Em rota de entrega'
          : 'Aguardando roteirização'

      return send(res, 200, {
        page: 1,
        pageSize: 1,
        totalCount: 1,
        data: [
          {
            idDeliveryService: service.idDeliveryService,
            invoiceOrderOfService: service.invoiceOrderOfService,
            orderNumber: service.orderNumber,
            deliveryServiceStatus: { description: status },
            addressCity: service.shipperCustomer.addressCity,
            created: iso(0),
            cteDate: elapsed >= 24 * H ? iso(24 * H) : null,
            deliveryDateTime: elapsed >= 72 * H ? iso(72 * H) : null,
          },
        ],
      })
    }

    return send(res, 404, {
      message: `No VTEX Tracking route ${req.method} ${pathname}`,
    })
  }
}

module.exports = { SandboxVtexTracking, SANDBOX_TOKEN }
