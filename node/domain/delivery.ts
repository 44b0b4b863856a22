import { ErrorOrigin, IntegrationLog, Outcome } from './log'
import { MarketplaceConfig } from './settings'

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

const ROUTE: Record<IntegrationLog['tab'], string> = {
  PRODUCTS: 'products',
  INVENTORY: 'inventory',
  TRACKING: 'orders',
}

export function deliveryRequest(log: IntegrationLog, marketplace: MarketplaceConfig): DeliveryRequest {
  const suffix = log.tab === 'TRACKING' ? '/tracking' : ''
  return {
    method: 'PUT',
    url: `${marketplace.baseUrl}/${ROUTE[log.tab]}/${encodeURIComponent(log.entityId)}${suffix}`,
    body: JSON.stringify(log.payload ?? {}),
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
    for (const k of ['message', 'error', 'detail']) if (typeof o[k] === 'string') return o[k] as string
    if (Array.isArray(o.errors) && o.errors[0] && typeof o.errors[0].message === 'string') {
      return o.errors[0].message
    }
  }
  return null
}

export interface DeliveryResponse {
  status: number | null
  body: unknown
  /** Set when no HTTP answer came back (timeout, refused connection). */
  networkError?: string
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
  if (response.status != null && response.status >= 200 && response.status < 300) {
    return { status: 'SUCCESS', message: `Accepted by ${marketplace.name}`, origin: null, at, trigger }
  }
  const said = marketplaceMessage(response.body)
  const message =
    response.status == null
      ? `Could not reach ${marketplace.name}: ${response.networkError ?? 'no response'}`
      : `${marketplace.name} answered HTTP ${response.status}${said ? `: ${said}` : ''}`
  return { status: 'ERROR', message, origin, at, trigger }
}

export function notConfigured(log: IntegrationLog, at: string, trigger: Outcome['trigger']): Outcome {
  return {
    status: 'ERROR',
    message: `Marketplace "${log.marketplace}" is not configured for ${log.tab.toLowerCase()} in the app settings.`,
    origin: null,
    at,
    trigger,
  }
}
