import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import type { CarrierReport, CarrierWatch } from '../domain/carrier'
import { parseCarrierReport } from '../domain/carrier'
import type { BridgeSettings } from '../domain/settings'
import type { CarrierGateway } from '../services/carrier'

/**
 * The carrier connector (docs/connector.md): GET {carrierBaseUrl}/trackings/{trackingNumber}
 * with the courier as a query parameter, bearer token from the settings.
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
        const data = await this.http.get<unknown>(
          `${baseUrl}/trackings/${encodeURIComponent(watch.trackingNumber)}`,
          {
            params: watch.courier ? { courier: watch.courier } : {},
            headers: token ? { Authorization: `Bearer ${token}` } : {},
            metric: 'carrier-tracking',
          }
        )

        return parseCarrierReport(data, watch.trackingNumber)
      },
    }
  }
}
