import http from 'http'
import type { AddressInfo } from 'net'

import type { IOContext } from '@vtex/api'

import { HttpTransportClient } from './httpTransport'

/**
 * The transport over real HTTP: @vtex/api sends through HTTP_PROXY, as IO's
 * outbound proxy (and the local emulator) receive it; this proxy records
 * each request and answers as the test says.
 */
interface Seen {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
}

let server: http.Server
const seen: Seen[] = []
let answer: (req: Seen, res: http.ServerResponse) => void = (_, res) =>
  res.end()

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = []

    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const got = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }

      seen.push(got)
      answer(got, res)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo

  process.env.HTTP_PROXY = `http://127.0.0.1:${port}`
  process.env.http_proxy = process.env.HTTP_PROXY
})

afterAll(async () => {
  delete process.env.HTTP_PROXY
  delete process.env.http_proxy
  await new Promise((r) => server.close(r))
})

beforeEach(() => {
  seen.length = 0
})

const context = {
  account: 'bridgedemo',
  workspace: 'master',
  authToken: 'app-token',
  region: 'aws-us-east-1',
  userAgent: 'vtex.marketplace-bridge@0.1.0',
  production: false,
  logger: { warn() {}, error() {}, info() {}, debug() {}, log() {} },
  tracer: { isTraceSampled: false },
} as unknown as IOContext

const transport = () => new HttpTransportClient(context, { timeout: 2000 })

const json = (status: number, body: unknown, headers = {}) =>
  ((_: Seen, res: http.ServerResponse) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
    res.end(JSON.stringify(body))
  }) as typeof answer

describe('the HTTP transport every adapter is given', () => {
  it('sends a JSON body with the adapter’s headers through the proxy, https as http + X-Vtex-Use-Https', async () => {
    answer = json(200, { accepted: true }, { 'X-Request-Id': 'r-1' })
    const res = await transport().send({
      method: 'PUT',
      url: 'https://shop.example/api/inventory/1003',
      headers: { Authorization: 'Bearer secret' },
      body: { quantity: 4 },
    })

    expect(res).toEqual({
      status: 200,
      headers: expect.objectContaining({
        'content-type': 'application/json',
        'x-request-id': 'r-1',
      }),
      body: { accepted: true },
    })
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({
      method: 'PUT',
      url: 'http://shop.example/api/inventory/1003',
      body: '{"quantity":4}',
    })
    expect(seen[0].headers).toMatchObject({
      'x-vtex-use-https': 'true',
      authorization: 'Bearer secret',
      'content-type': 'application/json',
    })
  })

  it('sends a form body and query parameters (OAuth token endpoints)', async () => {
    answer = json(200, { access_token: 't' })
    await transport().send({
      method: 'POST',
      url: 'http://auth.example/oauth/token',
      query: { site: 'MLB' },
      body: { grant_type: 'refresh_token', refresh_token: 'r/1' },
      form: true,
    })

    expect(seen[0].url).toBe('http://auth.example/oauth/token?site=MLB')
    expect(seen[0].body).toBe('grant_type=refresh_token&refresh_token=r%2F1')
    expect(seen[0].headers['content-type']).toBe(
      'application/x-www-form-urlencoded'
    )
    expect(seen[0].headers['x-vtex-use-https']).toBeUndefined()
  })

  it("lets the adapter's own User-Agent win over @vtex/api's", async () => {
    answer = json(200, {})
    await transport().send({ method: 'GET', url: 'http://a.example/x' })
    await transport().send({
      method: 'GET',
      url: 'http://a.example/x',
      headers: { 'User-Agent': 'MarketplaceBridge/0.1 (Language=TypeScript)' },
    })

    expect(seen[0].headers['user-agent']).toBe('vtex.marketplace-bridge@0.1.0')
    expect(seen[1].headers['user-agent']).toBe(
      'MarketplaceBridge/0.1 (Language=TypeScript)'
    )
  })

  it('answers HTTP errors as data, headers lowercase, never retried', async () => {
    answer = json(503, { message: 'down' }, { 'Retry-After': '7' })
    const res = await transport().send({
      method: 'PUT',
      url: 'http://a.example/x',
      body: {},
    })

    expect(res).toMatchObject({
      status: 503,
      body: { message: 'down' },
      headers: expect.objectContaining({ 'retry-after': '7' }),
    })
    expect(seen).toHaveLength(1)
  })

  it('keeps the status and headers of a PATCH (rate-limit headers)', async () => {
    answer = json(
      200,
      { status: 'ACCEPTED' },
      { 'x-amzn-RateLimit-Limit': '5.0' }
    )
    const res = await transport().send({
      method: 'PATCH',
      url: 'http://sp.example/listings/2021-08-01/items/S/SKU',
      body: { patches: [] },
    })

    expect(res.status).toBe(200)
    expect(res.headers['x-amzn-ratelimit-limit']).toBe('5.0')
    expect(res.body).toEqual({ status: 'ACCEPTED' })
  })

  it('keeps a body that is not JSON as text, an empty one as null', async () => {
    answer = (_, res) => {
      res.writeHead(400, { 'Content-Type': 'text/plain' })
      res.end('Invalid EAN')
    }

    expect(
      (await transport().send({ method: 'DELETE', url: 'http://a.example/x' }))
        .body
    ).toBe('Invalid EAN')
    answer = (_, res) => {
      res.writeHead(204)
      res.end()
    }

    expect(
      await transport().send({ method: 'DELETE', url: 'http://a.example/x' })
    ).toEqual({ status: 204, headers: expect.any(Object), body: null })
  })

  it('never throws: no answer is status null with the network error', async () => {
    // A proxy that drops the connection before any answer (a reset, a dead host).
    const dropping = http.createServer((req) => req.socket.destroy())

    await new Promise<void>((r) => dropping.listen(0, '127.0.0.1', r))
    const { port } = dropping.address() as AddressInfo
    const before = process.env.HTTP_PROXY

    process.env.HTTP_PROXY = `http://127.0.0.1:${port}`
    process.env.http_proxy = process.env.HTTP_PROXY
    try {
      const res = await transport().send({
        method: 'PUT',
        url: 'http://a.example/x',
        body: {},
      })

      expect(res).toMatchObject({ status: null, body: null, headers: {} })
      expect(res.networkError).toEqual(expect.any(String))
    } finally {
      process.env.HTTP_PROXY = before
      process.env.http_proxy = before
      await new Promise((r) => dropping.close(r))
    }
  })
})
