'use strict'

/**
 * Items as Mercado Livre documents them: GET/PUT /items/{id} (title, price,
 * available_quantity, pictures, status), PUT /items/{id}/variations/{id},
 * POST /items (listing creation: category, listing type, condition, currency
 * and the category's required attributes), POST /items/{id}/description,
 * GET /users/{id}/items/search?seller_sku=. Stock at 0 pauses an item
 * (`sub_status: out_of_stock`) and stock back resumes it; a pause or review
 * by ML cannot be lifted by the seller; a closed item cannot be modified; the
 * title of an item with sales cannot change.
 */
const {
  checkShape,
  cause,
  validationError,
  notFound,
  forbidden,
  isUrl,
} = require('./http')
const { picture, CATEGORIES, LISTING_TYPES } = require('./seed')

const ITEM_UPDATE = {
  title: 'String',
  price: 'Number',
  available_quantity: 'Integer',
  pictures: 'JSONArray',
  status: 'String',
}

const ITEM_CREATE = {
  title: 'String',
  category_id: 'String',
  price: 'Number',
  currency_id: 'String',
  available_quantity: 'Integer',
  buying_mode: 'String',
  listing_type_id: 'String',
  condition: 'String',
  pictures: 'JSONArray',
  attributes: 'JSONArray',
  description: 'Map',
  shipping: 'Map',
}

const VARIATION_UPDATE = {
  available_quantity: 'Integer',
  price: 'Number',
  picture_ids: 'JSONArray',
}

const pausedByMl = (item) =>
  item.status === 'under_review' ||
  (item.status === 'paused' &&
    item.sub_status.some((s) => s !== 'out_of_stock'))

function pictureCauses(pictures) {
  return pictures.every(
    (p) =>
      p &&
      typeof p === 'object' &&
      (isUrl(p.source) || (typeof p.id === 'string' && p.id))
  )
    ? []
    : [
        cause(
          'item.pictures.invalid',
          'Each picture must be { source: URL } or { id }',
          ['item.pictures']
        ),
      ]
}

/** Stock moved: ML pauses at 0 and resumes a stock pause when stock is back. */
function applyStock(item) {
  if (item.available_quantity === 0 && item.status === 'active') {
    item.status = 'paused'
    item.sub_status = ['out_of_stock']
  } else if (
    item.available_quantity > 0 &&
    item.status === 'paused' &&
    item.sub_status.length === 1 &&
    item.sub_status[0] === 'out_of_stock'
  ) {
    item.status = 'active'
    item.sub_status = []
  }
}

class Items {
  constructor(state, clock) {
    this.state = state
    this.clock = clock
    this.nextId = 1000000100
  }

  own(itemId, userId) {
    const item = this.state.items.get(itemId)

    if (!item)
      return { error: [404, notFound(`Item with id ${itemId} not found`)] }
    if (item.seller_id !== userId)
      return {
        error: [403, forbidden('Caller is not the owner of the item')],
      }

    return { item }
  }

  get(itemId, userId) {
    const { item, error } = this.own(itemId, userId)

    return error || [200, item]
  }

