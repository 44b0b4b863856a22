/**
 * The local Amazon mounted as the platform emulator mounts it (a proxy that
 * dispatches by host, its console under /_emulator/amazon), reached over
 * real HTTP by the adapter, as the worker reaches it in the local runtime.
 */
import http from 'http'
import type { AddressInfo } from 'net'

import type { AmazonEmulatorModule } from './testing/emulatorTypes'
import { seededConfig } from './testing/harness'
import { MemoryTokenKeeper } from './testing/memoryTokenKeeper'
import { ProxyTransport } from './testing/proxyTransport'
import { createAmazonAdapter } from './index'

// eslint-disable-next-line @typescript-eslint/no-var-requires, @typescript-eslint/no-require-imports
const emulatorModule: AmazonEmulatorModule = require('../../../local/emulator/amazon')

const { AmazonEmulator, AMAZON_SEED: SEED } = emulatorModule

const readBody = (req: http.IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = []

    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
  })

describe('the local Amazon over HTTP', () => {
  const emulator = new AmazonEmulator({ clock: { now: () => Date.now() } })
  let server: http.Server
  let port: number

  beforeAll(async () => {
    server = http.createServer(async (req, res) => {
      const absolute = /^https?:\/\//.test(req.url ?? '')
      const url = new URL(
        absolute ? req.url! : `http://${req.headers.host}${req.url}`
      )

      const ctx = {
        host: url.hostname,
        pathname: url.pathname,
        query: url.searchParams,
        body: await readBody(req),
      }

      if (AmazonEmulator.handles(ctx.host))
        return emulator.handle(req, res, ctx)
      if (!absolute && url.pathname.startsWith('/_emulator/amazon'))
        return emulator.control(req, res, ctx)
      res.writeHead(502)
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const console_ = (path: string, body?: unknown) =>
    new Promise<{ status: number; json: unknown }>((resolve) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: body ? 'POST' : 'GET',
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          readBody(res as unknown as http.IncomingMessage).then((b) =>
            resolve({
              status: res.statusCode ?? 0,
              json: JSON.parse(b.toString('utf8')),
            })
          )
        }
      )

      req.end(body ? JSON.stringify(body) : undefined)
    })

  it('takes a stock change end to end, and its console expires the token and counts invalid requests', async () => {
    // The User-Agent the app sends in production (Amazon's AppName/Version (Language=…) form).
    const adapter = createAmazonAdapter()
    const tokens = new MemoryTokenKeeper(Date.now)
    const context = {
      marketplace: { id: 'amazon', name: 'Amazon', config: seededConfig(SEED) },
      http: new ProxyTransport(port),
      tokens,
      now: Date.now,
    }

    const first = await adapter.perform(
      { type: 'STOCK', skuId: SEED.skus[1], quantity: 3, listing: null },
      context
    )

    expect(first.outcome).toMatchObject({
      status: 'PENDING',
      reason: 'AMAZON_SUBMISSION_ACCEPTED',
    })
    expect(await console_('/_emulator/amazon/expire-tokens', {})).toEqual({
      status: 200,
      json: { expired: 1 },
    })
    const second = await adapter.perform(
      { type: 'STOCK', skuId: SEED.skus[1], quantity: 4, listing: null },
      context
    )

    expect(second.exchanges.map((e) => e.response.status)).toEqual([403, 200])
    expect(tokens.refreshes).toBe(2)
    const stats = await console_('/_emulator/amazon')

    expect(stats.json).toMatchObject({
      requests: 3,
      invalidRequests: 0,
      invalidResponses: 0,
      tokensIssued: 2,
    })
    expect(
      await console_('/_emulator/amazon/throttle', { operation: 'nope' })
    ).toEqual({ status: 400, json: { message: 'Unknown operation nope' } })
  })
})
