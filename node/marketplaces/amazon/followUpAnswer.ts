/**
 * What a look at the listing (getListingsItem with summaries and issues)
 * says about a submission Amazon accepted earlier (pure).
 */
import type { AdapterOutcome, HttpResponse } from '../adapter'
import type { Issue } from './answers'
import {
  FOLLOW_UP_AFTER_MS,
  amazonErrors,
  errorOutcome,
  errorsText,
  issuesOf,
  issuesText,
  malformed,
  obj,
  ok,
  str,
} from './answers'
import type { SubmissionRef } from './followUpRef'
import { encodeRef } from './followUpRef'

/** After this, a submission Amazon shows no sign of processing is judged by the issues it has. */
export const PROCESSING_DEADLINE_MS = 30 * 60_000

const concerns = (issue: Issue, marketplaceIds: string[]) =>
  !issue.marketplaceIds?.length ||
  issue.marketplaceIds.some((m) => marketplaceIds.includes(m))

interface Summary {
  marketplaceId: string
  status: string[]
  lastUpdatedAt: number | null
}

function summariesOf(value: unknown, marketplaceIds: string[]): Summary[] {
  return (Array.isArray(value) ? value : []).flatMap((v) => {
    const o = obj(v)
    const marketplaceId = str(o?.marketplaceId)

    if (!o || !marketplaceId || !marketplaceIds.includes(marketplaceId))
      return []
    const updated = Date.parse(str(o.lastUpdatedDate) ?? '')

    return [
      {
        marketplaceId,
        status: Array.isArray(o.status)
          ? (o.status.filter((x) => str(x)) as string[])
          : [],
        lastUpdatedAt: Number.isNaN(updated) ? null : updated,
      },
    ]
  })
}

const pending = (ref: SubmissionRef): AdapterOutcome => ({
  status: 'PENDING',
  reason: 'AMAZON_SUBMISSION_PROCESSING',
  params: { submissionId: ref.submissionId },
  followUp: { ref: encodeRef(ref), afterMs: FOLLOW_UP_AFTER_MS },
})

/**
 * getListingsItem (summaries, issues) after a submission. Decision: while
 * Amazon shows no sign of having processed it (every summary last updated
 * before the submission, or no listing yet) and the deadline has not
 * passed, it stays PENDING; then ERROR-severity issues make it an ERROR
 * with each issue's message; a listing that should sell but is not BUYABLE
 * is an ALERT (Amazon holds new or changed listings for review, or
 * suppressed them); otherwise SUCCESS, warnings kept as the message.
 */
export function followUpOutcome(
  res: HttpResponse,
  ref: SubmissionRef,
  marketplaceIds: string[],
  now: number,
  retryHintMs: number | null
): AdapterOutcome {
  const early = now < ref.submittedAt + PROCESSING_DEADLINE_MS

  if (res.status === 404) {
    return early
      ? pending(ref)
      : {
          status: 'ERROR',
          reason: 'AMAZON_LISTING_NOT_FOUND',
          params: { sku: ref.sku },
          businessMessage: errorsText(amazonErrors(res.body)),
        }
  }

  if (!ok(res)) return errorOutcome(res, now, retryHintMs)
  const item = obj(res.body)
  const issues = issuesOf(item?.issues)

  if (!item || issues == null)
    return malformed('Amazon answered the listing without its issues')
  const summaries = summariesOf(item.summaries, marketplaceIds)
  const processed =
    !summaries.length ||
    summaries.some(
      (s) => s.lastUpdatedAt == null || s.lastUpdatedAt >= ref.submittedAt
    )

  if (!processed && early) return pending(ref)
  const ours = issues.filter((i) => concerns(i, marketplaceIds))
  const errors = ours.filter((i) => i.severity === 'ERROR')
  const others = issuesText(ours.filter((i) => i.severity !== 'ERROR'))

  if (errors.length) {
    return {
      status: 'ERROR',
      reason: 'AMAZON_LISTING_ISSUES',
      params: { issues: errors.length },
      businessMessage: issuesText(errors),
    }
  }

  const unbuyable = summaries.filter((s) => !s.status.includes('BUYABLE'))

  if (ref.expectBuyable && unbuyable.length) {
    return {
      status: 'ALERT',
      reason: 'AMAZON_LISTING_NOT_BUYABLE',
      params: { marketplaces: unbuyable.map((s) => s.marketplaceId).join(',') },
      businessMessage: others,
      action: 'LISTING_UNDER_REVIEW',
    }
  }

  return {
    status: 'SUCCESS',
    reason: 'AMAZON_LISTING_UPDATED',
    businessMessage: others,
  }
}
