'use strict'

/**
 * Answers and controls of the local VTEX's channels (data and account in
 * vtexChannels.js). Lives beside VtexData (vtex.js), which owns the SKUs,
 * inventory and orders and hands it the requests and controls it does not
 * answer itself.
 */
const { send } = require('./vbase')
const {
  MARKETPLACE_ORIGINS,
  ORIGIN_CYCLE,
  SITE,
  basePriceOf,
  defaultChannels,
  originFields,
  round2,
} = require('./vtexChannels')

const STATUSES = ['payment-approved', 'ready-for-handling', 'handling']

class VtexChannels {
  /** @param vtex the VtexData whose `data` holds `channels` next to skus, inventory and orders */
  constructor(vtex, { isUserToken = () => false } = {}) {
    this.vtex = vtex
    this.isUserToken = isUserToken
  }

  get c() {
    if (!this.vtex.data.channels) this.vtex.data.channels = defaultChannels()

    return this.vtex.data.channels
  }

  /** Gives seeded orders without an origin one in turn (the store's site every fourth). */
  assignOrigins(orders) {
    Object.keys(orders)
      .sort()
      .forEach((id, i) => {
        if (orders[id].origin) return
        Object.assign(
          orders[id],
          originFields(ORIGIN_CYCLE[i % 4], i, this.vtex.account)
        )
      })
  }

  /** The SKU's trade policies: set by the control, else the account's rule. */
  skuChannels(skuId) {
    const explicit = this.c.skuChannels[skuId]

    if (explicit) return explicit
    const id = Number(skuId)

    return [1, 2, ...(id % 4 !== 3 ? [3] : []), ...(id % 2 === 0 ? [4] : [])]
  }

  skuAnswer(sku) {
    return { ...sku, SalesChannels: this.skuChannels(String(sku.Id)) }
  }

  /** Principal (the legacy balance) plus every other warehouse the SKU has a balance in. */
  balances(skuId, main) {
    const row = (w, b) => ({
      warehouseId: w.id,
      warehouseName: w.name,
      totalQuantity: b.totalQuantity,
      reservedQuantity: b.reservedQuantity || 0,
      hasUnlimitedQuantity: Boolean(b.hasUnlimitedQuantity),
      timeToRefill: null,
      dateOfSupplyUtc: null,
      leadTime: '00:00:00',
    })

    const [principal, ...others] = this.c.warehouses
    const extra = this.c.stock[skuId] || {}

    return [
      row(principal, main),
      ...others.filter((w) => extra[w.id]).map((w) => row(w, extra[w.id])),
    ]
  }

  /** Answers a channel endpoint (true), or false when the path is not one. */
  handle(req, res, { pathname, query }) {
    if (req.method !== 'GET') return false
    const reply = (status, body) => {
      send(res, status, body)

      return true
    }

    // Reads VTEX decides by the user's roles: the app's own token is refused.
    const asUser = (answer) =>
      this.isUserToken(req.headers.vtexidclientautcookie)
        ? answer()
        : reply(403, {
            error: {
              code: 'Forbidden',
              message:
                'This read is decided by the user’s roles: call it with the admin’s own token.',
            },
          })

    if (pathname === '/api/catalog_system/pvt/saleschannel/list')
      return asUser(() => reply(200, this.c.salesChannels))
    if (pathname === '/api/fulfillment/pvt/affiliates')
      return asUser(() => reply(200, this.c.affiliates))
    let m = /^\/api\/fulfillment\/pvt\/affiliates\/([^/]+)$/.exec(pathname)

    if (m) {
      const a = this.c.affiliates.find((x) => x.id === m[1])

      return asUser(() =>
        a ? reply(200, a) : reply(404, { error: `Affiliate ${m[1]} not found` })
      )
    }

    if (pathname === '/api/logistics/pvt/configuration/docks')
      return reply(200, this.c.docks)
    if (pathname === '/api/logistics/pvt/configuration/warehouses')
      return reply(200, this.c.warehouses)
    if (
      pathname ===
      '/api/catalog_system/pvt/sku/stockkeepingunitidsbysaleschannel'
    )
      return this.skuIds(query, reply)
    m = /^\/api\/pricing\/prices\/(\d+)\/computed\/([^/]+)$/.exec(pathname)
    if (m) {
      const price = this.computed(m[1], decodeURIComponent(m[2]))

      return price
        ? reply(200, price)
        : reply(404, {
            error: `No price for SKU ${m[1]} in price table ${m[2]}`,
          })
    }

    return false
  }

