'use strict'

/**
 * An Amazon marketplace on its real API (SP-API) for the local runtime
 * (`npm start`): the kind `amazon` with the local Amazon's app and seller
 * (local/emulator/amazon, AMAZON_SEED), selling in the Brazilian store, and
 * one VTEX SKU mapped to a seller SKU of its own (SKU → seller SKU); the
 * other SKUs are addressed by their VTEX id, as the adapter does when no
 * mapping exists. No grant is seeded: the access token is exchanged from
 * the settings' refresh token on the first call, as it is in production.
 *
 * Channel (decision): the local VTEX's Amazon channel (affiliate MZN, trade
 * policy 3) is this marketplace's; the sandbox marketplace `amazon` (custom
 * kind) keeps its seeded history but no channel and no tabs (VTEX names one
 * marketplace per affiliate). Tests opt in (startLocal({ amazon: true })).
 */
const { AMAZON_SEED } = require('./emulator/amazon')
const { MARKETPLACE_ORIGINS } = require('./emulator/vtexChannels')

const AMZ_ID = 'amz'

const AMZ = {
  id: AMZ_ID,
  name: 'Amazon (SP-API)',
  kind: 'amazon',
  affiliateId: MARKETPLACE_ORIGINS.amazon.affiliateId,
  salesChannel: MARKETPLACE_ORIGINS.amazon.salesChannel,
  currency: 'BRL',
  config: {
    region: AMAZON_SEED.region,
    sellerId: AMAZON_SEED.sellerId,
    marketplaceIds: [AMAZON_SEED.marketplaceId],
    lwaClientId: AMAZON_SEED.clientId,
    lwaClientSecret: AMAZON_SEED.clientSecret,
    lwaRefreshToken: AMAZON_SEED.refreshToken,
    // The local catalog's categories (local/seed.js ProductCategoryIds).
    productTypes: [
      { categoryId: '10', productType: 'PRODUCT' },
      { categoryId: '11', productType: 'PRODUCT' },
      { categoryId: '12', productType: 'PRODUCT' },
    ],
  },
  products: true,
  inventory: true,
  tracking: true,
}

/** VTEX SKU → the seller SKU of its Amazon listing (seeded on the local Amazon as a copy of the SKU's own). */
const AMAZON_MAPPINGS = [{ skuId: '1021', listingId: 'BRIDGE-1021' }]

/** The sandbox `amazon` marketplace once the SP-API one serves its channel. */
const retired = (m) =>
  m.id === 'amazon'
    ? {
        ...m,
        affiliateId: null,
        salesChannel: null,
        currency: null,
        products: false,
        inventory: false,
        tracking: false,
      }
    : m

async function seedAmazonMarketplace(emulator, kv, app) {
  const { ListingStore } = app('services/listings')
  const listings = new ListingStore(kv, () => emulator.clock.now())
  const local = emulator.amazon.listings

  for (const m of AMAZON_MAPPINGS) {
    const own = local.get(AMAZON_SEED.sellerId, m.skuId)

    if (own && !local.get(AMAZON_SEED.sellerId, m.listingId))
      local.seed(AMAZON_SEED.sellerId, m.listingId, own)
    await listings.put(
      { marketplaceId: AMZ_ID, ...m, attributes: { productType: 'PRODUCT' } },
      'IMPORTED'
    )
  }
}

module.exports = {
  AMZ,
  AMZ_ID,
  AMAZON_MAPPINGS,
  retired,
  seedAmazonMarketplace,
}
