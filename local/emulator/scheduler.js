'use strict'

/**
 * VTEX's Scheduler API, as apps call it through Janus
 * ({account}.vtexcommercestable.com.br):
 *   PUT|POST /api/scheduler/{workspace}/{app}?version=4   upsert a schedule
 *   GET      /api/scheduler/{workspace}/{app}/{id}?version=4
 *   DELETE   /api/scheduler/{workspace}/{app}/{id}?version=4
 *   GET      /api/scheduler/{workspace}/{app}?version=4   list
 * A schedule is { id, scheduler: { expression, endDate }, request: { uri,
 * method, headers, body }, retry }. Expressions are 5-field cron (minute,
 * hour, day of month, month, day of week): one minute is the finest
 * granularity, anything finer (a 6th field) is refused.
 *
 * Schedules fire on the emulator's controllable clock: a timer checks every
 * second, and moving the clock (POST /_emulator/clock) fires what became due
 * at once — once per schedule, like a cron that missed runs while the clock
 * jumped. Firing calls the schedule's URI the way IO's router serves a
 * public route ({workspace}--{account}.myvtex.com/{path} → the worker, with
 * the route id), with the schedule's headers and body.
 */
const fs = require('fs')
const http = require('http')
const path = require('path')

const { send } = require('./vbase')

const FIELDS = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
]

/** Parses one cron field into the set of values it allows, or null. */
function field(text, [min, max]) {
  const values = new Set()

  for (const part of text.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part)

    if (!m) return null
    const from = m[1] === '*' ? min : Number(m[2])
    const to = m[1] === '*' ? max : m[3] != null ? Number(m[3]) : from
    const step = m[4] != null ? Number(m[4]) : 1

    if (from < min || to > max || from > to || step < 1) return null
    for (let v = from; v <= to; v += step) values.add(v)
  }

  return values
}

/** A 5-field cron expression as value sets, or null when it is not one. */
function parseCron(expression) {
  const parts = String(expression || '')
    .trim()
    .split(/\s+/)

  if (parts.length !== 5) return null
  const sets = parts.map((p, i) => field(p, FIELDS[i]))

  return sets.every(Boolean) ? sets : null
}

/** The first minute boundary after `afterMs` that the cron allows (UTC). */
function nextRun(cron, afterMs) {
  const t = new Date(Math.floor(afterMs / 60_000) * 60_000 + 60_000)

  for (let i = 0; i < 366 * 24 * 60; i++) {
    const [mi, h, dom, mon, dow] = cron

    if (
      mi.has(t.getUTCMinutes()) &&
      h.has(t.getUTCHours()) &&
      dom.has(t.getUTCDate()) &&
      mon.has(t.getUTCMonth() + 1) &&
      dow.has(t.getUTCDay())
    )
      return t.getTime()
    t.setTime(t.getTime() + 60_000)
  }

  return null
}

class SchedulerEmulator {
  constructor({ clock, dataDir, serviceJson, workerUrl, credential }) {
    this.clock = clock
    this.file = dataDir ? path.join(dataDir, 'scheduler.json') : null
    this.serviceJson = serviceJson
    this.workerUrl = workerUrl
    this.credential = credential
    /** "{workspace}/{app}/{id}" -> { schedule, next } */
    this.schedules = new Map()
    /** Every call made: { id, at, status }. */
    this.calls = []
    this.paused = false
    this.running = null
    if (this.file && fs.existsSync(this.file)) {
      for (const [key, schedule] of Object.entries(
        JSON.parse(fs.readFileSync(this.file, 'utf8'))
      ))
        this.schedules.set(key, {
          schedule,
          next: nextRun(
            parseCron(schedule.scheduler.expression),
            this.clock.now()
          ),
        })
    }
  }

  save() {
    if (!this.file) return
    const all = {}

    for (const [key, { schedule }] of this.schedules) all[key] = schedule
    fs.writeFileSync(this.file, JSON.stringify(all, null, 2))
  }

  start(account) {
    this.account = account
    this.timer = setInterval(() => this.runDue().catch(() => undefined), 1000)
    this.timer.unref()
  }

  stop() {
    clearInterval(this.timer)
  }

  /** Refuses what VTEX's scheduler would, or null. */
  invalid(s) {
    if (!s || typeof s !== 'object') return 'The body must be a schedule object'
    if (typeof s.id !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(s.id))
      return 'id is required (letters, digits, ".", "_", "-")'
    if (!s.scheduler || !parseCron(s.scheduler.expression))
      return 'scheduler.expression must be a 5-field cron expression (one minute at the finest)'
    if (
      s.scheduler.endDate != null &&
      Number.isNaN(Date.parse(s.scheduler.endDate))
    )
      return 'scheduler.endDate must be a date'
    if (!s.request || typeof s.request.uri !== 'string')
      return 'request.uri is required'
    let uri

    try {
      uri = new URL(s.request.uri)
    } catch {
      return 'request.uri must be a URL'
    }

    if (uri.protocol !== 'https:') return 'request.uri must be https'
    if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(s.request.method))
      return 'request.method must be an HTTP method'