  skuIds(query, reply) {
    const sc = Number(query.get('sc'))

    if (!Number.isInteger(sc) || sc < 1)
      return reply(400, { error: 'sc (the sales channel id) is required' })
    const page = Math.max(1, Number(query.get('page')) || 1)
    const size = Math.max(1, Number(query.get('pageSize')) || 50)
    const ids = Object.keys(this.vtex.data.skus)
      .filter((id) => this.skuChannels(id).includes(sc))
      .map(Number)
      .sort((a, b) => a - b)

    return reply(200, ids.slice((page - 1) * size, page * size))
  }

  /** Pricing's computed price: a fixed price of the table, else the base price with the table's markup. */
  computed(skuId, table) {
    if (!this.vtex.data.skus[skuId]) return null
    const markup = this.c.priceTables[table]

    if (markup == null) return null
    const p = this.c.prices[skuId] || {}
    const fixed = (p.fixed || {})[table]
    const base = p.basePrice != null ? p.basePrice : basePriceOf(skuId)
    const sellingPrice = fixed ? fixed.value : round2(base * (1 + markup / 100))

    const listPrice =
      fixed && fixed.listPrice != null
        ? fixed.listPrice
        : Math.ceil(sellingPrice * 1.25)

    return {
      tradePolicyId: table,
      listPrice,
      costPrice: round2(base * 0.55),
      sellingPrice,
      priceValidUntil: new Date(Date.now() + 365 * 86400_000).toISOString(),
      ...(fixed ? { priceTable: table } : {}),
    }
  }

  // ------------------------------------------------------------ controls

  /** Places an order sold on a marketplace (or the store's `site`) and announces its status. */
  sell({ marketplace, skuId, quantity = 1, status = 'payment-approved' }, o) {
    if (marketplace !== SITE && !MARKETPLACE_ORIGINS[marketplace])
      throw new Error(
        `Unknown marketplace ${marketplace}: use ${[
          ...Object.keys(MARKETPLACE_ORIGINS),
          SITE,
        ].join(', ')}`
      )
    if (!STATUSES.includes(status))
      throw new Error(`An order starts as ${STATUSES.join(', ')}`)
    const { skus, orders } = this.vtex.data
    const id = String(skuId || Object.keys(skus).sort()[0])
    const sku = skus[id]

    if (!sku) throw new Error(`Unknown SKU ${id}`)
    if (!Number.isInteger(quantity) || quantity < 1)
      throw new Error('Quantity must be a whole number ≥ 1')
    const n = ++this.c.sequence
    const origin = originFields(marketplace, 1000 + n, this.vtex.account)
    const orderId =
      marketplace === SITE
        ? `${1400000000000 + n * 7919}-01`
        : `${origin.affiliateId}-${origin.marketplaceOrderId}-01`

    const price = this.computed(id, origin.salesChannel)
    const unit = Math.round((price ? price.sellingPrice : 0) * 100)

    orders[orderId] = {
      orderId,
      status,
      ...origin,
      value: unit * quantity,
      creationDate: o.at,
      lastChange: o.at,
      items: [
        {
          id,
          productId: String(sku.ProductId),
          name: sku.NameComplete,
          quantity,
          price: unit,
          seller: '1',
        },
      ],
      clientProfileData: {
        email: `comprador${n}@example.com`,
        firstName: 'Comprador',
        lastName: String(n),
        document: String(20000000000 + n),
        isCorporate: false,
      },
      shippingData: {
        address: {
          receiverName: `Comprador ${n}`,
          street: 'Rua das Flores',
          number: String(n),
          neighborhood: 'Centro',
          city: 'Curitiba',
          state: 'PR',
          postalCode: '80020-310',
        },
      },
      packageAttachment: { packages: [] },
    }
    this.vtex.save()
    if (!o.silent)
      this.vtex.announceOrder(orderId, status, 'order-created', o.at)

    return orders[orderId]
  }

