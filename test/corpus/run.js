'use strict'

/**
 * Runs the bad-input corpus (cases/*.json) against the real worker and
 * emulator: each case is sent through its entry point (GraphQL, an HTTP
 * route, an IO event through the emulated bus, the emulated events API),
 * its answer is checked against the expected status, code and reason, and
 * a snapshot of everything it could have changed — the app's VBase, the
 * emulated VTEX (catalog, orders, OMS invoice/tracking writes), VTEX
 * Tracking's imports, the sandbox marketplaces' receipts, the registered
 * schedules, the app settings, the events the app sent — must be the same
 * before and after.
 */
const crypto = require('crypto')
const fs = require('fs')
const http = require('http')
const path = require('path')

const STACK = /\n\s+at [^\n]+\(|"stack"\s*:|"stacktrace"\s*:/

/** Loads every case file, in name order. */
function loadCases(dir = path.join(__dirname, 'cases')) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) =>
      JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).map((c) => ({
        ...c,
        file: f,
      }))
    )
}

/** Expands the corpus's generators ({ $string: ["x", 300] } …) and placeholders. */
function expand(value, fixtures) {
  if (Array.isArray(value)) return value.map((v) => expand(v, fixtures))
  if (!value || typeof value !== 'object') return value
  if ('$string' in value) return value.$string[0].repeat(value.$string[1])
  if ('$array' in value)
    return Array.from({ length: value.$array[1] }, () =>
      expand(value.$array[0], fixtures)
    )
  if ('$seq' in value) {
    const [template, n] = value.$seq
    const text = JSON.stringify(template)

    return Array.from({ length: n }, (_, i) =>
      expand(JSON.parse(text.replace(/\{i\}/g, String(i))), fixtures)
    )
  }

  if ('$daysAgo' in value)
    return new Date(fixtures.now() - value.$daysAgo * 86_400_000)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
  if ('$fixture' in value) {
    const hit = fixtures[value.$fixture]

    if (hit === undefined) throw new Error(`No fixture ${value.$fixture}`)

    return hit
  }

  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, expand(v, fixtures)])
  )
}

/** An HTTP call straight to a server, one connection each (big bodies may reset it). */
function call(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const payload =
      body == null ? null : Buffer.isBuffer(body) ? body : Buffer.from(body)

    const req = http.request(
      url,
      {
        method,
        agent: false,
        headers: {
          ...(payload ? { 'content-length': payload.length } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks = []

        res.on('data', (c) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            text: Buffer.concat(chunks).toString('utf8'),
          })
        )
      }
    )

    // The server may answer (413) and close before it read everything: the
    // write fails (EPIPE) but the answer still comes.
    req.on('error', (e) => {
      const timer = setTimeout(() => reject(e), 2000)

      req.once('response', () => clearTimeout(timer))
    })
    req.end(payload)
  })
}

const sha = (s) =>
  crypto.createHash('sha1').update(s).digest('hex').slice(0, 12)

/** Everything a refused input must not change, as comparable digests. */
function snapshot(app, published) {
  const { emulator } = app
  const files = []

  for (const [bucket, entries] of emulator.vbase.buckets)
    for (const [p, f] of entries) files.push(`${bucket}/${p}=${f.etag}`)

  return {
    vbase: sha(files.sort().join('\n')),
    vtex: sha(JSON.stringify(emulator.vtex.data)),
    vtexTracking: sha(JSON.stringify(emulator.vtexTracking.imported)),
    marketplaces: `${emulator.sandbox.requests}/${emulator.sandbox.accepted.length}`,
    schedules: sha(
      JSON.stringify(
        [...emulator.scheduler.schedules].map(([k, v]) => [k, v.schedule])
      )
    ),
    settings: sha(JSON.stringify(emulator.readSettings(emulator.appName))),
    eventsSentByTheApp: emulator.events.sent - published.count,
  }
}

