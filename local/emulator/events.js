'use strict'

/**
 * The events bus (courier): PUT /events/{key}?resource=... from an app is
 * delivered later to every handler subscribed to that key in service.json,
 * as the worker expects: POST /{account}/{workspace}/_events with
 * x-event-handler-id. Delivery is at-least-once: a delivery that is not
 * answered 2xx (refused, a 5xx, or no answer at all because the worker
 * died) is delivered again with exponential backoff (1 s doubling to 30 s),
 * up to MAX_REDELIVERIES times, then dead-lettered (counted in `failed`,
 * kept in `deadLetters`) — never forever. `duplicate` delivers every event
 * twice to prove handlers are idempotent.
 *
 * The courier only takes what @vtex/api's event runtime can read (co-body,
 * strict JSON up to 1 MB): a JSON object or array (400 otherwise) of at most
 * MAX_EVENT_BYTES (413) — an event no handler could ever parse is refused to
 * its sender instead of being delivered into a loop.
 *
 * Replicas (`replicaUrls`, set by the local runtime when it runs several
 * workers): each delivery goes to one replica, the one with the fewest
 * deliveries in flight, ties in turn — as IO's router spreads events over a
 * service's replicas. A redelivery may land on another replica.
 */
const http = require('http')

const { send } = require('./vbase')
const { leastBusy } = require('../balancer')

const MAX_REDELIVERIES = 10
const MAX_EVENT_BYTES = 1024 * 1024
const retryDelayMs = (attempt) => Math.min(30_000, 500 * 2 ** attempt)

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
    /** Several workers' base URLs (replicas); null: every delivery goes to workerUrl. */
    this.replicaUrls = null
    /** Deliveries in flight and delivered (answered) per replica, when there are replicas. */
    this.replicaInFlight = []
    this.replicaDelivered = []
    this.lastReplica = -1
    this.credential = credential
    this.delayMs = 1500
    this.duplicate = false
    this.sent = 0
    this.delivered = 0
    this.failed = 0
    this.pending = new Set()
    this.inFlight = 0
    /** Events given up after MAX_REDELIVERIES (handler, key, last status). */
    this.deadLetters = []
    /** Every delivery's answer, newest last (at most 5000): { handlerId, key, attempt, status }. */
    this.outcomes = []
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
        // IO matches the event's name against `topics` (`keys` is the
        // deprecated form): an event published by key alone is its topic.
        (s.keys.includes(key) || s.topics.includes(topic ?? key))
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

  /**
   * The courier's PUT /events/{key}: refuses what no handler could read,
   * publishes the rest.
   */
  receive(res, { account, workspace, key, topic, body }) {
    if (body.length > MAX_EVENT_BYTES)
      return send(res, 413, {
        message: `The event is larger than ${MAX_EVENT_BYTES} bytes`,
      })
    let payload

    try {
      payload = body.length ? JSON.parse(body.toString('utf8')) : {}
    } catch {
      return send(res, 400, { message: 'The event body must be JSON' })
    }

    // @vtex/api's event runtime parses strict JSON: an object or an array.
    if (!payload || typeof payload !== 'object')
      return send(res, 400, {
        message: 'The event body must be a JSON object or array',
      })

    this.publish({ account, workspace, key, topic, body: payload })

    return send(res, 200, {})
  }

  schedule(event, attempt) {
    const timer = setTimeout(
      () => {
        this.pending.delete(timer)
        this.inFlight++
        const settle = (status) => {
          this.inFlight--
          this.outcomes.push({
            handlerId: event.handlerId,
            key: event.key,
            attempt,
            status,
          })
          if (this.outcomes.length > 5000) this.outcomes.shift()
          if (status >= 200 && status < 300) this.delivered++
          else if (attempt < MAX_REDELIVERIES) this.schedule(event, attempt + 1)
          else {
            this.failed++
            this.deadLetters.push({ ...event, status })
          }
        }

        this.deliver(event).then(settle, () => settle(null))
      },
      attempt === 0 ? this.delayMs : retryDelayMs(attempt)
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

  /** The replica (index) the next delivery goes to, or -1 without replicas. */
  pickReplica() {
    const urls = this.replicaUrls

    if (!urls || urls.length < 2) return -1
    while (this.replicaInFlight.length < urls.length) {
      this.replicaInFlight.push(0)
      this.replicaDelivered.push(0)
    }

    const r = leastBusy(
      this.replicaInFlight.slice(0, urls.length),
      this.lastReplica
    )

    this.lastReplica = r

    return r
  }

  deliver({ account, workspace, key, sender, body, handlerId }) {
    const started = Date.now()
    const replica = this.pickReplica()
    let answered = false
    const settled = (status) => {
      if (answered || replica < 0) return
      answered = true
      this.replicaInFlight[replica]--
      if (status) this.replicaDelivered[replica]++
    }

    if (replica >= 0) this.replicaInFlight[replica]++

    return new Promise((resolve, reject) => {
      const url = new URL(
        `/${account}/${workspace}/_events`,
        replica >= 0 ? this.replicaUrls[replica] : this.workerUrl
      )

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
            settled(res.statusCode)
            resolve(res.statusCode)
          })
        }
      )

      req.on('error', (e) => {
        settled(null)
        reject(e)
      })
      req.end(payload)
    })
  }

  stop() {
    for (const t of this.pending) clearTimeout(t)
    this.pending.clear()
  }
}

module.exports = { EventBus }
