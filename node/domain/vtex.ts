/**
 * The parts of VTEX's API answers the bridge reads (shared/vtex-openapi):
 * Catalog GET /api/catalog_system/pvt/sku/stockkeepingunitbyid/{skuId},
 * Logistics GET /api/logistics/pvt/inventory/skus/{skuId},
 * OMS GET /api/oms/pvt/orders/{orderId}.
 */
export interface CatalogSku {
  Id: number
  ProductId: number
  NameComplete?: string
  ProductName?: string
  SkuName?: string
  IsActive?: boolean
  BrandName?: string
  ProductRefId?: string
  ImageUrl?: string
  AlternateIds?: { Ean?: string | null; RefId?: string | null }
  /** The product's category path, department first (`/3/15/`): the last id is its category. */
  ProductCategoryIds?: string
  /** The trade policies the SKU is sold in (none: all of them). */
  SalesChannels?: number[] | null
}

export interface InventoryBalance {
  skuId: string
  balance: Array<{
    warehouseId: string
    warehouseName?: string
    totalQuantity: number
    reservedQuantity: number
    hasUnlimitedQuantity?: boolean
  }>
}

export interface OmsPackage {
  type?: string
  invoiceNumber?: string
  invoiceKey?: string | null
  invoiceValue?: number
  invoiceUrl?: string | null
  issuanceDate?: string
  trackingNumber?: string | null
  trackingUrl?: string | null
  courier?: string | null
}

export interface OmsAddress {
  receiverName?: string | null
  postalCode?: string | null
  city?: string | null
  state?: string | null
  street?: string | null
  number?: string | null
  neighborhood?: string | null
  complement?: string | null
}

export interface OmsOrder {
  orderId: string
  status: string
  /** The marketplace's own id of the order, when a marketplace placed it. */
  marketplaceOrderId?: string | null
  lastChange?: string
  packageAttachment?: { packages?: OmsPackage[] } | null
  clientProfileData?: {
    email?: string | null
    firstName?: string | null
    lastName?: string | null
    document?: string | null
    isCorporate?: boolean | null
    corporateName?: string | null
    corporateDocument?: string | null
  } | null
  shippingData?: { address?: OmsAddress | null } | null
}

/** vtex.broadcaster's catalog notification (event broadcaster.notification). */
export interface BroadcasterNotification {
  IdSku: string | number
  ProductId?: string | number
  An?: string
  DateModified?: string
  IsActive?: boolean
  StockModified?: boolean
  PriceModified?: boolean
  HasStockKeepingUnitModified?: boolean
  HasStockKeepingUnitRemovedFromAffiliate?: boolean
}

/** vtex.orders-broadcast's status change (event order-status-updated). */
export interface OrderStatusEvent {
  orderId: string
  currentState: string
  lastState?: string
  currentChangeDate?: string
  domain?: string
}

/**
 * The order's invoice, the one rule for it (tracking updates, carrier watch,
 * VTEX Tracking): its latest package of type Output that has an invoice
 * number; null when none. In OMS's Orders API every package is an invoice
 * (`type` Output: the sale's invoice; Input: a return's), identified by its
 * `invoiceNumber` — the key of OMS's invoice routes — so an Input package is
 * never the sale's, and a package without a number cannot be told to anyone.
 */
export function invoicedPackage(order: OmsOrder): OmsPackage | null {
  const packages = (order.packageAttachment?.packages ?? []).filter(
    (p) => (p.type ?? 'Output') === 'Output' && p.invoiceNumber
  )

  return packages[packages.length - 1] ?? null
}
