import type { HttpRequest } from '../adapter'
import { API } from './config'

/**
 * The Mercado Livre calls the adapter makes, as pure request builders (the
 * session adds the seller's bearer token). Paths and bodies are the ones ML
 * documents; docs/marketplaces/mercadolivre.md lists the pages.
 */
const seg = (id: string) => encodeURIComponent(id)

export const getItem = (itemId: string): HttpRequest => ({
  method: 'GET',
  url: `${API}/items/${seg(itemId)}`,
})

/** Partial item update: only the fields given change (title, price, available_quantity, pictures, status). */
export const putItem = (
  itemId: string,
  body: Record<string, unknown>
): HttpRequest => ({ method: 'PUT', url: `${API}/items/${seg(itemId)}`, body })

/**
 * One variation of an item. Used instead of the item body's `variations[]`,
 * which deletes every variation the body does not list.
 */
export const putVariation = (
  itemId: string,
  variationId: string,
  body: { available_quantity?: number; price?: number }
): HttpRequest => ({
  method: 'PUT',
  url: `${API}/items/${seg(itemId)}/variations/${seg(variationId)}`,
  body,
})

/** User-products stock: the answer's `x-version` header must come back on the update. */
export const getUserProductStock = (userProductId: string): HttpRequest => ({
  method: 'GET',
  url: `${API}/user-products/${seg(userProductId)}/stock`,
})

export const putSellingAddressStock = (
  userProductId: string,
  version: string,
  quantity: number
): HttpRequest => ({
  method: 'PUT',
  url: `${API}/user-products/${seg(userProductId)}/stock/type/selling_address`,
  headers: { 'x-version': version },
  body: { quantity },
})

/** The seller's items carrying this SELLER_SKU (finds a listing an earlier attempt created). */
export const searchBySellerSku = (
  sellerId: string,
  sellerSku: string
): HttpRequest => ({
  method: 'GET',
  url: `${API}/users/${seg(sellerId)}/items/search`,
  query: { seller_sku: sellerSku },
})

export const postItem = (body: Record<string, unknown>): HttpRequest => ({
  method: 'POST',
  url: `${API}/items`,
  body,
})

export const postDescription = (
  itemId: string,
  plainText: string
): HttpRequest => ({
  method: 'POST',
  url: `${API}/items/${seg(itemId)}/description`,
  body: { plain_text: plainText },
})

export const getOrder = (orderId: string): HttpRequest => ({
  method: 'GET',
  url: `${API}/orders/${seg(orderId)}`,
})

/** The shipment in ML's current format (`logistic: { mode, type }`). */
export const getShipment = (shipmentId: string): HttpRequest => ({
  method: 'GET',
  url: `${API}/shipments/${seg(shipmentId)}`,
  headers: { 'x-format-new': 'true' },
})

/** ME1 / custom: the tracking number must be informed before any status. */
export const putShipmentTracking = (
  shipmentId: string,
  trackingNumber: string,
  serviceId: number
): HttpRequest => ({
  method: 'PUT',
  url: `${API}/shipments/${seg(shipmentId)}`,
  body: { tracking_number: trackingNumber, service_id: serviceId },
})

export interface SellerNotification {
  status: 'shipped' | 'delivered' | 'not_delivered'
  substatus: string | null
  trackingNumber: string
  trackingUrl: string | null
  serviceId: number | null
  /** ISO 8601 with offset. */
  date: string
  comment: string | null
}

/** ME1 shipment status for the buyer: shipped, delivered (or not_delivered). */
export const postSellerNotification = (
  shipmentId: string,
  n: SellerNotification
): HttpRequest => ({
  method: 'POST',
  url: `${API}/shipments/${seg(shipmentId)}/seller_notifications`,
  body: {
    payload: {
      ...(n.serviceId != null ? { service_id: n.serviceId } : {}),
      ...(n.comment ? { comment: n.comment } : {}),
      date: n.date,
    },
    tracking_number: n.trackingNumber,
    ...(n.trackingUrl ? { tracking_url: n.trackingUrl } : {}),
    status: n.status,
    substatus: n.substatus,
  },
})
