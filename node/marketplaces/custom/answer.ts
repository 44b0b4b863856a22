import { retryAfterMs } from '../../domain/queue'
import type { AdapterOutcome, HttpResponse } from '../adapter'

/**
 * What the custom connector's answers mean (docs/connector.md). Reasons are
 * stable and translated by the admin (`admin/marketplace-bridge.outcome.{reason}`):
 *   ACCEPTED      any 2xx
 *   UNAVAILABLE   5xx, 408, 429: transient (Retry-After honoured)
 *   UNREACHABLE   no answer (timeout, refused connection): transient
 *   REFUSED       any other status (4xx validation, auth): retrying the
 *                 same payload cannot succeed
 *   UNSUPPORTED_OPERATION  an operation the contract has no route for
 */
export const CUSTOM_REASONS = {
  ACCEPTED: 'ACCEPTED',
  UNAVAILABLE: 'UNAVAILABLE',
  UNREACHABLE: 'UNREACHABLE',
  REFUSED: 'REFUSED',
  UNSUPPORTED_OPERATION: 'UNSUPPORTED_OPERATION',
} as const

/** The marketplace's own words for an error, when its body has them. */
export function marketplaceMessage(body: unknown): string | null {
  let parsed = body

  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body)
    } catch {
      return body.trim().slice(0, 300) || null
    }
  }

  if (parsed && typeof parsed === 'object') {
    const o = parsed as Record<string, unknown>

    for (const k of ['message', 'error', 'detail'])
      if (typeof o[k] === 'string') return o[k] as string
    if (
      Array.isArray(o.errors) &&
      o.errors[0] &&
      typeof o.errors[0].message === 'string'
    ) {
      return o.errors[0].message
    }
  }

  return null
}

/** The meaning of one answer of the contract. */
export function customOutcome(
  response: HttpResponse,
  now: number
): AdapterOutcome {
  const s = response.status

  if (s != null && s >= 200 && s < 300)
    return { status: 'SUCCESS', reason: CUSTOM_REASONS.ACCEPTED }
  const transient = {
    retryAfterMs: retryAfterMs(response.headers['retry-after'], now),
  }

  if (s == null) {
    return {
      status: 'ERROR',
      reason: CUSTOM_REASONS.UNREACHABLE,
      params: { error: response.networkError ?? 'no response' },
      transient,
    }
  }

  const businessMessage = marketplaceMessage(response.body)

  return s >= 500 || s === 429 || s === 408
    ? {
        status: 'ERROR',
        reason: CUSTOM_REASONS.UNAVAILABLE,
        params: { status: s },
        businessMessage,
        transient,
      }
    : {
        status: 'ERROR',
        reason: CUSTOM_REASONS.REFUSED,
        params: { status: s },
        businessMessage,
      }
}

/** The outcome in the log's words (message, CSV, search and error groups): the connector's, as always. */
export function describeCustom(outcome: AdapterOutcome, name: string): string {
  const said = outcome.businessMessage ? `: ${outcome.businessMessage}` : ''

  switch (outcome.reason) {
    case CUSTOM_REASONS.ACCEPTED:
      return `Accepted by ${name}`

    case CUSTOM_REASONS.UNREACHABLE:
      return `Could not reach ${name}: ${
        outcome.params?.error ?? 'no response'
      }`

    case CUSTOM_REASONS.UNAVAILABLE:
      return `${name} answered HTTP ${outcome.params?.status}${said}`

    case CUSTOM_REASONS.REFUSED:
      return `${name} answered HTTP ${outcome.params?.status}${said}`

    default:
      return `${name} cannot take ${outcome.params?.type ?? 'this'} updates`
  }
}
