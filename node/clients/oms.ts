import type { DeliveryResponse } from '../domain/delivery'
import type { OmsOrder } from '../domain/vtex'
import { answerOf } from './answer'
import { AppJanusClient } from './janus'

const path = (orderId: string) =>
  `/api/oms/pvt/orders/${encodeURIComponent(orderId)}`

/**
 * Orders API: reads (policy OMSViewer, "View order") and the two tracking
 * writes the bridge makes after Invoiced (policy ShippingAction, the License
 * Manager resource "Notify invoice"). Writes answer the HTTP status and body
 * instead of throwing, so the log keeps what OMS said.
 */
export class Oms extends AppJanusClient {
  public order(orderId: string) {
    return this.getOrNull<OmsOrder>(path(orderId), 'oms-order')
  }

  /** PUT …/invoice/{invoiceNumber}/tracking: Update order tracking status. */
  public putTracking(orderId: string, invoiceNumber: string, body: unknown) {
    return this.write(
      'put',
      `${path(orderId)}/invoice/${encodeURIComponent(invoiceNumber)}/tracking`,
      body,
      'oms-tracking'
    )
  }

  /** PATCH …/invoice/{invoiceNumber}: the invoice's tracking number, URL and courier. */
  public patchInvoice(orderId: string, invoiceNumber: string, body: unknown) {
    return this.write(
      'patch',
      `${path(orderId)}/invoice/${encodeURIComponent(invoiceNumber)}`,
      body,
      'oms-invoice-tracking'
    )
  }

  private async write(
    method: 'put' | 'patch',
    url: string,
    body: unknown,
    metric: string
  ): Promise<DeliveryResponse> {
    return answerOf(() =>
      method === 'put'
        ? this.http.putRaw(url, body, { metric })
        : this.http
            .patch(url, body, { metric })
            .then((data) => ({ status: 200, data }))
    )
  }
}
