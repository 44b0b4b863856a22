/**
 * VTEX's channel model as its OpenAPI files describe the answers
 * (shared/vtex-openapi; only the fields the bridge reads, optional where the
 * schema does not require them):
 *
 *   Catalog   GET /api/catalog_system/pvt/saleschannel/list            SalesChannel[]
 *             GET /api/catalog_system/pvt/sku/stockkeepingunitidsbysaleschannel?sc=  number[]
 *             GET /api/catalog_system/pvt/sku/stockkeepingunitbyid/{id} CatalogSku.SalesChannels
 *   Marketplace GET /api/fulfillment/pvt/affiliates                    Affiliate[]
 *   Logistics GET /api/logistics/pvt/configuration/docks               Dock[]
 *             GET /api/logistics/pvt/configuration/warehouses          Warehouse[]
 *             GET /api/logistics/pvt/inventory/skus/{skuId}            InventoryBalance (node/domain/vtex.ts)
 *   Pricing   GET /api/pricing/prices/{itemId}/computed/{priceTableId} ComputedPrice
 *   OMS       GET /api/oms/pvt/orders/{orderId}                        OrderOrigin fields
 */

/** A trade policy (sales channel). catalog-api.json `SalesChannelList`. */
export interface SalesChannel {
  Id: number
  Name: string
  IsActive: boolean
  /** ISO 4217 (`BRL`): the currency of every price in this trade policy. */
  CurrencyCode: string
  CurrencySymbol?: string
  CountryCode?: string
  CultureInfo?: string
  TimeZone?: string
  ProductClusterId?: number | null
  CurrencyDecimalDigits?: number | null
}

/**
 * An affiliate: how a marketplace is connected to the store. "Every
 * marketplace must correspond to a unique affiliate code for the seller"
 * (marketplace-apis.json). `salesChannel` is the trade policy that defines
 * the assortment, prices and shipping the marketplace gets.
 */
export interface Affiliate {
  /** Three letters, no vowels (`MLB`). */
  id: string
  name: string
  salesChannel: string
  followUpEmail?: string
  useSellerPaymentMethod?: boolean
  searchURIEndpoint?: string | null
  searchURIEndpointVersion?: string
  searchURIEndpointAvailableVersions?: string[]
  minimumValueAccumulated?: number | null
}

/** A loading dock. logistics-api.json `docks` (only the channel fields). */
export interface Dock {
  id: string
  name: string
  /** Trade policies the dock serves. */
  salesChannels: string[]
  /** The dock's main trade policy (also served). */
  salesChannel?: string | null
  isActive?: boolean
  priority?: number
  freightTableIds?: string[]
  wmsEndPoint?: string | null
}

/** A warehouse and the docks it ships through. logistics-api.json `warehouses`. */
export interface Warehouse {
  id: string
  name: string
  warehouseDocks: Array<{ dockId: string; time?: string; cost?: number }>
  pickupPointIds?: string[]
  priority?: number
  isActive?: boolean
}

/**
 * A SKU's computed price in one price table or trade policy (pricing-api.json
 * `GET /pricing/prices/{itemId}/computed/{priceTableId}`, reached through
 * Janus as `/api/pricing/…`). Amounts in currency units, not cents; the
 * schema types `listPrice` as an integer.
 */
export interface ComputedPrice {
  tradePolicyId: string
  listPrice: number
  sellingPrice: number
  priceValidUntil: string
  costPrice?: number
  priceTable?: string
}

/** `origin` of an OMS order: where it sits in VTEX's order flows. */
export type OrderFlowOrigin = 'Marketplace' | 'Fulfillment' | 'Chain'

/**
 * Where an OMS order came from (orders-api.json `GET /api/oms/pvt/orders/{orderId}`):
 *   origin              Marketplace = closed in this account's own checkout
 *                       (its site, telesales…); Fulfillment = placed by a
 *                       marketplace for this account to fulfil (seller flow);
 *                       Chain = this account is the intermediary (multilevel).
 *   affiliateId         the affiliate code the store configured for that
 *                       marketplace ("" on its own checkout)
 *   salesChannel        the trade policy of the order
 *   marketplaceOrderId  the marketplace's own id of the order
 *   marketplace         { name, baseURL, isCertified } of the marketplace (null on the own site)
 *   marketplaceServicesEndpoint  where the marketplace takes post-purchase calls
 */
export interface OrderOrigin {
  orderId: string
  origin?: OrderFlowOrigin | string | null
  affiliateId?: string | null
  salesChannel?: string | null
  marketplaceOrderId?: string | null
  marketplaceServicesEndpoint?: string | null
  marketplace?: {
    name?: string | null
    baseURL?: string | null
    isCertified?: boolean | null
  } | null
}

/** The SKU's trade policies in the catalog answer (`SalesChannels`, integers). */
export interface SkuChannels {
  SalesChannels?: number[] | null
}
