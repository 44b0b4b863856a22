/**
 * LISTINGS_ITEM_ISSUES_CHANGE (payload version 2023-12-13, delivered through
 * the Notifications API to an SQS or EventBridge destination): Amazon says
 * a listing's issues changed, with their severities and enforcement actions
 * but not their messages. Mapped here to the outcome a follow-up would give,
 * so a later stage can settle a PENDING log without waiting for its
 * schedule; when there are errors, `needsDetails` says that a follow-up
 * (getListingsItem) is worth making to show Amazon's messages.
 */
import type { AdapterOutcome } from '../adapter'

export interface IssuesChange {
  sellerId: string
  sku: string
  marketplaceId: string | null
  asin: string | null
  outcome: AdapterOutcome
  needsDetails: boolean
}

const obj = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : null

const strings = (v: unknown) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null

/** Enforcements that take the offer off sale. */
const OFF_SALE = ['LISTING_SUPPRESSED', 'CATALOG_ITEM_REMOVED']

/** The change the notification announces, or an error naming what is missing. */
export function issuesChange(
  notification: unknown
): IssuesChange | { error: string } {
  const n = obj(notification)

  if (n?.NotificationType !== 'LISTINGS_ITEM_ISSUES_CHANGE')
    return { error: 'Not a LISTINGS_ITEM_ISSUES_CHANGE notification' }
  const p = obj(n.Payload)
  const sellerId = p?.SellerId
  const sku = p?.Sku
  const severities = strings(p?.Severities)

  if (typeof sellerId !== 'string' || typeof sku !== 'string' || !severities)
    return { error: 'The notification has no SellerId, Sku or Severities' }
  const enforcements = strings(p?.EnforcementActions) ?? []
  const summary = [
    `Amazon reports ${severities.join(', ') || 'no'} issues`,
    enforcements.length ? `enforcement: ${enforcements.join(', ')}` : null,
  ]
    .filter(Boolean)
    .join('; ')

  const marketplaceId =
    typeof p?.MarketplaceId === 'string' ? p.MarketplaceId : null

  const asin = typeof p?.Asin === 'string' ? p.Asin : null
  const base = { sellerId, sku, marketplaceId, asin }

  if (severities.includes('ERROR')) {
    return {
      ...base,
      needsDetails: true,
      outcome: {
        status: 'ERROR',
        reason: 'AMAZON_LISTING_ISSUES',
        businessMessage: summary,
      },
    }
  }

  if (enforcements.some((e) => OFF_SALE.includes(e))) {
    return {
      ...base,
      needsDetails: true,
      outcome: {
        status: 'ALERT',
        reason: 'AMAZON_LISTING_NOT_BUYABLE',
        businessMessage: summary,
        action: 'LISTING_PAUSED',
      },
    }
  }

  return {
    ...base,
    needsDetails: false,
    outcome: {
      status: 'SUCCESS',
      reason: 'AMAZON_LISTING_UPDATED',
      businessMessage: severities.length ? summary : null,
    },
  }
}
