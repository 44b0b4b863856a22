/**
 * An HttpTransport that hands each request to an emulator in the same
 * process (`emulator.request`), serialised as on the wire: JSON or form
 * bodies, query strings, headers; answers parsed back as JSON. It can drop
 * answers (`failNext`) as a timeout would.
 */
import type { HttpRequest, HttpResponse, HttpTransport } from '../../adapter'

export interface WireRequest {
  method: string
  url: string
  headers: Record<string, string>
  body: string
}

export interface WireResponse {
  status: number
  headers: Record<string, string>
  body: string
}

export interface InProcessServer {
  request(r: WireRequest): Promise<WireResponse>
}

/** The request as bytes would carry it (shared with the HTTP proxy transport). */
export function toWire(r: HttpRequest): WireRequest {
  const url = new URL(r.url)

  for (const [k, v] of Object.entries(r.query ?? {})) url.searchParams.set(k, v)
  const headers: Record<string, string> = { ...(r.headers ?? {}) }
  let body = ''

  if (r.body !== undefined) {
    if (r.form) {
      body = new URLSearchParams(r.body as Record<string, string>).toString()
      headers['content-type'] = 'application/x-www-form-urlencoded'
    } else {
      body = JSON.stringify(r.body)
      headers['content-type'] = 'application/json'
    }
  }

  return { method: r.method, url: url.toString(), headers, body }
}

export function fromWire(res: WireResponse): HttpResponse {
  const headers = Object.fromEntries(
    Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), String(v)])
  )

  let body: unknown = res.body || null

  if (res.body && /json/.test(headers['content-type'] ?? '')) {
    try {
      body = JSON.parse(res.body)
    } catch {
      body = res.body
    }
  }

  return { status: res.status, headers, body }
}

export class EmulatorTransport implements HttpTransport {
  /** Every request sent, in order. */
  readonly sent: WireRequest[] = []
  private drops = 0

  constructor(private readonly server: InProcessServer) {}

  /** The next `n` requests get no answer (as a timeout). */
  failNext(n: number) {
    this.drops = n
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const wire = toWire(request)

    this.sent.push(wire)
    if (this.drops > 0) {
      this.drops--

      return {
        status: null,
        headers: {},
        body: null,
        networkError: 'ETIMEDOUT',
      }
    }

    return fromWire(await this.server.request(wire))
  }
}