    return null
  }

  handle(req, res, { pathname, body }) {
    if (!req.headers.vtexidclientautcookie)
      return send(res, 401, { message: 'Missing VtexIdclientAutCookie' })
    const m = /^\/api\/scheduler\/([^/]+)\/([^/]+?)\/?(?:\/([^/]+))?$/.exec(
      pathname
    )

    if (!m) return send(res, 404, { message: `No scheduler route ${pathname}` })
    const [, workspace, app, id] = m.map((x) => (x ? decodeURIComponent(x) : x))
    const prefix = `${workspace}/${app}/`

    if (!id && (req.method === 'PUT' || req.method === 'POST')) {
      let schedule

      try {
        schedule = JSON.parse(body.toString('utf8'))
      } catch {
        return send(res, 400, { message: 'The body must be JSON' })
      }

      const problem = this.invalid(schedule)

      if (problem) return send(res, 400, { message: problem })
      const next = nextRun(
        parseCron(schedule.scheduler.expression),
        this.clock.now()
      )

      this.schedules.set(`${prefix}${schedule.id}`, { schedule, next })
      this.save()

      return send(res, 200, {
        id: schedule.id,
        endpoint: schedule.request.uri,
        nextExecution: new Date(next).toISOString(),
      })
    }

    if (!id && req.method === 'GET')
      return send(
        res,
        200,
        [...this.schedules]
          .filter(([k]) => k.startsWith(prefix))
          .map(([, v]) => v.schedule)
      )
    const hit = id && this.schedules.get(`${prefix}${id}`)

    if (!hit) return send(res, 404, { message: `Schedule ${id} not found` })
    if (req.method === 'GET') return send(res, 200, hit.schedule)
    if (req.method === 'DELETE') {
      this.schedules.delete(`${prefix}${id}`)
      this.save()

      return send(res, 204, null)
    }

    return send(res, 405, { message: 'Method not allowed' })
  }

  /**
   * Fires every schedule due on the emulator's clock (once each) and waits
   * for their calls to be answered. Calls never overlap.
   */
  runDue() {
    if (this.running) return this.running.then(() => this.runDue())
    const now = this.clock.now()
    const due = [...this.schedules.values()].filter(
      (s) =>
        !this.paused &&
        s.next != null &&
        s.next <= now &&
        !(
          s.schedule.scheduler.endDate &&
          Date.parse(`${s.schedule.scheduler.endDate}Z`) < now
        )
    )

    if (due.length === 0) return Promise.resolve()
    for (const s of due)
      s.next = nextRun(parseCron(s.schedule.scheduler.expression), now)
    this.running = Promise.all(due.map((s) => this.fire(s.schedule))).finally(
      () => {
        this.running = null
      }
    )

    return this.running
  }

  /** Calls a schedule's URI as IO's router would serve that public route. */
  fire(schedule) {
    const uri = new URL(schedule.request.uri)
    const m = /^(?:([a-z0-9-]+)--)?([a-z0-9]+)\.myvtex\.com$/.exec(uri.hostname)
    const route = Object.entries(this.serviceJson.routes || {}).find(
      ([, r]) => r.public && r.path === uri.pathname
    )

    const record = (status) => {
      this.calls.push({
        id: schedule.id,
        at: new Date(this.clock.now()).toISOString(),
        status,
      })
      if (this.calls.length > 1000) this.calls.shift()
    }

    if (!m || m[2] !== this.account || !route) {
      record(404)

      return Promise.resolve()
    }

    const workspace = m[1] || 'master'
    const payload = Buffer.from(JSON.stringify(schedule.request.body ?? {}))

    return new Promise((resolve) => {
      const req = http.request(
        new URL(`/${this.account}/${workspace}${uri.pathname}`, this.workerUrl),
        {
          method: schedule.request.method,
          headers: {
            ...(schedule.request.headers || {}),
            'content-type': 'application/json',
            'content-length': payload.length,
            'x-vtex-account': this.account,
            'x-vtex-workspace': workspace,
            'x-vtex-credential': this.credential,
            'x-colossus-route-id': route[0],
            'x-colossus-params': '{}',
          },
        },
        (res) => {
          res.resume()
          res.on('end', () => {
            record(res.statusCode)
            resolve()
          })
        }
      )

      req.on('error', () => {
        record(null)
        resolve()
      })
      req.end(payload)
    })
  }
}

module.exports = { SchedulerEmulator, parseCron, nextRun }
