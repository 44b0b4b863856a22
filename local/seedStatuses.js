'use strict'

/**
 * PENDING and ALERT logs for the local runtime (`npm start`, screenshots),
 * as the Mercado Livre and Amazon adapters record them: a few seeded logs of
 * those marketplaces get one more attempt that ended PENDING (an Amazon
 * submission accepted, its issues not known yet) or ALERT (a listing paused
 * or under review, a SKU or a category not mapped, an order to act on in
 * Seller Central). The earlier attempts stay in their history; the counts
 * stay the same per tab. Tests seed without them (test/helpers.js), so
 * their numbers do not move.
 */

const ML_ITEM = (n) => `MLB${3900000000 + n * 17}`

/** One showcase attempt per entry: [tab, marketplace, n, outcome(at, n)]. */
const SHOWCASE = [
  ...[0, 3, 6].map((n) => [
    'PRODUCTS',
    'mercadolivre',
    n,
    (at) => ({
      status: 'ALERT',
      action: 'LISTING_PAUSED',
      message: `Mercado Livre: LISTING_PAUSED: ${ML_ITEM(
        n
      )} is paused; reactivate it in Mercado Livre`,
      businessMessage: `Item ${ML_ITEM(
        n
      )} status paused (sub_status: suspended)`,
      exchange: {
        request: {
          method: 'PUT',
          url: `https://api.mercadolibre.com/items/${ML_ITEM(n)}`,
          body: JSON.stringify({ title: 'Camiseta Básica Algodão' }),
        },
        response: {
          status: 200,
          body: JSON.stringify({
            id: ML_ITEM(n),
            status: 'paused',
            sub_status: ['suspended'],
          }),
        },
      },
      at,
    }),
  ]),
  [
    'PRODUCTS',
    'mercadolivre',
    9,
    (at) => ({
      status: 'ALERT',
      action: 'CATEGORY_NOT_MAPPED',
      message:
        'Mercado Livre: CATEGORY_NOT_MAPPED: VTEX category 12 has no Mercado Livre category; map it to create the listing',
      at,
    }),
  ],
  ...[12, 15].map((n) => [
    'INVENTORY',
    'mercadolivre',
    n,
    (at) => ({
      status: 'ALERT',
      action: 'SKU_NOT_MAPPED',
      message: `Mercado Livre: SKU_NOT_MAPPED: SKU ${
        1000 + n * 3
      } has no Mercado Livre listing`,
      at,
    }),
  ]),
  [
    'INVENTORY',
    'mercadolivre',
    18,
    (at) => ({
      status: 'ALERT',
      action: 'LISTING_UNDER_REVIEW',
      message: `Mercado Livre: LISTING_UNDER_REVIEW: ${ML_ITEM(
        18
      )} is under review`,
      businessMessage: `Item ${ML_ITEM(
        18
      )} status under_review (sub_status: waiting_for_patch)`,
      at,
    }),
  ],
  // Amazon's trade policy (3) sells the SKUs whose id is not 3 mod 4 (the local VTEX's rule).
  ...[4, 7, 10].map((n) => [
    'INVENTORY',
    'amazon',
    n,
    (at, payload) => ({
      status: 'PENDING',
      followUp: { ref: `SKU-${1000 + n * 3}`, afterMs: 300_000 },
      message: `Amazon: AMAZON_SUBMISSION_ACCEPTED: submission ${submission(
        n
      )} accepted; its issues are checked by itself`,
      businessMessage: 'ACCEPTED',
      exchange: {
        request: {
          method: 'PATCH',
          url: `https://sellingpartnerapi-na.amazon.com/listings/2021-08-01/items/A2EUQ1WTGCTBG2/SKU-${
            1000 + n * 3
          }?marketplaceIds=A2Q3Y263D00KWC`,
          body: JSON.stringify({
            productType: 'PRODUCT',
            patches: [
              {
                op: 'merge',
                path: '/attributes/fulfillment_availability',
                value: [
                  {
                    fulfillment_channel_code: 'DEFAULT',
                    quantity: payload?.quantity ?? 0,
                  },
                ],
              },
            ],
          }),
        },
        response: {
          status: 200,
          body: JSON.stringify({
            sku: `SKU-${1000 + n * 3}`,
            status: 'ACCEPTED',
            submissionId: submission(n),
            issues: [],
          }),
        },
      },
      at,
    }),
  ]),
  [
    'TRACKING',
    'amazon',
    10,
    (at) => ({
      status: 'ALERT',
      action: 'ORDER_ACTION_REQUIRED',
      message:
        'Amazon: AMAZON_CANCEL_IN_SELLER_CENTRAL: the order was canceled in VTEX; cancel it in Seller Central',
      at,
    }),
  ],
]

function submission(n) {
  return `f1e2d3c4b5a6${String(n).padStart(4, '0')}`
}

/**
 * Adds the showcase attempts to the seeded logs (`byTab`: id → log, as
 * seed.js builds them), through the app's own log model.
 */
function addStatusShowcase(byTab, { recordOutcome, now, skuIdOf, orderIdOf }) {
  let added = 0

  for (const [tab, marketplace, n, make] of SHOWCASE) {
    const entityId = tab === 'TRACKING' ? orderIdOf(n) : skuIdOf(n)
    const id = `${tab}:${marketplace}:${entityId}`
    const current = byTab[tab].get(id)

    // Only over a log the seed wrote for that marketplace (n follows the seed's rotation).
    if (!current) continue
    const at = new Date(
      Math.max(
        Date.parse(current.processedAt) + 60_000,
        now - 3600_000 + n * 60_000
      )
    ).toISOString()

    const { exchange, ...outcome } = make(at, current.payload)
    const log = recordOutcome(
      current,
      { tab, marketplace, entityId },
      current.payload,
      { ...outcome, origin: exchange ?? null, trigger: 'CHANGE' }
    )

    byTab[tab].set(id, { ...log, updatedAt: log.processedAt })
    added++
  }

  return added
}

module.exports = { addStatusShowcase }
