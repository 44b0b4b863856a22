import type { ErrorOrigin } from './log'

/** An answer of one of VTEX's systems or a carrier (clients/answer.ts). */
export interface DeliveryResponse {
  status: number | null
  body: unknown
  /** The Retry-After header, when the marketplace sent one. */
  retryAfter?: string | null
  /** Set when no HTTP answer came back (timeout, refused connection). */
  networkError?: string
}

/** The origin a log shows for a call that failed: what was sent, what came back. */
export function originOf(
  request: { method: string; url: string; body: unknown },
  response: DeliveryResponse
): ErrorOrigin {
  return {
    request: {
      method: request.method,
      url: request.url,
      body:
        typeof request.body === 'string'
          ? request.body
          : JSON.stringify(request.body, null, 2),
    },
    response: {
      status: response.status,
      body:
        response.body == null
          ? response.networkError ?? null
          : typeof response.body === 'string'
          ? response.body
          : JSON.stringify(response.body),
    },
  }
}