  /** Puts a SKU in or out of a trade policy; leaving one is announced as VTEX does (HasStockKeepingUnitRemovedFromAffiliate). */
  tradePolicy({ skuId, salesChannel, assigned }, o) {
    const id = String(skuId)
    const sc = Number(salesChannel)

    if (!this.vtex.data.skus[id]) throw new Error(`Unknown SKU ${id}`)
    if (!this.c.salesChannels.some((c) => c.Id === sc))
      throw new Error(`Unknown trade policy ${salesChannel}`)
    const now = this.skuChannels(id)
    const next = assigned
      ? [...new Set([...now, sc])].sort((a, b) => a - b)
      : now.filter((c) => c !== sc)

    if (next.length === 0)
      throw new Error(
        'A SKU in no trade policy is sold in all of them: keep it in at least one'
      )
    this.c.skuChannels[id] = next
    this.vtex.save()
    if (!o.silent && next.length !== now.length)
      this.vtex.broadcast({
        IdSku: id,
        ProductId: this.vtex.data.skus[id].ProductId,
        DateModified: o.at,
        ...(assigned
          ? { HasStockKeepingUnitModified: true }
          : { HasStockKeepingUnitRemovedFromAffiliate: true }),
      })

    return { skuId: id, SalesChannels: next }
  }

  /** Sets a SKU's balance in one warehouse (Principal is the `stock` control's) and broadcasts StockModified. */
  warehouseStock(
    { skuId, warehouseId, quantity, reserved = 0, unlimited = false },
    o
  ) {
    const id = String(skuId)

    if (!this.vtex.data.skus[id]) throw new Error(`Unknown SKU ${id}`)
    if (!this.c.warehouses.some((w) => w.id === warehouseId))
      throw new Error(`Unknown warehouse ${warehouseId}`)
    for (const [k, v] of Object.entries({ quantity, reserved }))
      if (!Number.isInteger(v) || v < 0)
        throw new Error(`${k} must be a whole number ≥ 0`)
    const balance = {
      totalQuantity: quantity,
      reservedQuantity: reserved,
      hasUnlimitedQuantity: Boolean(unlimited),
    }

    if (warehouseId === this.c.warehouses[0].id)
      this.vtex.data.inventory[id] = balance
    else
      this.c.stock[id] = { ...(this.c.stock[id] || {}), [warehouseId]: balance }
    this.vtex.save()
    if (!o.silent)
      this.vtex.broadcast({
        IdSku: id,
        ProductId: this.vtex.data.skus[id].ProductId,
        StockModified: true,
        DateModified: o.at,
      })

    return { skuId: id, warehouseId, ...balance }
  }

  /** Sets a SKU's price in one price table (or its base price) and broadcasts PriceModified. */
  price({ skuId, priceTable, price, listPrice }, o) {
    const id = String(skuId)

    if (!this.vtex.data.skus[id]) throw new Error(`Unknown SKU ${id}`)
    if (!(typeof price === 'number' && price > 0))
      throw new Error('price must be a number > 0')
    if (listPrice != null && !Number.isInteger(listPrice))
      throw new Error('listPrice is a whole number (Pricing types it int32)')
    const base = priceTable == null || priceTable === ''

    if (!base && this.c.priceTables[priceTable] == null)
      throw new Error(`Unknown price table ${priceTable}`)
    const p = this.c.prices[id] || {}

    this.c.prices[id] = p
    if (base) p.basePrice = round2(price)
    else {
      p.fixed = {
        ...(p.fixed || {}),
        [priceTable]: { value: round2(price), listPrice: listPrice ?? null },
      }
    }

    this.vtex.save()
    if (!o.silent)
      this.vtex.broadcast({
        IdSku: id,
        ProductId: this.vtex.data.skus[id].ProductId,
        PriceModified: true,
        DateModified: o.at,
      })

    return Object.fromEntries(
      Object.keys(this.c.priceTables).map((t) => [t, this.computed(id, t)])
    )
  }

  /** What the console shows: the account's channels. */
  summary() {
    return {
      salesChannels: this.c.salesChannels.map((c) => ({
        id: c.Id,
        name: c.Name,
      })),
      affiliates: this.c.affiliates.map((a) => ({
        id: a.id,
        name: a.name,
        salesChannel: a.salesChannel,
      })),
      docks: this.c.docks.map((d) => ({
        id: d.id,
        name: d.name,
        salesChannels: d.salesChannels,
      })),
      warehouses: this.c.warehouses.map((w) => ({
        id: w.id,
        name: w.name,
        docks: w.warehouseDocks.map((d) => d.dockId),
      })),
      marketplaces: [...Object.keys(MARKETPLACE_ORIGINS), SITE],
    }
  }
}

module.exports = { VtexChannels }
