import type { InventoryBalance } from '../domain/vtex'
import { AppJanusClient } from './janus'

/** Logistics API, inventory (policy InventoryViewer, "Logistics inventory read only"). */
export class Logistics extends AppJanusClient {
  public inventory(skuId: string) {
    return this.getOrNull<InventoryBalance>(
      `/api/logistics/pvt/inventory/skus/${encodeURIComponent(skuId)}`,
      'logistics-inventory'
    )
  }
}
