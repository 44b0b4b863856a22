'use strict'

/**
 * The VTEX Core Commerce APIs the bridge reads, as documented in
 * shared/vtex-openapi (shapes trimmed to what a store has):
 *   GET /api/catalog_system/pvt/sku/stockkeepingunitbyid/{skuId}
 *   GET /api/logistics/pvt/inventory/skus/{skuId}
 *   GET /api/oms/pvt/orders/{orderId}
 * Changes made through change*() are persisted and announced the way VTEX
 * does: a vtex.broadcaster notification, or a vtex.orders-broadcast event.
 */
const fs = require('fs')
const path = require('path')

const { send } = require('./vbase')

const ORDER_STATUSES = [
  'order-created',
  'payment-pending',
  'payment-approved',
  'ready-for-handling',
  'handling',
  'invoiced',
  'canceled',
]

class VtexData {
  constructor(dataDir, { account, publish }) {
    this.file = path.join(dataDir, 'vtex.json')
    this.account = account
    this.publish = publish
    this.data = fs.existsSync(this.file)
      ? JSON.parse(fs.readFileSync(this.file, 'utf8'))
      : { skus: {}, inventory: {}, orders: {} }
    this.reads = 0
    this.latencyMs = 0
  }

  /** Written to disk shortly after a burst of changes (and on close), not once per change. */
  save() {
    if (this.saveTimer) return
    this.saveTimer = setTimeout(() => this.flush(), 50)
  }

  flush() {
    clearTimeout(this.saveTimer)
    this.saveTimer = null
    const tmp = `${this.file}.${process.pid}.tmp`

    fs.writeFileSync(tmp, JSON.stringify(this.data))
    fs.renameSync(tmp, this.file)
  }

  load({ skus = {}, inventory = {}, orders = {} }) {
    this.data = { skus, inventory, orders }
    this.save()
  }

  async handle(req, res, { pathname }) {
    this.reads++
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs))
    if (!req.headers.vtexidclientautcookie)
      return send(res, 401, { error: 'Missing VtexIdclientAutCookie' })
    let m =
      /^\/api\/catalog_system\/pvt\/sku\/stockkeepingunitbyid\/(\d+)$/.exec(
        pathname
      )

    if (m)
      return this.answer(res, this.data.skus[m[1]], `SKU ${m[1]} not found`)
    m = /^\/api\/logistics\/pvt\/inventory\/skus\/(\d+)$/.exec(pathname)
    if (m) {
      const inv = this.data.inventory[m[1]]

      if (!inv)
        return send(res, 404, {
          error: { code: '1', message: `SKU ${m[1]} has no inventory` },
        })

      return send(res, 200, {
        skuId: m[1],
        balance: [
          {
            warehouseId: '1_1',
            warehouseName: 'Principal',
            totalQuantity: inv.totalQuantity,
            reservedQuantity: inv.reservedQuantity || 0,
            hasUnlimitedQuantity: false,
          },
        ],
      })
    }

    m = /^\/api\/oms\/pvt\/orders\/([A-Za-z0-9-]+)$/.exec(pathname)
    if (m)
      return this.answer(res, this.data.orders[m[1]], `Order ${m[1]} not found`)

    return send(res, 404, { error: `No VTEX route ${pathname}` })
  }

  answer(res, value, missing) {
    return value
      ? send(res, 200, value)
      : send(res, 404, { error: { message: missing } })
  }

  /** Sets a SKU's stock and broadcasts a stock-only notification. */
  changeStock(
    { skuId, quantity },
    { silent = false, at = new Date().toISOString() } = {}
  ) {
    const id = String(skuId)

    if (!this.data.skus[id]) throw new Error(`Unknown SKU ${id}`)
    if (!Number.isInteger(quantity) || quantity < 0)
      throw new Error(`Quantity must be a whole number ≥ 0`)
    this.data.inventory[id] = { totalQuantity: quantity, reservedQuantity: 0 }
    this.save()
    if (!silent)
      this.broadcast({
        IdSku: id,
        ProductId: this.data.skus[id].ProductId,
        StockModified: true,
        DateModified: at,
      })

    return { skuId: id, quantity }
  }

  /** Edits a SKU (name, EAN) and broadcasts a product change. */
  changeProduct(
    { skuId, name, ean },
    { silent = false, at = new Date().toISOString() } = {}
  ) {
    const id = String(skuId)
    const sku = this.data.skus[id]

    if (!sku) throw new Error(`Unknown SKU ${id}`)
    if (name != null) sku.NameComplete = name
    if (ean != null)
      sku.AlternateIds = { ...(sku.AlternateIds || {}), Ean: ean }
    this.save()
    if (!silent)
      this.broadcast({
        IdSku: id,
        ProductId: sku.ProductId,
        HasStockKeepingUnitModified: true,
        DateModified: at,
      })

    return sku
  }

  /** Moves an order to a status (invoicing adds the package) and announces it. */
  changeOrder(
    { orderId, status, invoice },
    { silent = false, at = new Date().toISOString() } = {}
  ) {
    const order = this.data.orders[orderId]

    if (!order) throw new Error(`Unknown order ${orderId}`)
    if (!ORDER_STATUSES.includes(status))
      throw new Error(`Unknown status ${status}`)
    const lastState = order.status

    order.status = status
    order.lastChange = at
    if (status === 'invoiced' && invoice) {
      order.packageAttachment = {
        packages: [
          {
            type: 'Output',
            issuanceDate: at,
            invoiceValue: order.value || 0,
            ...invoice,
          },
        ],
      }
    }

    this.save()
    if (!silent) {
      this.publish({
        sender: 'vtex.orders-broadcast',
        key: 'order-status-updated',
        topic: status,
        body: {
          domain: 'Fulfillment',
          orderId,
          currentState: status,
          lastState,
          currentChangeDate: at,
        },
      })
    }

    return order
  }

  broadcast(notification) {
    this.publish({
      sender: 'vtex.broadcaster',
      key: 'broadcaster.notification',
      body: {
        An: this.account,
        IsActive: true,
        StockModified: false,
        PriceModified: false,
        HasStockKeepingUnitModified: false,
        HasStockKeepingUnitRemovedFromAffiliate: false,
        ...notification,
      },
    })
  }
}

module.exports = { VtexData, ORDER_STATUSES }
