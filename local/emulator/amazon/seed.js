'use strict'

/**
 * The local Amazon seller: one app (LWA client), one seller authorized in
 * the Brazilian store, listings for the first seeded VTEX SKUs (seller SKU =
 * VTEX SKU id, as the bridge addresses them) and a few unshipped orders.
 * A second seller exists so a token of one can be tried on the other.
 */
const AMAZON_SEED = {
  clientId: 'amzn1.application-oa2-client.bridgelocal0001',
  clientSecret: 'local-amazon-client-secret-0001',
  sellerId: 'A1BRIDGESELLER',
  refreshToken: 'Atzr|local-bridge-seller-refresh-token',
  otherSellerId: 'A2OTHERSELLER9',
  otherRefreshToken: 'Atzr|local-other-seller-refresh-token',
  marketplaceId: 'A2Q3Y263D00KWC',
  region: 'NA',
  /** Seller SKUs with a listing: the local store's first 20 SKU ids (1000, 1003, …). */
  skus: Array.from({ length: 20 }, (_, n) => String(1000 + n * 3)),
  orders: Array.from(
    { length: 5 },
    (_, n) =>
      `701-${String(1000000 + n).padStart(7, '0')}-${String(
        2000000 + n * 7
      ).padStart(7, '0')}`
  ),
  productTypes: [
    'PRODUCT',
    'SHOES',
    'LUGGAGE',
    'HOME',
    'TOYS_AND_GAMES',
    'KITCHEN',
    'SPORTING_GOODS',
  ],
}

function seedAmazon(emulator) {
  const s = AMAZON_SEED

  emulator.lwa.addClient(s.clientId, s.clientSecret)
  emulator.lwa.authorize(s.refreshToken, s.clientId, s.sellerId)
  emulator.lwa.authorize(s.otherRefreshToken, s.clientId, s.otherSellerId)
  s.skus.forEach((sku, n) => {
    const m = s.marketplaceId

    emulator.listings.seed(s.sellerId, sku, {
      marketplaceIds: [m],
      attributes: {
        item_name: [
          {
            value: `Produto demo ${n + 1}`,
            language_tag: 'pt_BR',
            marketplace_id: m,
          },
        ],
        brand: [
          { value: 'Marca Demo', language_tag: 'pt_BR', marketplace_id: m },
        ],
        condition_type: [{ value: 'new_new', marketplace_id: m }],
        purchasable_offer: [
          {
            marketplace_id: m,
            currency: 'BRL',
            audience: 'ALL',
            our_price: [{ schedule: [{ value_with_tax: 49.9 + n * 10 }] }],
          },
        ],
        fulfillment_availability: [
          { fulfillment_channel_code: 'DEFAULT', quantity: n % 4 },
        ],
      },
    })
  })
  s.orders.forEach((orderId, n) =>
    emulator.orders.add({
      orderId,
      sellerId: s.sellerId,
      marketplaceId: s.marketplaceId,
      items: Array.from({ length: 1 + (n % 3) }, (_, i) => ({
        sku: s.skus[(n + i) % s.skus.length],
        quantity: 1 + i,
      })),
    })
  )
}

module.exports = { AMAZON_SEED, seedAmazon }
