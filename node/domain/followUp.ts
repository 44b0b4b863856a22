/**
 * A PENDING log's follow-up (the marketplace's final answer, learnt on the
 * maintenance schedule): what it changes in the log. Pure; the maintenance
 * service reads the log, asks the adapter, and writes what this returns.
 */
import type { IntegrationLog, Outcome } from './log'
import { recordOutcome } from './log'
import {
  FOLLOW_UP_MAX_AGE_MS,
  FOLLOW_UP_MAX_CHECKS,
  mayFollow,
} from './statusModel'

/**
 * Applies a follow-up's outcome to the log it was asked for. Null (write
 * nothing) when the log no longer waits for this reference: a newer change
 * was exported meanwhile, the log was reprocessed, or removed. A final
 * answer is recorded as an attempt (trigger FOLLOW_UP; the delivery count
 * stays: nothing was sent again); one still pending only moves the next
 * check and counts it, so the history is not filled with "still pending".
 */
export function recordFollowUp(
  log: IntegrationLog | null,
  ref: string,
  outcome: Outcome
): IntegrationLog | null {
  if (!log || log.status !== 'PENDING' || log.pending?.ref !== ref) return null
  if (!mayFollow(log.status, outcome.status, 'FOLLOW_UP')) return null
  const recorded = recordOutcome(
    log,
    { tab: log.tab, marketplace: log.marketplace, entityId: log.entityId },
    log.payload,
    { ...outcome, trigger: 'FOLLOW_UP', changedAt: log.changedAt }
  )

  if (outcome.status !== 'PENDING')
    return { ...recorded, attempts: log.attempts }

  return {
    ...log,
    pending: recorded.pending,
    businessMessage: recorded.businessMessage ?? log.businessMessage ?? null,
  }
}

/**
 * The outcome that ends a follow-up that gave up (statusModel.ts
 * followUpStep): an error the store can reprocess, saying for how long and
 * how often the marketplace was asked.
 */
export function followUpExpired(
  log: IntegrationLog,
  marketplaceName: string,
  at: string
): Outcome {
  const checks = log.pending?.checks ?? 0
  const hours = Math.round(FOLLOW_UP_MAX_AGE_MS / 3600_000)
  const why =
    checks >= FOLLOW_UP_MAX_CHECKS
      ? `still pending after ${checks} checks`
      : `no final answer within ${hours} h`

  return {
    status: 'ERROR',
    message: `${marketplaceName} accepted the update but gave ${why}; reprocess to send it again.`,
    origin: log.origin,
    at,
    trigger: 'FOLLOW_UP',
    businessMessage: log.businessMessage ?? null,
  }
}
