'use strict'

/**
 * The Mercado Livre emulator on a free local port, for tests, with a real
 * HttpTransport (node/marketplaces/adapter.ts) over Node's fetch that sends
 * ML's hosts to it (naming the host in `x-forwarded-host`). It lives here,
 * outside node/, because it is test tooling: the app's own HTTP calls go
 * through node/clients only.
 *
 * The transport never throws: HTTP errors are answers; timeouts and refused
 * connections come back as `status: null` with `networkError`.
 */
const http = require('http')

const { MercadoLivreEmulator, HOSTS } = require('.')

class FetchTransport {
  constructor({ hosts = {}, timeoutMs = 10_000 } = {}) {
    this.hosts = hosts
    this.timeoutMs = timeoutMs
    this.sent = 0
  }

  async send(request) {
    this.sent++
    const url = new URL(request.url)

    for (const [k, v] of Object.entries(request.query || {}))
      url.searchParams.set(k, v)
    const base = this.hosts[url.host]
    const target = base ? `${base}${url.pathname}${url.search}` : url.href
    const headers = {
      accept: 'application/json',
      ...(base ? { 'x-forwarded-host': url.host } : {}),
      ...(request.headers || {}),
    }

    let body

    if (request.body !== undefined) {
      body = request.form
        ? new URLSearchParams(request.body).toString()
        : JSON.stringify(request.body)
      headers['content-type'] = request.form
        ? 'application/x-www-form-urlencoded'
        : 'application/json'
    }

    try {
      const res = await fetch(target, {
        method: request.method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      })

      const text = await res.text()
      let parsed = text === '' ? null : text

      try {
        parsed = text === '' ? null : JSON.parse(text)
      } catch {
        // Not JSON: the raw text is the answer (a malformed answer to the adapter).
      }

      const out = {}

      res.headers.forEach((value, key) => {
        out[key.toLowerCase()] = value
      })

      return { status: res.status, headers: out, body: parsed }
    } catch (e) {
      return {
        status: null,
        headers: {},
        body: null,
        networkError:
          e.name === 'TimeoutError'
            ? `No answer within ${this.timeoutMs} ms`
            : e.message,
      }
    }
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []

    req.on('data', (c) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

async function startMercadoLivre({ now, timeoutMs } = {}) {
  const emulator = new MercadoLivreEmulator({
    clock: { now: now || (() => Date.now()) },
  })

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url || '/', 'http://localhost')
    const ctx = {
      host: String(req.headers['x-forwarded-host'] || 'localhost'),
      pathname: url.pathname,
      query: url.searchParams,
      body: await readBody(req),
    }

    if (url.pathname.startsWith('/_emulator/mercadolivre'))
      return emulator.control(req, res, ctx)

    emulator.handle(req, res, ctx).catch((e) => {
      res.writeHead(500)
      res.end(String(e.stack))
    })
  })

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${server.address().port}`

  return {
    emulator,
    baseUrl,
    transport: new FetchTransport({
      hosts: Object.fromEntries(HOSTS.map((h) => [h, baseUrl])),
      timeoutMs,
    }),
    /** Calls a control route (`/_emulator/mercadolivre/...`): GET without a body, POST with one. */
    async control(path, body) {
      const res = await fetch(`${baseUrl}/_emulator/mercadolivre${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })

      return res.json()
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

module.exports = { startMercadoLivre, FetchTransport }
