import type {
  InstanceOptions,
  IOContext,
  MiddlewareContext,
  RequestConfig,
} from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import type {
  HttpRequest,
  HttpResponse,
  HttpTransport,
} from '../marketplaces/adapter'
import { throughIoProxy } from './outbound'

/** A request that hands its full answer (status, headers, body) to `onResponse`. */
type CapturingConfig = RequestConfig & {
  onResponse?: (r: { status: number; headers: unknown; data: unknown }) => void
}

/**
 * Hands each call's answer to its caller whatever the method: @vtex/api's
 * `patch` returns the body only, and an adapter also reads the status and
 * headers (rate limits, Retry-After).
 */
async function captureResponse(
  ctx: MiddlewareContext,
  next: () => Promise<void>
) {
  await next()
  const { onResponse } = ctx.config as CapturingConfig

  if (onResponse && ctx.response) onResponse(ctx.response)
}

const lowercase = (headers: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries((headers ?? {}) as Record<string, unknown>)
      .filter(([, v]) => v != null)
      .map(([k, v]) => [
        k.toLowerCase(),
        Array.isArray(v) ? v.join(', ') : String(v),
      ])
  )

/**
 * The one HTTP transport every marketplace adapter is given
 * (marketplaces/adapter.ts `HttpTransport`): sends what the adapter built —
 * JSON or form bodies, query strings, headers (its own win over @vtex/api's
 * default User-Agent) — through IO's outbound proxy (`X-Vtex-Use-Https`
 * for https), without retries (the queue's retry policy decides), and
 * never throws: an HTTP error is an answer, no answer is `status: null`
 * with the network error. Response headers come lowercase.
 *
 * @outbound merchant marketplaces[].config.baseUrl — the custom connector's
 * hosts, which the publisher declares with `npm run connector-host`
 * (docs/deploy.md); a marketplace kind with fixed hosts declares them with
 * its registration.
 */
export class HttpTransportClient
  extends ExternalClient
  implements HttpTransport
{
  constructor(context: IOContext, options?: InstanceOptions) {
    super('', context, {
      ...options,
      retries: 0,
      // Marketplaces' answers change with every call an adapter makes.
      memoizable: false,
      middlewares: [...(options?.middlewares ?? []), captureResponse],
    })
  }

  public async send(request: HttpRequest): Promise<HttpResponse> {
    const url = new URL(request.url)

    for (const [k, v] of Object.entries(request.query ?? {}))
      url.searchParams.set(k, v)
    const target = throughIoProxy(url.toString())
    const form = request.form === true && request.body !== undefined
    const data =
      request.body === undefined
        ? undefined
        : form
        ? new URLSearchParams(request.body as Record<string, string>).toString()
        : JSON.stringify(request.body)

    let answer: { status: number; headers: unknown; data: unknown } | null =
      null

    const config: CapturingConfig = {
      headers: {
        ...target.headers,
        ...(data === undefined
          ? {}
          : {
              'Content-Type': form
                ? 'application/x-www-form-urlencoded'
                : 'application/json',
            }),
        ...(request.headers ?? {}),
      },
      // Every answer is data for the adapter, 4xx and 5xx included.
      validateStatus: () => true,
      metric: 'marketplace-http',
      onResponse: (r) => {
        answer = r
      },
    }

    try {
      await this.call(request.method, target.url, data, config)
    } catch (e) {
      const err = e as {
        response?: { status: number; headers?: unknown; data: unknown }
        code?: string
        message?: string
      }

      if (!err.response) {
        return {
          status: null,
          headers: {},
          body: null,
          networkError: err.code ?? err.message ?? 'unknown error',
        }
      }

      answer = {
        status: err.response.status,
        headers: err.response.headers,
        data: err.response.data,
      }
    }

    const got = answer as {
      status: number
      headers: unknown
      data: unknown
    } | null

    if (!got)
      return {
        status: null,
        headers: {},
        body: null,
        networkError: 'no response',
      }

    return {
      status: got.status,
      headers: lowercase(got.headers),
      body: got.data === '' ? null : got.data,
    }
  }

  private call(
    method: HttpRequest['method'],
    url: string,
    data: string | undefined,
    config: CapturingConfig
  ): Promise<unknown> {
    switch (method) {
      case 'GET':
        return this.http.getRaw(url, config)

      case 'POST':
        return this.http.postRaw(url, data, config)

      case 'PUT':
        return this.http.putRaw(url, data, config)

      case 'PATCH':
        return this.http.patch(url, data, config)

      case 'DELETE':
        return this.http.delete(url, config)

      default:
        throw new Error(`Unsupported method ${String(method)}`)
    }
  }
}
