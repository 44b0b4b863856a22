'use strict'

/**
 * A Mercado Livre marketplace on its real API for the local runtime
 * (`npm start`): the kind `mercadolivre` with the emulator's application
 * (local/emulator/mercadolivre), connected to its seeded seller (a grant in
 * VBase, as the Connect button leaves it) and a few VTEX SKUs mapped to the
 * emulator's listings — an active one, one with variations, one Mercado
 * Livre paused and one under review — so stock and product changes reach the
 * emulator in ML's format and the paused and reviewed ones show as alerts.
 * Tests opt in (startLocal({ mercadoLivre: true })).
 */
const { SELLER_ID } = require('./emulator/mercadolivre')

const MELI_ID = 'meli'

const MELI = {
  id: MELI_ID,
  name: 'Mercado Livre (API)',
  kind: 'mercadolivre',
  config: {
    clientId: '5551234567890123',
    clientSecret: 'emulator-client-secret',
    siteId: 'MLB',
    redirectUri: 'http://localhost/_v/marketplace-bridge/oauth/mercadolivre',
    sellerId: String(SELLER_ID),
    categories: [],
    sendPrices: false,
    condition: 'new',
    trackingServiceId: 11,
    courierServices: [],
  },
  products: true,
  inventory: true,
  // Tracking needs orders sold on Mercado Livre (the channels' seed): not here.
  tracking: false,
}

/** VTEX SKU → the emulator's listing. */
const MAPPINGS = [
  { skuId: '1000', listingId: 'MLB1000000001' },
  { skuId: '1003', listingId: 'MLB1000000007' },
  { skuId: '1006', listingId: 'MLB1000000004' }, // paused by ML (suspended)
  { skuId: '1009', listingId: 'MLB1000000005' }, // under review
]

async function seedMercadoLivre(emulator, kv, app) {
  const { StoredTokenKeeper } = app('services/tokenKeeper')
  const { ListingStore } = app('services/listings')
  const { readTokenAnswer } = app('marketplaces/mercadolivre/oauth')
  const now = () => emulator.clock.now()
  const answer = readTokenAnswer(
    {
      status: 200,
      headers: {},
      body: emulator.mercadolivre.oauth.issue(SELLER_ID),
    },
    now()
  )

  if (!answer.ok) throw new Error('The Mercado Livre emulator gave no grant')
  await new StoredTokenKeeper(kv, MELI_ID, { now }).connect({
    ...answer.grant,
    extra: { ...answer.grant.extra, siteId: 'MLB' },
  })
  const listings = new ListingStore(kv, now)

  for (const m of MAPPINGS)
    await listings.put({ marketplaceId: MELI_ID, ...m }, 'IMPORTED')
}

module.exports = { MELI, MELI_ID, MAPPINGS, seedMercadoLivre }
