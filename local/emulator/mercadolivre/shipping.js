'use strict'

/**
 * User-products stock, orders and shipments as Mercado Livre documents them.
 * - GET /user-products/{id}/stock answers the locations and an `x-version`
 *   header; PUT /user-products/{id}/stock/type/selling_address `{ quantity }`
 *   must send that `x-version` back (409 when it moved); `meli_facility`
 *   (Full) stock is ML's and cannot be written.
 * - GET /orders/{id} (`shipping.id`), GET /orders/{id}/shipments,
 *   GET /shipments/{id} (the `x-format-new: true` format has
 *   `logistic: { mode, type }`; without it, `mode` and `logistic_type`).
 * - ME1 (and custom) shipments: PUT /shipments/{id} `{ tracking_number,
 *   service_id }` first, then POST /shipments/{id}/seller_notifications
 *   `{ payload: { service_id, comment, date }, tracking_number, tracking_url,
 *   status, substatus }`; delivered and not_delivered are final. ML ships ME2
 *   itself: sellers cannot write those shipments.
 */
const {
  checkShape,
  cause,
  mlError,
  validationError,
  notFound,
  forbidden,
  isUrl,
  isoWithZone,
} = require('./http')
const { applyStock } = require('./items')
const { SHIPPING_SERVICES } = require('./seed')

const SUBSTATUS = {
  shipped: [
    null,
    'out_for_delivery',
    'receiver_absent',
    'dangerous_area',
    'bad_address',
    'unauthorized_receiver',
  ],
  delivered: [null],
  not_delivered: ['returning_to_sender'],
}

const FINAL = ['delivered', 'not_delivered', 'cancelled']

function oldFormat(s) {
  const { status_history: history, ...rest } = s

  return { ...rest, status_history: history }
}

function newFormat(s) {
  return {
    id: s.id,
    external_reference: null,
    status: s.status,
    substatus: s.substatus,
    date_created: s.date_created,
    last_updated: s.last_updated,
    logistic: { direction: 'forward', mode: s.mode, type: s.logistic_type },
    source: { site_id: s.site_id, market_place: 'MELI', application_id: null },
    tracking_number: s.tracking_number,
    tracking_method: s.tracking_method,
    service_id: s.service_id,
    order_id: s.order_id,
  }
}

class Shipping {
  constructor(state, clock) {
    this.state = state
    this.clock = clock
  }

  stamp() {
    return new Date(this.clock.now()).toISOString()
  }

  userProduct(id, userId) {
    const up = this.state.userProducts.get(id)

    if (!up) return { error: [404, notFound(`User product ${id} not found`)] }
    if (up.user_id !== userId)
      return {
        error: [403, forbidden('Caller is not the owner of the user product')],
      }

    return { up }
  }

  stock(id, userId) {
    const { up, error } = this.userProduct(id, userId)

    if (error) return error

    return [
      200,
      { locations: up.locations, user_id: up.user_id, id: up.id },
      { 'x-version': String(up.version) },
    ]
  }

  putStock(id, type, userId, version, body) {
    const { up, error } = this.userProduct(id, userId)

    if (error) return error
    if (type === 'meli_facility')
      return [
        400,
        validationError([
          cause(
            'stock.location.not_modifiable',
            'The meli_facility stock is managed by Mercado Livre Full',
            ['type']
          ),
        ]),
      ]
    const location = up.locations.find((l) => l.type === type)

    if (!location)
      return [404, notFound(`The user product ${id} has no ${type} location`)]
    if (!version)
      return [
        400,
        mlError(400, 'The x-version header is required', 'bad_request'),
      ]
    if (version !== String(up.version))
      return [
        409,
        mlError(409, 'Version mismatch: read the stock again', 'conflict'),
      ]
    const shapeError = checkShape(body, { quantity: 'Integer' }, ['quantity'])

    if (shapeError) return [400, shapeError]
    if (body.quantity < 0)
      return [
        400,
        validationError([
          cause('stock.quantity.invalid', 'Quantity must be 0 or more', [
            'quantity',
          ]),
        ]),
      ]
    location.quantity = body.quantity
    up.version++
    for (const item of this.state.items.values()) {
      if (item.user_product_id !== id) continue
      item.available_quantity = up.locations.reduce((n, l) => n + l.quantity, 0)
      applyStock(item)
    }

    return [
      200,
      { locations: up.locations, user_id: up.user_id, id: up.id },
      { 'x-version': String(up.version) },
    ]
  }

  order(id, userId) {
    const order = this.state.orders.get(id)

    if (!order) return { error: [404, notFound(`Order ${id} not found`)] }
    if (order.seller.id !== userId && order.buyer.id !== userId)
      return {
        error: [
          403,
          forbidden('Caller is not the seller or buyer of the order'),
        ],
      }

    return { order }
  }