  update(itemId, userId, body) {
    const { item, error } = this.own(itemId, userId)

    if (error) return error
    const shapeError = checkShape(body, ITEM_UPDATE)

    if (shapeError) return [400, shapeError]
    const causes = []
    const has = (k) => body[k] !== undefined

    if (item.status === 'closed')
      causes.push(
        cause(
          'item.status.not_modifiable',
          'The item is closed and cannot be modified',
          ['item.status']
        )
      )
    if (has('title') && item.sold_quantity > 0 && body.title !== item.title)
      causes.push(
        cause(
          'item.title.not_modifiable',
          'The title of an item with sales cannot be modified',
          ['item.title']
        )
      )
    if (has('title') && (body.title.trim() === '' || body.title.length > 60))
      causes.push(
        cause(
          'item.title.length.invalid',
          'Title must have 1 to 60 characters',
          ['item.title']
        )
      )
    if (has('price') && body.price <= 0)
      causes.push(
        cause('item.price.invalid', 'Price must be greater than 0', [
          'item.price',
        ])
      )
    if (has('available_quantity') && body.available_quantity < 0)
      causes.push(
        cause('item.available_quantity.invalid', 'Quantity must be 0 or more', [
          'item.available_quantity',
        ])
      )
    if (has('available_quantity') && item.variations.length)
      causes.push(
        cause(
          'item.available_quantity.not_modifiable',
          'The available_quantity of an item with variations is set on its variations',
          ['item.available_quantity']
        )
      )
    if (has('available_quantity') && item.user_product_id)
      causes.push(
        cause(
          'item.available_quantity.not_modifiable',
          `The stock of this item is managed in /user-products/${item.user_product_id}/stock`,
          ['item.available_quantity']
        )
      )
    if (has('pictures')) causes.push(...pictureCauses(body.pictures))
    if (has('status') && !['active', 'paused', 'closed'].includes(body.status))
      causes.push(
        cause('item.status.invalid', `Invalid status ${body.status}`, [
          'item.status',
        ])
      )
    if (body.status === 'active' && pausedByMl(item))
      causes.push(
        cause(
          'item.status.not_modifiable',
          `The item is ${item.status} by Mercado Livre (${item.sub_status.join(
            ', '
          )}) and cannot be activated by the seller`,
          ['item.status']
        )
      )
    if (causes.length) return [400, validationError(causes)]

    if (has('title')) item.title = body.title
    if (has('price')) {
      item.price = body.price
      item.base_price = body.price
    }

    if (has('pictures'))
      item.pictures = body.pictures.map((p, i) =>
        p.id ? { ...picture(i), id: p.id } : picture(`${item.id.slice(-3)}${i}`)
      )
    if (has('available_quantity')) {
      item.available_quantity = body.available_quantity
      applyStock(item)
    }

    if (body.status === 'paused') {
      item.status = 'paused'
      item.sub_status = []
    } else if (body.status === 'active') {
      item.status = 'active'
      item.sub_status = []
      applyStock(item)
    } else if (body.status === 'closed') item.status = 'closed'

    item.last_updated = new Date(this.clock.now()).toISOString()

    return [200, item]
  }

  updateVariation(itemId, variationId, userId, body) {
    const { item, error } = this.own(itemId, userId)

    if (error) return error
    const v = item.variations.find((x) => String(x.id) === variationId)

    if (!v)
      return [
        404,
        notFound(`Variation ${variationId} not found in item ${itemId}`),
      ]
    const shapeError = checkShape(body, VARIATION_UPDATE)

    if (shapeError) return [400, shapeError]
    const causes = []

    if (item.status === 'closed')
      causes.push(
        cause(
          'item.status.not_modifiable',
          'The item is closed and cannot be modified',
          ['item.status']
        )
      )
    if (body.price !== undefined && body.price <= 0)
      causes.push(
        cause('item.price.invalid', 'Price must be greater than 0', [
          'item.variations.price',
        ])
      )
    if (body.available_quantity !== undefined && body.available_quantity < 0)
      causes.push(
        cause('item.available_quantity.invalid', 'Quantity must be 0 or more', [
          'item.variations.available_quantity',
        ])
      )
    if (causes.length) return [400, validationError(causes)]
    if (body.price !== undefined) v.price = body.price
    if (body.available_quantity !== undefined) {
      v.available_quantity = body.available_quantity
      item.available_quantity = item.variations.reduce(
        (n, x) => n + x.available_quantity,
        0
      )
      applyStock(item)
    }

    if (body.picture_ids) v.picture_ids = body.picture_ids
    item.last_updated = new Date(this.clock.now()).toISOString()

    return [200, v]
  }

