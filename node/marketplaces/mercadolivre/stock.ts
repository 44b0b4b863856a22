import type { AdapterOutcome, Listing } from '../adapter'
import {
  errorOutcome,
  failureOutcome,
  header,
  is2xx,
  isObject,
  malformedOutcome,
  objectBody,
} from './answers'
import { isOutOfStockPause, itemOutcome } from './item'
import { REASONS } from './reasons'
import {
  getUserProductStock,
  putItem,
  putSellingAddressStock,
  putVariation,
} from './requests'
import type { Session } from './session'

/**
 * STOCK: the available quantity of a mapped listing, where ML keeps it —
 * on the item, on one variation, or (items on the user-products stock model)
 * in the user product's `selling_address` location, written with the
 * `x-version` its GET answered (a version that moved is read again once).
 */
export async function sendStock(
  quantity: number,
  listing: Listing,
  session: Session,
  now: () => number
): Promise<AdapterOutcome> {
  if (!Number.isInteger(quantity) || quantity < 0)
    return errorOutcome(REASONS.INVALID_QUANTITY, {
      quantity: String(quantity),
    })

  const userProductId = listing.attributes?.userProductId

  if (userProductId)
    return userProductStock(userProductId, quantity, session, now)

  const itemId = listing.listingId

  if (listing.variationId) {
    const res = await session.send(
      putVariation(itemId, listing.variationId, {
        available_quantity: quantity,
      })
    )

    if (!is2xx(res))
      return failureOutcome(res, now(), REASONS.LISTING_NOT_FOUND)
    if (!objectBody(res) && !Array.isArray(res.body))
      return malformedOutcome(res)

    return {
      status: 'SUCCESS',
      reason: REASONS.STOCK_UPDATED,
      params: { itemId, variationId: listing.variationId, quantity },
    }
  }

  const res = await session.send(
    putItem(itemId, { available_quantity: quantity })
  )

  return itemOutcome(res, now(), 'STOCK', listing, (item) => ({
    status: 'SUCCESS',
    reason: isOutOfStockPause(item)
      ? REASONS.STOCK_UPDATED_OUT_OF_STOCK
      : REASONS.STOCK_UPDATED,
    params: { itemId, quantity },
  }))
}

async function userProductStock(
  userProductId: string,
  quantity: number,
  session: Session,
  now: () => number
): Promise<AdapterOutcome> {
  for (let attempt = 0; ; attempt++) {
    const read = await session.send(getUserProductStock(userProductId))

    if (!is2xx(read))
      return failureOutcome(read, now(), REASONS.LISTING_NOT_FOUND)
    const body = objectBody(read)
    const version = header(read, 'x-version')

    if (!body || !Array.isArray(body.locations) || !version)
      return malformedOutcome(read)
    const types = body.locations
      .map((l) => (isObject(l) ? l.type : null))
      .filter((t): t is string => typeof t === 'string')

    if (!types.includes('selling_address')) {
      if (types.includes('seller_warehouse'))
        return errorOutcome(
          REASONS.UNSUPPORTED_OPERATION,
          { userProductId, stockType: 'seller_warehouse' },
          'Multi-origin stock (seller_warehouse) is not updated by the bridge.'
        )

      return {
        status: 'SUCCESS',
        reason: REASONS.STOCK_MANAGED_BY_FULFILLMENT,
        params: { userProductId },
      }
    }

    const res = await session.send(
      putSellingAddressStock(userProductId, version, quantity)
    )

    if (res.status === 409 && attempt === 0) continue
    if (!is2xx(res))
      return failureOutcome(res, now(), REASONS.LISTING_NOT_FOUND)

    return {
      status: 'SUCCESS',
      reason: REASONS.STOCK_UPDATED,
      params: { userProductId, quantity },
    }
  }
}
