import type { CarrierEvent, CarrierWatch } from '../domain/carrier'
import { omsInvoicePatch, omsTrackingBody } from '../domain/carrier'
import type { DeliveryResponse } from '../domain/delivery'
import { originOf } from '../domain/delivery'
import type { Outcome } from '../domain/log'
import type { OmsOrder } from '../domain/vtex'

/** The pseudo-marketplace OMS updates are logged under (Tracking tab). */
export const OMS_LOG = 'vtex-oms'

/** Writes to VTEX's Orders API (clients/oms.ts). */
export interface OmsWriter {
  order(orderId: string): Promise<OmsOrder | null>
  putTracking(
    orderId: string,
    invoiceNumber: string,
    body: unknown
  ): Promise<DeliveryResponse>
  patchInvoice(
    orderId: string,
    invoiceNumber: string,
    body: unknown
  ): Promise<DeliveryResponse>
}

const ok = (r: DeliveryResponse) =>
  r.status != null && r.status >= 200 && r.status < 300

/** OMS: the invoice's tracking data once (Message Center's trackingURL), then the status. */
export async function sendToOms(
  oms: OmsWriter,
  watch: CarrierWatch,
  all: CarrierEvent[],
  at: string
) {
  let { invoicePatched } = watch
  const omsSteps: Array<{
    what: string
    url: string
    body: unknown
    call: () => Promise<DeliveryResponse>
  }> = []

  if (!invoicePatched && watch.trackingNumber) {
    const body = omsInvoicePatch(watch, all)

    omsSteps.push({
      what: 'invoice tracking data',
      url: `/api/oms/pvt/orders/${watch.orderId}/invoice/${watch.invoiceNumber}`,
      body,
      call: () => oms.patchInvoice(watch.orderId, watch.invoiceNumber, body),
    })
  }

  const trackingBody = omsTrackingBody(all)

  omsSteps.push({
    what: 'tracking status',
    url: `/api/oms/pvt/orders/${watch.orderId}/invoice/${watch.invoiceNumber}/tracking`,
    body: trackingBody,
    call: () =>
      oms.putTracking(watch.orderId, watch.invoiceNumber, trackingBody),
  })

  let outcome: Outcome = {
    status: 'SUCCESS',
    message: `OMS updated: ${all[all.length - 1].status} (${all.length} event${
      all.length === 1 ? '' : 's'
    })${
      trackingBody.isDelivered
        ? `, delivered ${trackingBody.deliveredDate}`
        : ''
    }`,
    origin: null,
    at,
    trigger: 'TRACKING_EVENT',
  }

  for (const step of omsSteps) {
    const method = step.what === 'tracking status' ? 'PUT' : 'PATCH'
    let response: DeliveryResponse

    try {
      response = await step.call()
    } catch (e) {
      response = {
        status: null,
        body: null,
        networkError: e instanceof Error ? e.message : String(e),
      }
    }

    if (!ok(response)) {
      const origin = originOf(
        { method, url: step.url, body: step.body },
        response
      )

      outcome = {
        status: 'ERROR',
        message: `OMS refused the ${step.what}: ${
          response.status
            ? `HTTP ${response.status}`
            : response.networkError ?? 'no answer'
        }`,
        origin,
        at,
        trigger: 'TRACKING_EVENT',
      }
      break
    }

    if (step.what === 'invoice tracking data') invoicePatched = true
  }

  return { outcome, trackingBody, invoicePatched }
}
