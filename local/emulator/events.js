'use strict'

/**
 * The events bus (courier): PUT /events/{key}?resource=... from an app is
 * delivered later to every handler subscribed to that key in service.json,
 * as the worker expects: POST /{account}/{workspace}/_events with
 * x-event-handler-id. Delivery is at-least-once: failures are retried, and
 * `duplicate` delivers every event twice to prove handlers are idempotent.
 */
const http = require('http')

class EventBus {
  constructor({ serviceJson, appName, workerUrl, credential }) {
    this.subscriptions = Object.entries(serviceJson.events || {}).map(
      ([handlerId, e]) => ({
        handlerId,
        keys: e.keys || [],
        topics: e.topics || [],
        sender: e.sender,
      })
    )
    this.appName = appName
    this.workerUrl = workerUrl
    this.credential = credential
    this.delayMs = 1500
    this.duplicate = false
    this.sent = 0
    this.delivered = 0
    this.failed = 0
    this.pending = new Set()
    this.inFlight = 0
    /** Handler durations by handler id: how long each delivery took to answer. */
    this.durations = {}
  }

  /**
   * Delivers to the handlers subscribed to this sender and key (or topic).
   * An app's own sendEvent comes from the app itself.
   */
  publish({
    account = this.account,
    workspace = this.workspace,
    sender = this.appName,
    key,
    topic,
    body,
  }) {
    this.sent++
    const targets = this.subscriptions.filter(
      (s) =>
        (!s.sender || s.sender === sender) &&
        (s.keys.includes(key) || (topic != null && s.topics.includes(topic)))
    )

    for (const t of targets) {
      const copies = this.duplicate ? 2 : 1

      for (let i = 0; i < copies; i++)
        this.schedule(
          { account, workspace, key, sender, body, handlerId: t.handlerId },
          0
        )
    }

    return targets.length
  }

  /** Nothing waiting to be delivered and nothing being delivered. */
  idle() {
    return this.pending.size === 0 && this.inFlight === 0
  }

  schedule(event, attempt) {
    const timer = setTimeout(
      () => {
        this.pending.delete(timer)
        this.inFlight++
        this.deliver(event).then(
          (ok) => {
            this.inFlight--
            if (ok) this.delivered++
            else if (attempt < 4) this.schedule(event, attempt + 1)
            else this.failed++
          },
          () => {
            this.inFlight--
            if (attempt < 4) this.schedule(event, attempt + 1)
            else this.failed++
          }
        )
      },
      attempt === 0 ? this.delayMs : 500 * 2 ** attempt
    )

    this.pending.add(timer)
  }

  record(handlerId, ms) {
    if (!this.durations[handlerId])
      this.durations[handlerId] = { count: 0, totalMs: 0, maxMs: 0, all: [] }
    const d = this.durations[handlerId]

    d.count++
    d.totalMs += ms
    d.maxMs = Math.max(d.maxMs, ms)
    if (d.all.length < 100000) d.all.push(ms)
  }

  deliver({ account, workspace, key, sender, body, handlerId }) {
    const started = Date.now()

    return new Promise((resolve, reject) => {
      const url = new URL(`/${account}/${workspace}/_events`, this.workerUrl)
      const payload = Buffer.from(JSON.stringify(body ?? {}))
      const req = http.request(
        url,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': payload.length,
            'x-event-handler-id': handlerId,
            'x-event-key': key,
            'x-event-sender': sender,
            'x-vtex-account': account,
            'x-vtex-workspace': workspace,
            'x-vtex-credential': this.credential,
          },
        },
        (res) => {
          res.resume()
          res.on('end', () => {
            this.record(handlerId, Date.now() - started)
            resolve(res.statusCode >= 200 && res.statusCode < 300)
          })
        }
      )

      req.on('error', reject)
      req.end(payload)
    })
  }

  stop() {
    for (const t of this.pending) clearTimeout(t)
    this.pending.clear()
  }
}

module.exports = { EventBus }
