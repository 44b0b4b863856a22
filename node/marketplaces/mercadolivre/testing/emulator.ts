import http from 'http'

import { FetchTransport } from './fetchTransport'

/**
 * Starts local/emulator/mercadolivre (plain JS, as the local runtime runs it)
 * on a free port for tests, with a FetchTransport that sends ML's hosts to it.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires, @typescript-eslint/no-require-imports
const ml = require('../../../../local/emulator/mercadolivre')

/** The emulator's JSON, as loosely typed as the JS it comes from. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export interface MlEmulator {
  handle(req: unknown, res: unknown, ctx: unknown): Promise<void>
  control(req: unknown, res: unknown, ctx: unknown): void
  oauth: { refreshCalls: number }
  state: {
    items: Map<string, Record<string, Json>>
    shipments: Map<string, Record<string, Json>>
    userProducts: Map<string, Record<string, Json>>
  }
  received: Array<Record<string, Json>>
}

export interface RunningEmulator {
  emulator: MlEmulator
  baseUrl: string
  transport: FetchTransport
  /** Calls a control route (`/_emulator/mercadolivre/...`). */
  control(path: string, body?: unknown): Promise<Json>
  close(): Promise<void>
}

export const { SELLER_ID } = ml

export async function startMercadoLivre(
  options: { now?: () => number; timeoutMs?: number } = {}
): Promise<RunningEmulator> {
  const emulator: MlEmulator = new ml.MercadoLivreEmulator({
    clock: { now: options.now ?? (() => Date.now()) },
  })

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []

    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const ctx = {
        host: String(req.headers['x-forwarded-host'] ?? 'localhost'),
        pathname: url.pathname,
        query: url.searchParams,
        body: Buffer.concat(chunks),
      }

      if (url.pathname.startsWith('/_emulator/mercadolivre'))
        return emulator.control(req, res, ctx)

      emulator.handle(req, res, ctx).catch((e: Error) => {
        res.writeHead(500)
        res.end(String(e.stack))
      })
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  const baseUrl = `http://127.0.0.1:${port}`
  const hosts = Object.fromEntries(
    (ml.HOSTS as string[]).map((h) => [h, baseUrl])
  )

  return {
    emulator,
    baseUrl,
    transport: new FetchTransport({ hosts, timeoutMs: options.timeoutMs }),
    async control(path, body) {
      const res = await fetch(`${baseUrl}/_emulator/mercadolivre${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })

      return res.json()
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
