'use strict'

/**
 * Sellers' orders as the Orders API v0 shows them: getOrder, getOrderItems
 * (paged with NextToken) and confirmShipment, which ships the items it
 * names (never more than ordered) and moves the order to PartiallyShipped
 * or Shipped.
 */
const iso = (ms) => new Date(ms).toISOString()

class Orders {
  constructor(clock) {
    this.clock = clock
    this.orders = new Map() // AmazonOrderId -> order
    this.pageSize = 100
  }

  add({ orderId, sellerId, marketplaceId, items, status = 'Unshipped' }) {
    const at = iso(this.clock.now())

    this.orders.set(orderId, {
      orderId,
      sellerId,
      marketplaceId,
      status,
      purchaseDate: at,
      lastUpdateDate: at,
      items: items.map((i, n) => ({
        OrderItemId:
          i.orderItemId || `${orderId.replace(/\D/g, '').slice(-10)}${n}`,
        ASIN: i.asin || 'B000000000',
        SellerSKU: i.sku,
        Title: i.title || `Item ${i.sku}`,
        QuantityOrdered: i.quantity || 1,
        QuantityShipped: 0,
      })),
      shipments: [],
    })

    return this.orders.get(orderId)
  }

  /** The seller's order, or null (another seller's order is not found, as Amazon answers). */
  find(sellerId, orderId) {
    const o = this.orders.get(orderId)

    return o && o.sellerId === sellerId ? o : null
  }

  view(o) {
    const unshipped = o.items.reduce(
      (n, i) => n + i.QuantityOrdered - i.QuantityShipped,
      0
    )

    return {
      AmazonOrderId: o.orderId,
      PurchaseDate: o.purchaseDate,
      LastUpdateDate: o.lastUpdateDate,
      OrderStatus: o.status,
      FulfillmentChannel: 'MFN',
      MarketplaceId: o.marketplaceId,
      NumberOfItemsShipped: o.items.reduce((n, i) => n + i.QuantityShipped, 0),
      NumberOfItemsUnshipped: unshipped,
    }
  }

  itemsPage(o, nextToken) {
    const start = nextToken ? Number(nextToken) : 0
    const page = o.items.slice(start, start + this.pageSize)
    const next =
      start + this.pageSize < o.items.length
        ? String(start + this.pageSize)
        : null

    return {
      AmazonOrderId: o.orderId,
      OrderItems: page.map((i) => ({ ...i })),
      ...(next ? { NextToken: next } : {}),
    }
  }

  /** Ships what the confirmation names; an error message when Amazon would refuse it. */
  confirm(o, body) {
    if (o.status === 'Canceled') return `Order ${o.orderId} is canceled`
    if (body.marketplaceId !== o.marketplaceId)
      return `Order ${o.orderId} was not placed in marketplace ${body.marketplaceId}`
    const { packageDetail } = body

    if (packageDetail.carrierCode === 'Other' && !packageDetail.carrierName)
      return 'carrierName is required when carrierCode is Other'
    if (!/^[1-9]\d*$/.test(packageDetail.packageReferenceId))
      return 'packageReferenceId must be a positive number'
    for (const line of packageDetail.orderItems) {
      const item = o.items.find((i) => i.OrderItemId === line.orderItemId)

      if (!item)
        return `Order item ${line.orderItemId} is not in order ${o.orderId}`
      if (
        line.quantity < 1 ||
        line.quantity > item.QuantityOrdered - item.QuantityShipped
      )
        return `Quantity ${line.quantity} of order item ${line.orderItemId} exceeds what is left to ship`
    }

    for (const line of packageDetail.orderItems)
      o.items.find((i) => i.OrderItemId === line.orderItemId).QuantityShipped +=
        line.quantity
    o.shipments.push({ ...packageDetail, at: iso(this.clock.now()) })
    o.status = o.items.every((i) => i.QuantityShipped >= i.QuantityOrdered)
      ? 'Shipped'
      : 'PartiallyShipped'
    o.lastUpdateDate = iso(this.clock.now())

    return null
  }
}

module.exports = { Orders }
