'use strict'

/**
 * The VTEX Core Commerce APIs the bridge reads, as documented in
 * shared/vtex-openapi (shapes trimmed to what a store has):
 *   GET /api/catalog_system/pvt/sku/stockkeepingunitbyid/{skuId}
 *   GET /api/catalog_system/pvt/sku/stockkeepingunitidbyrefid/{refId}    (the SKU id, a JSON string)
 *   GET /api/catalog_system/pvt/sku/stockkeepingunitbyean/{ean}          (the SKU, GetSKUAltID)
 *   GET /api/logistics/pvt/inventory/skus/{skuId}
 *   GET /api/oms/pvt/orders/{orderId}
 *   PATCH /api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}           (tracking number, URL, courier)
 *   PUT /api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}/tracking    (Update order tracking status)
 * The two writes validate their bodies as orders-api.json documents them.
 * Changes made through change*() are persisted and announced the way VTEX
 * does: a vtex.broadcaster notification, or a vtex.orders-broadcast event.
 * The store's channels (trade policies, affiliates, docks, warehouses,
 * prices, where each order was sold) are vtexChannels.js / vtexChannelApi.js.
 */
const fs = require('fs')
const path = require('path')

const { send } = require('./vbase')
const { VtexChannels } = require('./vtexChannelApi')
const { defaultChannels } = require('./vtexChannels')

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
  constructor(
    dataDir,
    { account, publish, onInvoiced = () => undefined, isUserToken }
  ) {
    this.file = path.join(dataDir, 'vtex.json')
    this.account = account
    this.publish = publish
    this.onInvoiced = onInvoiced
    this.data = fs.existsSync(this.file)
      ? JSON.parse(fs.readFileSync(this.file, 'utf8'))
      : { skus: {}, inventory: {}, orders: {} }
    this.channels = new VtexChannels(this, { isUserToken })
    this.channels.assignOrigins(this.data.orders)
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

  load({ skus = {}, inventory = {}, orders = {}, channels }) {
    this.data = {
      skus,
      inventory,
      orders,
      channels: channels || defaultChannels(),
    }
    this.channels.assignOrigins(orders)
    this.save()
  }

  async handle(req, res, { pathname, query, body }) {
    this.reads++
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs))
    if (!req.headers.vtexidclientautcookie)
      return send(res, 401, { error: 'Missing VtexIdclientAutCookie' })
    if (this.channels.handle(req, res, { pathname, query })) return
    let m =
      /^\/api\/catalog_system\/pvt\/sku\/stockkeepingunitbyid\/(\d+)$/.exec(
        pathname
      )

    if (m) {
      const sku = this.data.skus[m[1]]

      return this.answer(
        res,
        sku && this.channels.skuAnswer(sku),
        `SKU ${m[1]} not found`
      )
    }

    m =
      /^\/api\/catalog_system\/pvt\/sku\/stockkeepingunit(idbyrefid|byean)\/([^/]+)$/.exec(
        pathname
      )
    if (m) {
      const value = decodeURIComponent(m[2])
      const field = m[1] === 'byean' ? 'Ean' : 'RefId'
      const sku = Object.values(this.data.skus).find(
        (s) => (s.AlternateIds || {})[field] === value
      )

      if (!sku)
        return send(res, 404, {
          error: { message: `Sku not found (${field} ${value})` },
        })

      return send(
        res,
        200,
        field === 'RefId' ? String(sku.Id) : this.channels.skuAnswer(sku)
      )
    }

    m = /^\/api\/logistics\/pvt\/inventory\/skus\/(\d+)$/.exec(pathname)
    if (m) {
      const inv = this.data.inventory[m[1]]

      if (!inv)
        return send(res, 404, {
          error: { code: '1', message: `SKU ${m[1]} has no inventory` },
        })

      return send(res, 200, {
        skuId: m[1],
        balance: this.channels.balances(m[1], inv),
      })
    }

    m =
      /^\/api\/oms\/pvt\/orders\/([A-Za-z0-9-]+)\/invoice\/([^/]+)(\/tracking)?$/.exec(
        pathname
      )
    if (m && (req.method === 'PATCH' || req.method === 'PUT')) {
      return this.writeTracking(req, res, {
        orderId: m[1],
        invoiceNumber: decodeURIComponent(m[2]),
        tracking: Boolean(m[3]),
        body,
      })
    }

    m = /^\/api\/oms\/pvt\/orders\/([A-Za-z0-9-]+)$/.exec(pathname)
    if (m)
      return this.answer(res, this.data.orders[m[1]], `Order ${m[1]} not found`)

    return send(res, 404, { error: `No VTEX route ${pathname}` })
  }

  /** The two tracking writes, validated against orders-api.json. */
  writeTracking(req, res, { orderId, invoiceNumber, tracking, body }) {
    const order = this.data.orders[orderId]

    if (!order)
      return send(res, 404, {
        error: { message: `Order ${orderId} not found` },
      })
    const pkg = (order.packageAttachment?.packages || []).find(
      (p) => p.invoiceNumber === invoiceNumber
    )

    if (!pkg)
      return send(res, 404, {
        error: { message: `Invoice ${invoiceNumber} not found in ${orderId}` },
      })
    let json

    try {
      json = JSON.parse(body.toString('utf8'))
    } catch {
      return send(res, 400, { error: { message: 'Invalid JSON' } })
    }

    const problems = []
    const str = (v) => typeof v === 'string'
    const strOrNull = (v) => v === null || typeof v === 'string'

    if (!tracking) {
      if (req.method !== 'PATCH')
        return send(res, 405, { error: { message: 'Use PATCH' } })
      // Updatepartialinvoice.SendTrackingNumber.Request
      if (!str(json.trackingNumber) || !json.trackingNumber)
        problems.push('trackingNumber is required')
      for (const k of ['trackingUrl', 'dispatchedDate', 'courier'])
        if (!(k in json) || !strOrNull(json[k]))
          problems.push(`${k} is required (string or null)`)
      if (problems.length)
        return send(res, 400, { error: { message: problems.join('; ') } })
      Object.assign(pkg, {
        trackingNumber: json.trackingNumber,
        trackingUrl: json.trackingUrl,
        courier: json.courier,
        dispatchedDate: json.dispatchedDate,
      })
    } else {
      if (req.method !== 'PUT')
        return send(res, 405, { error: { message: 'Use PUT' } })
      // "sends a tracking event to an order that already has a tracking number registered to its invoice"
      if (!pkg.trackingNumber)
        problems.push(
          'the invoice has no tracking number: PATCH the invoice first'
        )
      if (typeof json.isDelivered !== 'boolean')
        problems.push('isDelivered is required (boolean)')
      if (!('deliveredDate' in json) || !strOrNull(json.deliveredDate))
        problems.push('deliveredDate is required (yyyy-mm-dd hh:mm or null)')
      else if (
        json.deliveredDate !== null &&
        !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(json.deliveredDate)
      )
        problems.push('deliveredDate must be yyyy-mm-dd hh:mm')
      if (!Array.isArray(json.events))
        problems.push('events is required (array)')
      else
        json.events.forEach((e, i) => {
          for (const k of ['city', 'state', 'description', 'date'])
            if (!e || !str(e[k])) problems.push(`events[${i}].${k} is required`)
        })
      if (problems.length)
        return send(res, 400, { error: { message: problems.join('; ') } })
      pkg.courierStatus = {
        finished: json.isDelivered,
        deliveredDate: json.deliveredDate,
        data: json.events,
      }
    }

    this.save()

    return send(res, 200, {
      date: new Date().toISOString(),
      orderId,
      receipt: Math.random().toString(16).slice(2),
    })
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
      this.onInvoiced(order.packageAttachment.packages[0])
    }

    this.save()
    if (!silent) this.announceOrder(orderId, status, lastState, at)

    return order
  }

  /** vtex.orders-broadcast's status change. */
  announceOrder(orderId, status, lastState, at) {
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

  /** The channel controls (vtexChannelApi.js): an order sold on X, a SKU in/out of a trade policy, one warehouse's stock, a price. */
  sell(change, o) {
    return this.channels.sell(change, o)
  }

  changeTradePolicy(change, o) {
    return this.channels.tradePolicy(change, o)
  }

  changeWarehouseStock(change, o) {
    return this.channels.warehouseStock(change, o)
  }

  changePrice(change, o) {
    return this.channels.price(change, o)
  }

  broadcast(notification) {
    this.publish({
      sender: 'vtex.broadcaster',
      key: 'broadcaster.notification',
      topic: 'broadcaster.notification',
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
