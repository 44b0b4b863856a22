import type { Affiliate } from '../domain/channels/vtexTypes'
import { AppJanusClient } from './janus'

/**
 * The store's affiliates (Marketplace API, `GET /api/fulfillment/pvt/affiliates`),
 * read with the admin's own token on the settings page. VTEX lets only
 * Checkout › Save Order(Form) Configuration list them — write-level resources
 * the app is not given just to read a list (docs/channels.md, "Permissions").
 */
export class Affiliates extends AppJanusClient {
  public list(userToken: string) {
    return this.http.get<Affiliate[]>('/api/fulfillment/pvt/affiliates', {
      metric: 'fulfillment-affiliates',
      headers: { VtexIdclientAutCookie: userToken },
    })
  }
}
