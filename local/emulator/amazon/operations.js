'use strict'

/**
 * What the emulated SP-API does for each operation the bridge calls, once
 * the request passed authentication, the usage plan and validation.
 */
const crypto = require('crypto')

const { checkPatches, checkPut } = require('./attributes')
const { applyPatches } = require('./listings')
const { AMAZON_SEED } = require('./seed')

const errorList = (code, message) => ({ errors: [{ code, message }] })
const invalidId = () => crypto.randomUUID().replace(/-/g, '')
const csv = (query, name) => (query.get(name) || '').split(',').filter(Boolean)

function submission(sku, submissionId, issues) {
  return {
    status: 200,
    body: {
      sku,
      status: issues.length ? 'INVALID' : 'ACCEPTED',
      submissionId,
      issues,
    },
  }
}

const incomplete = (name) => ({
  code: '90220',
  message: `'${name}' is required but not supplied.`,
  severity: 'ERROR',
  attributeNames: [name],
  categories: ['MISSING_ATTRIBUTE'],
})

const operations = {
  getListingsItem(emu, { sellerId, pathParams, query }) {
    const marketplaceIds = csv(query, 'marketplaceIds')
    const listing = emu.listings.get(sellerId, pathParams.sku)

    if (
      !listing ||
      !listing.marketplaceIds.some((m) => marketplaceIds.includes(m))
    )
      return {
        status: 404,
        body: errorList(
          'NOT_FOUND',
          `SKU '${
            pathParams.sku
          }' not found in marketplace ${marketplaceIds.join(', ')}`
        ),
      }
    const included = query.get('includedData')
      ? csv(query, 'includedData')
      : ['summaries']

    return {
      status: 200,
      body: emu.listings.view(listing, marketplaceIds, included),
    }
  },

  patchListingsItem(emu, { sellerId, pathParams, query, body }) {
    const { sku } = pathParams
    const marketplaceIds = csv(query, 'marketplaceIds')
    const issues = checkPatches(body, marketplaceIds)

    if (issues.length) return submission(sku, invalidId(), issues)
    const id = emu.listings.submit(sellerId, sku, (listing) => {
      if (listing) {
        applyPatches(listing.attributes, body.patches)
        listing.marketplaceIds = [
          ...new Set([...listing.marketplaceIds, ...marketplaceIds]),
        ]

        return listing
      }

      // Amazon accepts offer data for a SKU it has no item for: an incomplete listing.
      const at = new Date(emu.clock.now()).toISOString()

      return {
        sellerId,
        sku,
        productType: body.productType,
        asin: null,
        marketplaceIds,
        attributes: applyPatches({}, body.patches),
        issues: [incomplete('item_name')],
        createdDate: at,
        lastUpdatedDate: at,
        underReview: false,
      }
    })

    return submission(sku, id, [])
  },

  putListingsItem(emu, { sellerId, pathParams, query, body }) {
    const { sku } = pathParams
    const marketplaceIds = csv(query, 'marketplaceIds')

    if (!AMAZON_SEED.productTypes.includes(body.productType))
      return submission(sku, invalidId(), [
        {
          code: '4000003',
          message: `The Amazon product type '${body.productType}' is invalid or not supported.`,
          severity: 'ERROR',
          categories: [],
        },
      ])
    const issues = checkPut(body, marketplaceIds)

    if (issues.length) return submission(sku, invalidId(), issues)
    const id = emu.listings.submit(sellerId, sku, (listing) => {
      const at = new Date(emu.clock.now()).toISOString()

      return {
        sellerId,
        sku,
        productType: body.productType,
        asin:
          listing?.asin ||
          `B0LOCAL${sku.replace(/\W/g, '').slice(-3).padStart(3, '0')}`,
        marketplaceIds: [
          ...new Set([...(listing?.marketplaceIds || []), ...marketplaceIds]),
        ],
        attributes: JSON.parse(JSON.stringify(body.attributes)),
        issues: [],
        createdDate: listing?.createdDate || at,
        lastUpdatedDate: at,
        underReview: false,
      }
    })

    return submission(sku, id, [])
  },

  getOrder(emu, { sellerId, pathParams }) {
    const o = emu.orders.find(sellerId, pathParams.orderId)

    return o
      ? { status: 200, body: { payload: emu.orders.view(o) } }
      : {
          status: 404,
          body: errorList('NotFound', `Order ${pathParams.orderId} not found`),
        }
  },

  getOrderItems(emu, { sellerId, pathParams, query }) {
    const o = emu.orders.find(sellerId, pathParams.orderId)

    return o
      ? {
          status: 200,
          body: { payload: emu.orders.itemsPage(o, query.get('NextToken')) },
        }
      : {
          status: 404,
          body: errorList('NotFound', `Order ${pathParams.orderId} not found`),
        }
  },

  confirmShipment(emu, { sellerId, pathParams, body }) {
    const o = emu.orders.find(sellerId, pathParams.orderId)

    if (!o)
      return {
        status: 404,
        body: errorList('NotFound', `Order ${pathParams.orderId} not found`),
      }
    const refused = emu.orders.confirm(o, body)

    return refused
      ? { status: 400, body: errorList('InvalidInput', refused) }
      : { status: 204, body: undefined }
  },
}

module.exports = { operations }