  getOrder(id, userId) {
    const { order, error } = this.order(id, userId)

    return error || [200, order]
  }

  orderShipment(id, userId) {
    const { order, error } = this.order(id, userId)

    if (error) return error
    const s =
      order.shipping.id && this.state.shipments.get(String(order.shipping.id))

    return s
      ? [200, oldFormat(s)]
      : [404, notFound(`Order ${id} has no shipment`)]
  }

  shipment(id, userId) {
    const s = this.state.shipments.get(id)

    if (!s) return { error: [404, notFound(`Shipment ${id} not found`)] }
    if (s.sender_id !== userId)
      return {
        error: [403, forbidden('Caller is not the sender of the shipment')],
      }

    return { s }
  }

  getShipment(id, userId, formatNew) {
    const { s, error } = this.shipment(id, userId)

    return error || [200, formatNew ? newFormat(s) : oldFormat(s)]
  }

  sellerShips(s) {
    if (s.mode === 'me2')
      return [
        403,
        forbidden(
          'The shipment is handled by Mercado Envios (me2): the seller cannot change it'
        ),
      ]
    if (FINAL.includes(s.status))
      return [
        400,
        validationError([
          cause('shipment.status.final', `The shipment is ${s.status}`, [
            'shipment.status',
          ]),
        ]),
      ]

    return null
  }

  putShipment(id, userId, body) {
    const { s, error } = this.shipment(id, userId)

    if (error) return error
    const refused = this.sellerShips(s)

    if (refused) return refused
    const shapeError = checkShape(
      body,
      { tracking_number: 'String', service_id: 'Integer' },
      ['tracking_number', 'service_id']
    )

    if (shapeError) return [400, shapeError]
    const causes = []

    if (!/^[A-Za-z0-9-]{4,50}$/.test(body.tracking_number))
      causes.push(
        cause('shipment.tracking_number.invalid', 'Invalid tracking number', [
          'tracking_number',
        ])
      )
    if (!SHIPPING_SERVICES[body.service_id])
      causes.push(
        cause(
          'shipment.service_id.invalid',
          `Unknown shipping service ${body.service_id} for site ${s.site_id}`,
          ['service_id']
        )
      )
    if (causes.length) return [400, validationError(causes)]
    s.tracking_number = body.tracking_number
    s.service_id = body.service_id
    s.tracking_method = SHIPPING_SERVICES[body.service_id]
    s.last_updated = this.stamp()

    return [200, oldFormat(s)]
  }

  notify(id, userId, body) {
    const { s, error } = this.shipment(id, userId)

    if (error) return error
    const refused = this.sellerShips(s)

    if (refused) return refused
    const shapeError = checkShape(
      body,
      {
        payload: 'Map',
        tracking_number: 'String',
        tracking_url: 'String',
        status: 'String',
        substatus: 'String|Null',
      },
      ['payload', 'status']
    )

    if (shapeError) return [400, shapeError]
    const payloadError = checkShape(
      body.payload,
      { service_id: 'Integer', comment: 'String', date: 'String' },
      ['date']
    )

    if (payloadError) return [400, payloadError]
    const substatus = body.substatus === 'null' ? null : body.substatus ?? null
    const causes = []

    if (!SUBSTATUS[body.status])
      causes.push(
        cause('shipment.status.invalid', `Invalid status ${body.status}`, [
          'status',
        ])
      )
    else if (!SUBSTATUS[body.status].includes(substatus))
      causes.push(
        cause(
          'shipment.substatus.invalid',
          `Invalid substatus ${substatus} for status ${body.status}`,
          ['substatus']
        )
      )
    if (!isoWithZone(body.payload.date))
      causes.push(
        cause(
          'shipment.payload.date.invalid',
          'payload.date must be an ISO 8601 date with its offset',
          ['payload.date']
        )
      )
    if (!s.tracking_number)
      causes.push(
        cause(
          'shipment.tracking_number.missing',
          'The tracking number must be informed (PUT /shipments/{id}) before the status',
          ['tracking_number']
        )
      )
    else if (body.tracking_number && body.tracking_number !== s.tracking_number)
      causes.push(
        cause(
          'shipment.tracking_number.mismatch',
          'The tracking number differs from the one informed',
          ['tracking_number']
        )
      )
    if (body.tracking_url !== undefined && !isUrl(body.tracking_url))
      causes.push(
        cause('shipment.tracking_url.invalid', 'Invalid tracking_url', [
          'tracking_url',
        ])
      )
    if (causes.length) return [400, validationError(causes)]
    s.status = body.status
    s.substatus = substatus
    s.status_history.push({
      status: body.status,
      substatus,
      date: body.payload.date,
      comment: body.payload.comment || null,
    })
    s.last_updated = this.stamp()

    return [200, { status: 'OK' }]
  }
}

module.exports = { Shipping }
