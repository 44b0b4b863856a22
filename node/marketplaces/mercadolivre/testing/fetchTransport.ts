import type { HttpRequest, HttpResponse, HttpTransport } from '../../adapter'

/**
 * A real HttpTransport over Node's fetch, for tests against the local
 * emulators: `hosts` sends a marketplace host (`api.mercadolibre.com`) to a
 * local server instead, naming the host in `x-forwarded-host`. Never throws:
 * HTTP errors are answers, timeouts and refused connections come back as
 * `status: null` with `networkError`.
 */
export class FetchTransport implements HttpTransport {
  public sent = 0

  constructor(
    private options: { hosts?: Record<string, string>; timeoutMs?: number } = {}
  ) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    this.sent++
    const url = new URL(request.url)

    for (const [k, v] of Object.entries(request.query ?? {}))
      url.searchParams.set(k, v)
    const base = this.options.hosts?.[url.host]
    const target = base ? `${base}${url.pathname}${url.search}` : url.toString()
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(base ? { 'x-forwarded-host': url.host } : {}),
      ...(request.headers ?? {}),
    }

    let body: string | undefined

    if (request.body !== undefined) {
      body = request.form
        ? new URLSearchParams(request.body as Record<string, string>).toString()
        : JSON.stringify(request.body)
      headers['content-type'] = request.form
        ? 'application/x-www-form-urlencoded'
        : 'application/json'
    }

    const timeoutMs = this.options.timeoutMs ?? 10_000

    try {
      const res = await fetch(target, {
        method: request.method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      })

      const text = await res.text()
      let parsed: unknown = text === '' ? null : text

      try {
        parsed = text === '' ? null : JSON.parse(text)
      } catch {
        // Not JSON: the raw text is the answer (a malformed answer to the adapter).
      }

      const out: Record<string, string> = {}

      res.headers.forEach((value, key) => {
        out[key.toLowerCase()] = value
      })

      return { status: res.status, headers: out, body: parsed }
    } catch (e) {
      const err = e as Error

      return {
        status: null,
        headers: {},
        body: null,
        networkError:
          err.name === 'TimeoutError'
            ? `No answer within ${timeoutMs} ms`
            : err.message,
      }
    }
  }
}
