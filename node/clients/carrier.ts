import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import type { CarrierReport, CarrierWatch } from '../domain/carrier'
import { parseCarrierReport } from '../domain/carrierReport'
import type { BridgeSettings } from '../domain/settings'
import type { CarrierGateway } from '../services/carrier'
import { throughIoProxy } from './outbound'

/**
 * The carrier connector (docs/connector.md): GET {carrierBaseUrl}/trackings/{trackingNumber}
 * with the courier as a query parameter, bearer token from the settings.
 *
 * @outbound merchant carrierBaseUrl — hosts the publisher declares with
 * `npm run connector-host` (docs/deploy.md).
 */
export class CarrierHttp extends ExternalClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super('', context, { ...options, retries: 1 })
  }

  public gateway(settings: BridgeSettings['carrier']): CarrierGateway | null {
    const { baseUrl, token } = settings

    if (!baseUrl) return null

    return {
      report: async (watch: CarrierWatch): Promise<CarrierReport> => {
        const target = throughIoProxy(
          `${baseUrl}/trackings/${encodeURIComponent(watch.trackingNumber)}`
        )

        const data = await this.http.get<unknown>(target.url, {
          params: watch.courier ? { courier: watch.courier } : {},
          headers: {
            ...target.headers,
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
          metric: 'carrier-tracking',
        })

        return parseCarrierReport(data, watch.trackingNumber)
      },
    }
  }
}
