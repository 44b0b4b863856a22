import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import type { DeliveryRequest, DeliveryResponse } from '../domain/delivery'
import type { MarketplaceConfig } from '../domain/settings'
import type { MarketplaceGateway } from '../services/connector'
import { throughIoProxy } from './outbound'

/**
 * The generic HTTP/JSON marketplace connector's transport. The URL comes
 * from the marketplace's settings; the token goes in a header and nowhere
 * else (the log's origin records method, URL and body only).
 *
 * @outbound merchant marketplaces[].baseUrl — hosts the publisher declares
 * with `npm run connector-host` (docs/deploy.md).
 */
export class MarketplaceHttp
  extends ExternalClient
  implements MarketplaceGateway
{
  constructor(context: IOContext, options?: InstanceOptions) {
    super('', context, { ...options, retries: 0 })
  }

  public async send(
    marketplace: MarketplaceConfig,
    request: DeliveryRequest
  ): Promise<DeliveryResponse> {
    const { token } = marketplace
    const target = throughIoProxy(request.url)

    try {
      const response = await this.http.putRaw(target.url, request.body, {
        headers: {
          ...target.headers,
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        metric: 'marketplace-send',
      })

      return { status: response.status, body: response.data }
    } catch (e) {
      const err = e as {
        response?: {
          status: number
          data: unknown
          headers?: Record<string, string>
        }
        code?: string
        message?: string
      }

      if (err.response) {
        return {
          status: err.response.status,
          body: err.response.data,
          retryAfter: err.response.headers?.['retry-after'] ?? null,
        }
      }

      return {
        status: null,
        body: null,
        networkError: err.code ?? err.message ?? 'unknown error',
      }
    }
  }
}