function headersFor(app, { session = app.session, route } = {}) {
  return {
    'x-vtex-account': app.account,
    'x-vtex-workspace': app.workspace,
    'x-vtex-credential': app.credential,
    'x-forwarded-host': 'localhost',
    ...(session ? { cookie: `VtexIdclientAutCookie=${session}` } : {}),
    // The route's path parameters as IO's router sends them (a query string).
    ...(route
      ? {
          'x-colossus-route-id': route.id,
          'x-colossus-params': new URLSearchParams(route.params).toString(),
        }
      : {}),
  }
}

const routeOf = (app, pathname) => {
  const { routes } = JSON.parse(
    fs.readFileSync(
      path.join(__dirname, '../../node/.runtime/service/service.json'),
      'utf8'
    )
  )

  for (const [id, r] of Object.entries(routes)) {
    if (!r.public) continue
    const names = []
    const pattern = r.path
      .split('/')
      .map((seg) =>
        seg.startsWith(':')
          ? (names.push(seg.slice(1)), '([^/]+)')
          : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      )
      .join('/')

    const m = new RegExp(`^${pattern}$`).exec(pathname)

    if (m)
      return {
        id,
        params: Object.fromEntries(
          names.map((n, i) => [n, decodeURIComponent(m[i + 1])])
        ),
      }
  }

  return undefined
}

const bodyOf = (c) =>
  c.rawBody != null
    ? c.rawBody
    : c.body !== undefined
    ? JSON.stringify(c.body)
    : undefined

/** Sends one case through its entry point; answers { status, text } or an event's deliveries. */
async function send(app, c, published) {
  const base = `${app.workerUrl}/${app.account}/${app.workspace}`

  if (c.entry === 'graphql') {
    const body =
      c.rawBody != null
        ? c.rawBody
        : JSON.stringify({
            ...(c.query !== undefined ? { query: c.query } : {}),
            ...(c.variables ? { variables: c.variables } : {}),
            ...(c.operationName ? { operationName: c.operationName } : {}),
            ...(c.extra ?? {}),
          })

    return call(`${base}/_v/graphql`, {
      method: 'POST',
      headers: {
        ...headersFor(app, { session: c.session === null ? null : c.session }),
        'content-type': c.contentType ?? 'application/json',
      },
      body,
    })
  }

  if (c.entry === 'route') {
    const url = new URL(`${base}${c.path}`)
    const route = routeOf(app, new URL(c.path, 'http://x').pathname)
    const body = bodyOf(c)
    const headers = {
      ...headersFor(app, {
        session: c.session === undefined ? app.session : c.session,
        route,
      }),
      ...(body != null && c.contentType !== null
        ? { 'content-type': c.contentType ?? 'application/json' }
        : {}),
      ...(c.headers ?? {}),
    }

    return call(url, { method: c.method ?? 'POST', headers, body })
  }

  if (c.entry === 'courier') return callCourier(app, c)

  if (c.entry === 'event') {
    const { events } = app.emulator
    const from = events.outcomes.length

    published.count++
    const targets = events.publish({
      sender: c.sender,
      key: c.key,
      topic: c.topic,
      body: c.body,
    })

    await waitIdle(app)

    return { deliveries: events.outcomes.slice(from), targets }
  }

  throw new Error(`Unknown entry ${c.entry}`)
}

/** PUT {events API}/events/{key} with the case's raw body. */
function callCourier(app, c) {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(bodyOf(c))
    const req = http.request(
      app.emulatorUrl,
      {
        method: 'PUT',
        agent: false,
        path: `http://infra.io.vtex.com/courier/v0/${app.account}/${
          app.workspace
        }/events/${encodeURIComponent(c.key)}`,
        headers: {
          host: 'infra.io.vtex.com',
          'x-vtex-credential': app.credential,
          'content-type': 'application/json',
          'content-length': payload.length,
        },
      },
      (res) => {
        const chunks = []

        res.on('data', (d) => chunks.push(d))
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            text: Buffer.concat(chunks).toString('utf8'),
          })
        )
      }
    )

    req.on('error', reject)
    req.end(payload)
  })
}

