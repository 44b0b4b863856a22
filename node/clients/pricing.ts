import type { ComputedPrice } from '../domain/channels/vtexTypes'
import { AppJanusClient } from './janus'

/**
 * Pricing's computed price of a SKU in a price table or trade policy
 * (pricing-api.json `GET /pricing/prices/{itemId}/computed/{priceTableId}`,
 * through Janus under /api/pricing). Policy `read_prices` ("Pricing › Read
 * prices", the key VTEX's own external-prices app declares). 404: no price.
 */
export class Pricing extends AppJanusClient {
  public computed(skuId: string, priceTable: string) {
    return this.getOrNull<ComputedPrice>(
      `/api/pricing/prices/${encodeURIComponent(
        skuId
      )}/computed/${encodeURIComponent(priceTable)}`,
      'pricing-computed'
    )
  }
}
