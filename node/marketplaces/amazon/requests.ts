/**
 * The SP-API calls the adapter makes, built as data (no I/O): Listings Items
 * 2021-08-01 and Orders v0 on the seller's regional host. Authentication and
 * the headers every call carries are added by the session (session.ts).
 */
import type { HttpRequest } from '../adapter'
import type { Attributes } from './attributes'
import { fulfillmentAvailability, purchasableOffer } from './attributes'
import type { AmazonStore } from './marketplaces'
import { amazonStore, spApiHost } from './marketplaces'
import type { AmazonConfig } from './settings'
import type { SpApiOperation } from './usagePlans'

export interface SpApiCall {
  operation: SpApiOperation
  method: HttpRequest['method']
  url: string
  body?: unknown
}

/** Product type Amazon accepts for patches of offer data when the listing's own is unknown. */
export const GENERIC_PRODUCT_TYPE = 'PRODUCT'

export const storesOf = (c: AmazonConfig): AmazonStore[] =>
  c.marketplaceIds.map(amazonStore).filter((s): s is AmazonStore => s != null)

const base = (c: AmazonConfig) => `https://${spApiHost(c.region)}`

const listingUrl = (
  c: AmazonConfig,
  sku: string,
  query: Record<string, string>
) =>
  `${base(c)}/listings/2021-08-01/items/${encodeURIComponent(
    c.sellerId
  )}/${encodeURIComponent(sku)}?${new URLSearchParams(query).toString()}`

/** Issues in the language of the seller's first store. */
const issueLocale = (c: AmazonConfig) => storesOf(c)[0]?.language ?? 'en_US'

const patch = (
  c: AmazonConfig,
  sku: string,
  productType: string,
  patches: Array<{ op: string; path: string; value: unknown[] }>
): SpApiCall => ({
  operation: 'patchListingsItem',
  method: 'PATCH',
  url: listingUrl(c, sku, {
    marketplaceIds: c.marketplaceIds.join(','),
    includedData: 'issues',
    issueLocale: issueLocale(c),
  }),
  body: { productType, patches },
})

/**
 * Quantity with the JSON Patch `merge` operation Amazon documents for
 * `fulfillment_availability`: only `quantity` changes, the handling time and
 * restock date the seller set in Seller Central stay (a `replace` would
 * erase them).
 */
export const patchQuantity = (
  c: AmazonConfig,
  sku: string,
  productType: string,
  quantity: number
) =>
  patch(c, sku, productType, [
    {
      op: 'merge',
      path: '/attributes/fulfillment_availability',
      value: fulfillmentAvailability(quantity),
    },
  ])

/** The offer's price in every configured store (they share one currency). */
export const patchPrice = (
  c: AmazonConfig,
  sku: string,
  productType: string,
  price: { amount: number; currency: string }
) =>
  patch(c, sku, productType, [
    {
      op: 'replace',
      path: '/attributes/purchasable_offer',
      value: purchasableOffer(price, storesOf(c)),
    },
  ])

/** Product facts of a listing that exists: each attribute replaced as a whole. */
export const patchFacts = (
  c: AmazonConfig,
  sku: string,
  productType: string,
  attributes: Attributes
) =>
  patch(
    c,
    sku,
    productType,
    Object.entries(attributes).map(([name, value]) => ({
      op: 'replace',
      path: `/attributes/${name}`,
      value,
    }))
  )

/** A new listing in one store (putListingsItem takes one marketplace id). */
export const putListing = (
  c: AmazonConfig,
  store: AmazonStore,
  sku: string,
  productType: string,
  attributes: Attributes
): SpApiCall => ({
  operation: 'putListingsItem',
  method: 'PUT',
  url: listingUrl(c, sku, {
    marketplaceIds: store.id,
    includedData: 'issues',
    issueLocale: store.language,
  }),
  body: {
    productType,
    requirements: attributes.purchasable_offer
      ? 'LISTING'
      : 'LISTING_PRODUCT_ONLY',
    attributes,
  },
})

export const getListing = (c: AmazonConfig, sku: string): SpApiCall => ({
  operation: 'getListingsItem',
  method: 'GET',
  url: listingUrl(c, sku, {
    marketplaceIds: c.marketplaceIds.join(','),
    includedData: 'summaries,issues',
    issueLocale: issueLocale(c),
  }),
})

const orderUrl = (c: AmazonConfig, orderId: string, rest = '') =>
  `${base(c)}/orders/v0/orders/${encodeURIComponent(orderId)}${rest}`

export const getOrder = (c: AmazonConfig, orderId: string): SpApiCall => ({
  operation: 'getOrder',
  method: 'GET',
  url: orderUrl(c, orderId),
})

export const getOrderItems = (
  c: AmazonConfig,
  orderId: string,
  nextToken: string | null
): SpApiCall => ({
  operation: 'getOrderItems',
  method: 'GET',
  url: orderUrl(
    c,
    orderId,
    `/orderItems${
      nextToken ? `?${new URLSearchParams({ NextToken: nextToken })}` : ''
    }`
  ),
})

export interface ShipmentConfirmation {
  marketplaceId: string
  packageReferenceId: string
  carrierName: string
  trackingNumber: string
  shipDate: string
  orderItems: Array<{ orderItemId: string; quantity: number }>
}

/** confirmShipment with carrier code `Other` and the carrier's name (VTEX does not know Amazon's codes). */
export const confirmShipment = (
  c: AmazonConfig,
  orderId: string,
  s: ShipmentConfirmation
): SpApiCall => ({
  operation: 'confirmShipment',
  method: 'POST',
  url: orderUrl(c, orderId, '/shipmentConfirmation'),
  body: {
    marketplaceId: s.marketplaceId,
    packageDetail: {
      packageReferenceId: s.packageReferenceId,
      carrierCode: 'Other',
      carrierName: s.carrierName,
      trackingNumber: s.trackingNumber,
      shipDate: s.shipDate,
      orderItems: s.orderItems,
    },
  },
})
