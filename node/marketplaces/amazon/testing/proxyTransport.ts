/**
 * An HttpTransport over real HTTP to an emulator listening as a proxy (as
 * the local runtime's worker reaches it through HTTP(S)_PROXY): the
 * absolute URL goes in the request line, the host header names the real
 * host.
 */
import http from 'http'

import type { HttpRequest, HttpResponse, HttpTransport } from '../../adapter'
import { fromWire, toWire } from './emulatorTransport'

export class ProxyTransport implements HttpTransport {
  constructor(private readonly port: number) {}

  send(request: HttpRequest): Promise<HttpResponse> {
    const wire = toWire(request)
    const url = new URL(wire.url)

    return new Promise((resolve) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: wire.method,
          path: wire.url,
          headers: { ...wire.headers, host: url.host },
        },
        (res) => {
          const chunks: Buffer[] = []

          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve(
              fromWire({
                status: res.statusCode ?? 0,
                headers: res.headers as Record<string, string>,
                body: Buffer.concat(chunks).toString('utf8'),
              })
            )
          )
        }
      )

      req.on('error', (e) =>
        resolve({
          status: null,
          headers: {},
          body: null,
          networkError: e.message,
        })
      )
      req.end(wire.body || undefined)
    })
  }
}