async function waitIdle(app) {
  const until = Date.now() + 15_000

  while (Date.now() < until) {
    if (app.emulator.events.idle()) return
    await new Promise((r) => setTimeout(r, 20))
  }

  throw new Error(
    `The events bus did not settle: ${JSON.stringify(
      app.emulator.events.outcomes.slice(-5)
    )}`
  )
}

/** Whether the answer is the clear error the case expects; returns the problems. */
function check(c, answer) {
  const problems = []
  const want = c.expect

  if (c.entry === 'event') {
    // Acknowledged at the first delivery, never redelivered.
    if (answer.targets !== (want.handlers ?? 1))
      problems.push(`${answer.targets} handlers subscribed`)
    if (answer.deliveries.length !== answer.targets)
      problems.push(
        `${answer.deliveries.length} deliveries (a refused event is not retried)`
      )
    for (const d of answer.deliveries)
      if (d.status !== want.status || d.attempt !== 0)
        problems.push(`delivery ${d.attempt} answered ${d.status}`)

    return problems
  }

  if (answer.status !== want.status)
    problems.push(`status ${answer.status}, expected ${want.status}`)
  if (STACK.test(answer.text)) problems.push('a stack trace in the answer')
  if (c.entry === 'courier') return problems
  let json

  try {
    json = JSON.parse(answer.text)
  } catch {
    problems.push(`not JSON: ${answer.text.slice(0, 80)}`)

    return problems
  }

  const error =
    c.entry === 'graphql'
      ? json.errors?.[0] && {
          code: json.errors[0].extensions?.code,
          reason: json.errors[0].extensions?.reason,
          message: json.errors[0].message,
          fields: json.errors[0].extensions?.fields,
        }
      : json.error

  if (!error) {
    problems.push(`no error in ${answer.text.slice(0, 120)}`)

    return problems
  }

  if (error.code !== want.code)
    problems.push(`code ${error.code}, expected ${want.code}`)
  if (want.reason && error.reason !== want.reason)
    problems.push(`reason ${error.reason}, expected ${want.reason}`)
  if (want.reasonLike && !new RegExp(want.reasonLike).test(error.reason ?? ''))
    problems.push(`reason ${error.reason}, expected ~${want.reasonLike}`)
  if (typeof error.message !== 'string' || error.message === '')
    problems.push('no message')
  if (want.field && !(error.fields ?? []).some((f) => f.field === want.field))
    problems.push(
      `field ${want.field} not named (${JSON.stringify(error.fields)})`
    )

  return problems
}

/** Runs the cases; answers the tally and every problem found. */
async function runCorpus(app, cases, fixtures) {
  const published = { count: 0 }
  const results = []

  for (const raw of cases) {
    if (raw.after) {
      results.push({ name: raw.name, skipped: raw.after })
      continue
    }

    const c = expand(raw, fixtures)
    const before = snapshot(app, published)
    const answer = await send(app, c, published).catch((e) => ({
      status: null,
      text: `${e.message}`,
      deliveries: [],
    }))

    await waitIdle(app)
    const after = snapshot(app, published)
    const changed = Object.keys(before).filter((k) => before[k] !== after[k])

    results.push({
      name: `${raw.file}: ${raw.name}`,
      entry: c.entry,
      problems: check(c, answer),
      changed,
    })
  }

  const tried = results.filter((r) => !r.skipped)

  return {
    tried: tried.length,
    clear: tried.filter((r) => r.problems.length === 0).length,
    stateChanges: tried.filter((r) => r.changed.length > 0).length,
    skipped: results.filter((r) => r.skipped),
    byEntry: tried.reduce(
      (acc, r) => ({ ...acc, [r.entry]: (acc[r.entry] ?? 0) + 1 }),
      {}
    ),
    failures: tried.filter((r) => r.problems.length || r.changed.length),
  }
}

module.exports = { loadCases, runCorpus, snapshot, expand }
