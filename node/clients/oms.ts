import type { OmsOrder } from '../domain/vtex'
import { AppJanusClient } from './janus'

/** Orders API (policy OMSViewer). */
export class Oms extends AppJanusClient {
  public order(orderId: string) {
    return this.getOrNull<OmsOrder>(
      `/api/oms/pvt/orders/${encodeURIComponent(orderId)}`,
      'oms-order'
    )
  }
}
