import type { AdapterOutcome, Listing, Money } from '../adapter'
import {
  errorOutcome,
  failureOutcome,
  is2xx,
  malformedOutcome,
  objectBody,
} from './answers'
import type { MercadoLivreConfig } from './config'
import { currencyOf } from './config'
import { itemOutcome } from './item'
import { REASONS } from './reasons'
import { putItem, putVariation } from './requests'
import type { Session } from './session'

/** ML takes prices with at most two decimals, in the site's currency. */
export function mlPrice(
  price: Money,
  config: MercadoLivreConfig
): { amount: number } | { outcome: AdapterOutcome } {
  if (!Number.isFinite(price.amount) || price.amount <= 0)
    return {
      outcome: errorOutcome(REASONS.INVALID_PRICE, {
        amount: String(price.amount),
      }),
    }

  const expected = currencyOf(config.siteId)

  if (price.currency !== expected)
    return {
      outcome: errorOutcome(REASONS.CURRENCY_MISMATCH, {
        currency: price.currency,
        expected,
      }),
    }

  return { amount: Math.round(price.amount * 100) / 100 }
}

/** PRICE: the trade policy's price on the item, or on the variation. */
export async function sendPrice(
  price: Money,
  listing: Listing,
  config: MercadoLivreConfig,
  session: Session,
  now: () => number
): Promise<AdapterOutcome> {
  if (!config.sendPrices)
    return { status: 'SUCCESS', reason: REASONS.PRICES_NOT_SENT }
  const p = mlPrice(price, config)

  if ('outcome' in p) return p.outcome
  const itemId = listing.listingId
  const params = { itemId, price: p.amount }

  if (listing.variationId) {
    const res = await session.send(
      putVariation(itemId, listing.variationId, { price: p.amount })
    )

    if (!is2xx(res))
      return failureOutcome(res, now(), REASONS.LISTING_NOT_FOUND)
    if (!objectBody(res) && !Array.isArray(res.body))
      return malformedOutcome(res)

    return {
      status: 'SUCCESS',
      reason: REASONS.PRICE_UPDATED,
      params: { ...params, variationId: listing.variationId },
    }
  }

  const res = await session.send(putItem(itemId, { price: p.amount }))

  return itemOutcome(res, now(), 'PRICE', listing, () => ({
    status: 'SUCCESS',
    reason: REASONS.PRICE_UPDATED,
    params,
  }))
}

/**
 * DEACTIVATE: the SKU left the channel. The item is paused (never closed: a
 * closed item cannot come back); a variation cannot be paused alone, so its
 * stock goes to 0 and the item's other variations keep selling.
 */
export async function sendDeactivate(
  listing: Listing,
  session: Session,
  now: () => number
): Promise<AdapterOutcome> {
  const itemId = listing.listingId

  if (listing.variationId) {
    const res = await session.send(
      putVariation(itemId, listing.variationId, { available_quantity: 0 })
    )

    if (!is2xx(res))
      return failureOutcome(res, now(), REASONS.LISTING_NOT_FOUND)

    return {
      status: 'SUCCESS',
      reason: REASONS.VARIATION_DEACTIVATED,
      params: { itemId, variationId: listing.variationId },
    }
  }

  const res = await session.send(putItem(itemId, { status: 'paused' }))

  return itemOutcome(res, now(), 'DEACTIVATE', listing, () => ({
    status: 'SUCCESS',
    reason: REASONS.LISTING_DEACTIVATED,
    params: { itemId },
  }))
}
