import type { ErrorOrigin, Outcome } from './log'
import { retryAfterMs } from './queue'
import type { MarketplaceConfig } from './settings'
import type { Tab } from './tabs'
import { orderRefOf } from './trackingPayload'

/**
 * The generic HTTP/JSON connector contract (docs/connector.md): one PUT per
 * entity, JSON body, bearer token. Any partner service that answers these
 * routes can be a marketplace for the bridge.
 */
export interface DeliveryRequest {
  method: 'PUT'
  url: string
  body: string
}

const ROUTE: Record<Tab, string> = {
  PRODUCTS: 'products',
  INVENTORY: 'inventory',
  TRACKING: 'orders',
}

export interface DeliveryItem {
  tab: Tab
  entityId: string
  payload: unknown
}

/**
 * The contract's request for an entity. An order is addressed by the id the
 * marketplace knows it by (its own order id; VTEX's when OMS has none).
 */
export function deliveryRequest(
  item: DeliveryItem,
  marketplace: MarketplaceConfig
): DeliveryRequest {
  const tracking = item.tab === 'TRACKING'
  const id = tracking ? orderRefOf(item.payload, item.entityId) : item.entityId

  return {
    method: 'PUT',
    url: `${marketplace.baseUrl}/${ROUTE[item.tab]}/${encodeURIComponent(id)}${
      tracking ? '/tracking' : ''
    }`,
    body: JSON.stringify(item.payload ?? {}),
  }
}

const asText = (body: unknown): string | null => {
  if (body == null || body === '') return null

  return typeof body === 'string' ? body : JSON.stringify(body)
}

/** The marketplace's own words for an error, when its body has them. */
function marketplaceMessage(body: unknown): string | null {
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

export interface DeliveryResponse {
  status: number | null
  body: unknown
  /** The Retry-After header, when the marketplace sent one. */
  retryAfter?: string | null
  /** Set when no HTTP answer came back (timeout, refused connection). */
  networkError?: string
}

export type Verdict =
  | { kind: 'success' }
  | { kind: 'transient'; retryAfterMs: number | null }
  | { kind: 'permanent' }

/**
 * Success is 2xx. Transient (worth retrying): no answer (timeout, network),
 * 5xx, 429 (honouring Retry-After) and 408. Anything else (4xx validation,
 * auth) is permanent: retrying the same payload cannot succeed.
 */
export function classify(response: DeliveryResponse, now: number): Verdict {
  const s = response.status

  if (s != null && s >= 200 && s < 300) return { kind: 'success' }
  if (s == null || s >= 500 || s === 429 || s === 408) {
    return {
      kind: 'transient',
      retryAfterMs: retryAfterMs(response.retryAfter, now),
    }
  }

  return { kind: 'permanent' }
}

export function outcomeOf(
  marketplace: MarketplaceConfig,
  request: DeliveryRequest,
  response: DeliveryResponse,
  at: string,
  trigger: Outcome['trigger']
): Outcome {
  const origin: ErrorOrigin = {
    request: { method: request.method, url: request.url, body: request.body },
    response: { status: response.status, body: asText(response.body) },
  }

  if (
    response.status != null &&
    response.status >= 200 &&
    response.status < 300
  ) {
    return {
      status: 'SUCCESS',
      message: `Accepted by ${marketplace.name}`,
      origin: null,
      at,
      trigger,
    }
  }

  const said = marketplaceMessage(response.body)
  const message =
    response.status == null
      ? `Could not reach ${marketplace.name}: ${
          response.networkError ?? 'no response'
        }`
      : `${marketplace.name} answered HTTP ${response.status}${
          said ? `: ${said}` : ''
        }`

  return { status: 'ERROR', message, origin, at, trigger }
}

export function notConfigured(
  marketplace: string,
  tab: Tab,
  at: string,
  trigger: Outcome['trigger']
): Outcome {
  return {
    status: 'ERROR',
    message: `Marketplace "${marketplace}" is not configured for ${tab.toLowerCase()} in the app settings.`,
    origin: null,
    at,
    trigger,
  }
}

/** A failure found before anything was sent (e.g. the SKU no longer exists in VTEX). */
export function notSent(
  message: string,
  at: string,
  trigger: Outcome['trigger']
): Outcome {
  return { status: 'ERROR', message, origin: null, at, trigger }
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
