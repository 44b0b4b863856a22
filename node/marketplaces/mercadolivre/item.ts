import type {
  AdapterOutcome,
  HttpResponse,
  Listing,
  OperationType,
  OutcomeParams,
} from '../adapter'
import {
  errorOutcome,
  failureOutcome,
  is2xx,
  isObject,
  malformedOutcome,
} from './answers'
import { REASONS } from './reasons'

/** The parts of ML's item resource the adapter reads. */
export interface MlItem {
  id: string
  title: string | null
  status: string
  subStatus: string[]
  price: number | null
  availableQuantity: number | null
  soldQuantity: number
  variationIds: string[]
  userProductId: string | null
}

/** ML's item body, or null when it is not the documented shape (a malformed answer). */
export function readItem(body: unknown): MlItem | null {
  if (!isObject(body) || typeof body.id !== 'string' || !body.id) return null
  if (typeof body.status !== 'string') return null
  const num = (v: unknown) => (typeof v === 'number' ? v : null)

  return {
    id: body.id,
    title: typeof body.title === 'string' ? body.title : null,
    status: body.status,
    subStatus: Array.isArray(body.sub_status)
      ? body.sub_status.filter((s): s is string => typeof s === 'string')
      : [],
    price: num(body.price),
    availableQuantity: num(body.available_quantity),
    soldQuantity: num(body.sold_quantity) ?? 0,
    variationIds: Array.isArray(body.variations)
      ? body.variations
          .map((v) => (isObject(v) ? v.id : null))
          .filter(
            (v): v is string | number =>
              typeof v === 'string' || typeof v === 'number'
          )
          .map(String)
      : [],
    userProductId:
      typeof body.user_product_id === 'string' ? body.user_product_id : null,
  }
}

const onlyOutOfStock = (item: MlItem) =>
  item.subStatus.length > 0 && item.subStatus.every((s) => s === 'out_of_stock')

const describe = (item: MlItem) =>
  `status: ${item.status}${
    item.subStatus.length ? `, sub_status: ${item.subStatus.join(', ')}` : ''
  }`

/**
 * What the listing's state, as ML answered it after (or instead of) a change,
 * means for the store. Null: nothing to report beyond the operation's own
 * success. ML pauses a listing by itself when its stock reaches 0
 * (`sub_status: out_of_stock`) and resumes it when stock returns: that is
 * not an alert. Any other pause, or a review, is: the store must act in ML.
 */
export function listingAlert(
  item: MlItem,
  operation: OperationType,
  listing: Listing | undefined
): AdapterOutcome | null {
  const params: OutcomeParams = {
    itemId: item.id,
    status: item.status,
    subStatus: item.subStatus.join(', '),
  }

  const withListing = listing ? { listing } : {}

  if (item.status === 'active') return null
  if (item.status === 'closed')
    return errorOutcome(REASONS.LISTING_CLOSED, params, describe(item))
  if (item.status === 'under_review')
    return {
      status: 'ALERT',
      action: 'LISTING_UNDER_REVIEW',
      reason: REASONS.LISTING_UNDER_REVIEW,
      params,
      businessMessage: describe(item),
      ...withListing,
    }
  if (item.status === 'paused' && operation === 'DEACTIVATE') return null
  if (item.status === 'paused' && onlyOutOfStock(item)) return null

  return {
    status: 'ALERT',
    action: 'LISTING_PAUSED',
    reason: REASONS.LISTING_PAUSED,
    params,
    businessMessage: describe(item),
    ...withListing,
  }
}

/** The seller paused it (no sub_status): the bridge may resume it; ML's own pauses it may not. */
export const pausedBySeller = (item: MlItem) =>
  item.status === 'paused' && item.subStatus.length === 0

export const isOutOfStockPause = (item: MlItem) =>
  item.status === 'paused' && onlyOutOfStock(item)

/**
 * The outcome of a call answered with the item (PUT /items/{id}): ML's error,
 * a malformed answer, the listing's alert, or `success`.
 */
export function itemOutcome(
  res: HttpResponse,
  now: number,
  operation: OperationType,
  listing: Listing | undefined,
  success: (item: MlItem) => AdapterOutcome
): AdapterOutcome {
  if (!is2xx(res)) return failureOutcome(res, now, REASONS.LISTING_NOT_FOUND)
  const item = readItem(res.body)

  if (!item) return malformedOutcome(res)

  return listingAlert(item, operation, listing) ?? success(item)
}
