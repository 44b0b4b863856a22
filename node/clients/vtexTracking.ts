import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import type { DeliveryResponse } from '../domain/delivery'
import { answerOf } from './answer'
import { throughIoProxy } from './outbound'

const BASE = throughIoProxy('https://api.vtextracking.com/receiver')

export interface TrackingAuth {
  authenticated: boolean
  accessToken?: string
  expiration?: string
  message?: string
}

/**
 * VTEX Tracking API (shared/vtex-openapi/tracking.json), through IO's outbound
 * proxy (X-Vtex-Use-Https). POST /auth answers an access token for the
 * store's username and token; POST /services imports delivery services.
 */
export class VtexTrackingClient extends ExternalClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(BASE.url, context, {
      ...options,
      retries: 1,
      headers: { ...(options?.headers ?? {}), ...BASE.headers },
    })
  }

  public async auth(username: string, password: string): Promise<TrackingAuth> {
    try {
      return await this.http.post<TrackingAuth>(
        '/auth',
        { username, password },
        { metric: 'vtex-tracking-auth' }
      )
    } catch (e) {
      const status = (e as { response?: { status?: number } }).response?.status

      if (status === 401 || status === 403) {
        return {
          authenticated: false,
          message: 'VTEX Tracking did not accept the credentials.',
        }
      }

      throw e
    }
  }

  /** GET /services/invoice?invoice=… : the delivery service of an invoice. */
  public async byInvoice(accessToken: string, invoice: string) {
    return this.http.get<{ data?: Array<Record<string, unknown>> }>(
      '/services/invoice',
      {
        params: { invoice },
        headers: { Authorization: `Bearer ${accessToken}` },
        metric: 'vtex-tracking-by-invoice',
      }
    )
  }

  public async postServices(
    accessToken: string,
    services: unknown[]
  ): Promise<DeliveryResponse> {
    return answerOf(() =>
      this.http.postRaw('/services', services, {
        headers: { Authorization: `Bearer ${accessToken}` },
        metric: 'vtex-tracking-services',
      })
    )
  }
}