  create(userId, seller, body) {
    const required = Object.keys(ITEM_CREATE).filter(
      (k) => !['description', 'shipping', 'attributes', 'pictures'].includes(k)
    )

    const shapeError = checkShape(body, ITEM_CREATE, required)

    if (shapeError) return [400, shapeError]
    const causes = []
    const category = CATEGORIES[body.category_id]

    if (!category || !body.category_id.startsWith(seller.site_id))
      causes.push(
        cause(
          'item.category_id.invalid',
          `Category ${body.category_id} does not exist on site ${seller.site_id}`,
          ['item.category_id']
        )
      )
    if (body.currency_id !== 'BRL')
      causes.push(
        cause(
          'item.currency_id.invalid',
          `Currency ${body.currency_id} is not accepted on site ${seller.site_id}`,
          ['item.currency_id']
        )
      )
    if (!LISTING_TYPES.includes(body.listing_type_id))
      causes.push(
        cause(
          'item.listing_type_id.invalid',
          `Listing type ${body.listing_type_id} is not available`,
          ['item.listing_type_id']
        )
      )
    if (!['new', 'used', 'not_specified'].includes(body.condition))
      causes.push(
        cause('item.condition.invalid', `Invalid condition ${body.condition}`, [
          'item.condition',
        ])
      )
    if (body.buying_mode !== 'buy_it_now')
      causes.push(
        cause(
          'item.buying_mode.invalid',
          `Invalid buying_mode ${body.buying_mode}`,
          ['item.buying_mode']
        )
      )
    if (body.price <= 0)
      causes.push(
        cause('item.price.invalid', 'Price must be greater than 0', [
          'item.price',
        ])
      )
    if (body.available_quantity < 1)
      causes.push(
        cause(
          'item.available_quantity.invalid',
          'A new item needs at least 1 unit',
          ['item.available_quantity']
        )
      )
    if (body.title.trim() === '' || body.title.length > 60)
      causes.push(
        cause(
          'item.title.length.invalid',
          'Title must have 1 to 60 characters',
          ['item.title']
        )
      )
    if (!body.pictures || !body.pictures.length)
      causes.push(
        cause('item.pictures.missing', 'The item needs at least one picture', [
          'item.pictures',
        ])
      )
    else causes.push(...pictureCauses(body.pictures))
    const attributes = body.attributes || []
    const badAttribute = attributes.some(
      (a) => !a || typeof a.id !== 'string' || typeof a.value_name !== 'string'
    )

    if (badAttribute)
      causes.push(
        cause(
          'item.attributes.invalid',
          'Each attribute must be { id, value_name }',
          ['item.attributes']
        )
      )
    const ids = attributes.map((a) => a && a.id)
    const missing = category
      ? category.required.filter((r) => !ids.includes(r))
      : []

    if (missing.length)
      causes.push(
        cause(
          'item.attributes.missing_required',
          `The attributes [${missing.join(', ')}] are required for category ${
            body.category_id
          }. Check the attribute is present in the attributes list or in all variation's attributes_combination or attributes.`,
          ['item.attributes']
        )
      )
    if (causes.length) return [400, validationError(causes)]
    const id = `MLB${this.nextId++}`
    const at = new Date(this.clock.now()).toISOString()
    const item = {
      id,
      site_id: seller.site_id,
      title: body.title,
      seller_id: userId,
      category_id: body.category_id,
      price: body.price,
      base_price: body.price,
      currency_id: body.currency_id,
      available_quantity: body.available_quantity,
      sold_quantity: 0,
      buying_mode: body.buying_mode,
      listing_type_id: body.listing_type_id,
      condition: body.condition,
      permalink: `https://produto.mercadolivre.com.br/${id.replace(
        'MLB',
        'MLB-'
      )}`,
      pictures: body.pictures.map((_, i) => picture(`${id.slice(-3)}${i}`)),
      status: 'active',
      sub_status: [],
      tags: [],
      variations: [],
      attributes,
      user_product_id: null,
      shipping: { mode: 'me2', logistic_type: 'drop_off' },
      date_created: at,
      last_updated: at,
    }

    this.state.items.set(id, item)

    return [201, item]
  }

  describe(itemId, userId, body) {
    const { item, error } = this.own(itemId, userId)

    if (error) return error
    const shapeError = checkShape(body, { plain_text: 'String' }, [
      'plain_text',
    ])

    if (shapeError) return [400, shapeError]
    if (/<[a-z/][^>]*>/i.test(body.plain_text))
      return [
        400,
        validationError([
          cause(
            'item.description.plain_text.invalid',
            'plain_text does not accept HTML',
            ['description.plain_text']
          ),
        ]),
      ]
    item.description = body.plain_text

    return [
      201,
      {
        text: '',
        plain_text: body.plain_text,
        last_updated: item.last_updated,
      },
    ]
  }

  search(sellerId, userId, query) {
    if (String(userId) !== sellerId)
      return [403, forbidden('Caller is not the owner of the items')]
    const sku = query.get('seller_sku')
    const results = [...this.state.items.values()]
      .filter(
        (i) =>
          i.seller_id === userId &&
          (!sku ||
            i.attributes.some(
              (a) => a.id === 'SELLER_SKU' && a.value_name === sku
            ))
      )
      .map((i) => i.id)

    return [
      200,
      {
        seller_id: sellerId,
        query: null,
        paging: { limit: 50, offset: 0, total: results.length },
        results: results.slice(0, 50),
        orders: [{ id: 'stop_time_asc', name: 'Order by stop time asc' }],
      },
    ]
  }
}

module.exports = { Items, applyStock }
