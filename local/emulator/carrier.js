'use strict'

/**
 * A sandbox carrier speaking the bridge's carrier connector contract
 * (docs/connector.md): GET http://carrier.sandbox.local/api/trackings/{trackingNumber}
 * → { trackingNumber, trackingUrl, courier, events: [{ status, date, city, state, description }] }.
 * Each tracking number follows a scripted timeline that starts when the order
 * is invoiced; an event is visible once the emulator's clock has passed it.
 * Tracking numbers ending in "LOST" are handed to the carrier and never arrive.
 */
const { send } = require('./vbase')

const H = 3_600_000

const DELIVERED_IN_200H = [
  {
    afterHours: 20,
    status: 'handed-to-carrier',
    city: 'São Paulo',
    state: 'SP',
    description: 'Objeto coletado pela transportadora',
  },
  {
    afterHours: 70,
    status: 'in-transit',
    city: 'Curitiba',
    state: 'PR',
    description: 'Objeto em trânsito',
  },
  {
    afterHours: 150,
    status: 'in-transit',
    city: 'Florianópolis',
    state: 'SC',
    description: 'Objeto saiu para entrega',
  },
  {
    afterHours: 200,
    status: 'delivered',
    city: 'Florianópolis',
    state: 'SC',
    description: 'Objeto entregue ao destinatário',
  },
]

const LOST = [DELIVERED_IN_200H[0]]

class SandboxCarrier {
  constructor(clock) {
    this.clock = clock
    this.timelines = new Map() // trackingNumber -> { startMs, script }
    this.requests = 0
  }

  /** Starts a tracking number's timeline (when its order is invoiced). */
  register(trackingNumber, startMs = this.clock.now(), script = null) {
    if (!this.timelines.has(trackingNumber)) {
      this.timelines.set(trackingNumber, {
        startMs,
        script:
          script || (/LOST$/.test(trackingNumber) ? LOST : DELIVERED_IN_200H),
      })
    }
  }

  handle(req, res, { pathname, query }) {
    this.requests++
    if (req.headers.authorization !== 'Bearer sandbox-carrier-token')
      return send(res, 401, { error: 'Invalid carrier token' })
    const m = /^\/api\/trackings\/([^/]+)$/.exec(pathname)

    if (!m || req.method !== 'GET')
      return send(res, 404, { error: 'Unknown carrier route' })
    const trackingNumber = decodeURIComponent(m[1])
    const timeline = this.timelines.get(trackingNumber)

    if (!timeline)
      return send(res, 404, {
        error: `Unknown tracking number ${trackingNumber}`,
      })
    const now = this.clock.now()
    const events = timeline.script
      .map((e) => ({
        status: e.status,
        date: new Date(timeline.startMs + e.afterHours * H).toISOString(),
        city: e.city,
        state: e.state,
        description: e.description,
      }))
      .filter((e) => Date.parse(e.date) <= now)

    return send(res, 200, {
      trackingNumber,
      trackingUrl: `https://rastreio.sandbox.local/${encodeURIComponent(
        trackingNumber
      )}`,
      courier: query.get('courier') || 'Transportadora Sandbox',
      events,
    })
  }
}

module.exports = { SandboxCarrier, DELIVERED_IN_200H }
