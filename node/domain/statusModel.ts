/**
 * The log's statuses and what may follow what (VTEX's Success / Error /
 * Alert / Pending, and the bridge's QUEUED). Pure: log.ts and followUp.ts
 * apply it.
 *
 *   (none) ──outcome──▶ SUCCESS | ERROR | PENDING | ALERT
 *   any    ──outcome──▶ SUCCESS | ERROR | PENDING | ALERT   a newer change's export: the newest wins
 *   any    ──retry────▶ QUEUED                               a transient failure, tried again later
 *   ERROR  ──reprocess▶ QUEUED                               only errors are reprocessed
 *   QUEUED ──outcome──▶ SUCCESS | ERROR | PENDING | ALERT   the job's or the retry's attempt
 *   PENDING──follow-up▶ SUCCESS | ERROR | ALERT | PENDING    the marketplace's final answer (or not yet)
 *
 * Decisions: an ALERT is not reprocessed — the marketplace took the call and
 * sending it again changes nothing until the store acts (reactivates the
 * listing, maps the SKU or the category); the next change in VTEX is sent
 * as usual. A PENDING log is not reprocessed either: its answer is on the
 * way; it becomes an ERROR (reprocessable) when the follow-ups give up.
 */
import { DomainError } from './errors'
import type { AlertAction, LogStatus, OutcomeStatus } from './logStatus'
import { LOG_STATUSES, isOutcomeStatus } from './logStatus'
import type { PartnerMessage } from './partnerMessage'

/** How a status is reached. */
export type StatusEvent = 'OUTCOME' | 'RETRY' | 'REPROCESS' | 'FOLLOW_UP'

/** Whether a log in `from` (null: no log yet) may become `to` through `via`. */
export function mayFollow(
  from: LogStatus | null,
  to: LogStatus,
  via: StatusEvent
): boolean {
  switch (via) {
    case 'OUTCOME':
      return isOutcomeStatus(to)

    case 'RETRY':
      return to === 'QUEUED'

    case 'REPROCESS':
      return from === 'ERROR' && to === 'QUEUED'

    case 'FOLLOW_UP':
      return from === 'PENDING' && isOutcomeStatus(to)

    default:
      return false
  }
}

/** A PENDING log's follow-up: how the marketplace's final answer will be learnt. */
export interface PendingState {
  /** The adapter's reference, handed back to its `followUp` (e.g. an Amazon submission). */
  ref: string
  /** When the marketplace accepted the call (the first PENDING outcome). */
  since: string
  /** When the next follow-up is due. */
  nextCheckAt: string
  /** Follow-ups made so far that were still pending. */
  checks: number
}

/** What an ALERT log asks of the store. */
export interface AlertState {
  action: AlertAction
}

/** What an outcome carries for its status (log.ts `Outcome`). */
export type StatusPart =
  | { status: 'SUCCESS' | 'ERROR' }
  /** Accepted; the final answer comes later (`ref` handed back to the adapter's follow-up). */
  | { status: 'PENDING'; followUp: { ref: string; afterMs: number } }
  /** Done, or not doable, until the store acts. */
  | { status: 'ALERT'; action: AlertAction }

const MAX_BUSINESS_MESSAGE = 4096

/**
 * What a log holds after an outcome, for its status: the marketplace's
 * business message, a PENDING log's follow-up (continued when it was
 * already pending on the same reference), an ALERT's action. Every other
 * status clears them.
 */
export function statusState(
  previous: { status: LogStatus; pending?: PendingState | null },
  outcome: StatusPart & { at: string; businessMessage?: string | null }
) {
  const said = outcome.businessMessage

  return {
    businessMessage:
      said == null
        ? null
        : said.length > MAX_BUSINESS_MESSAGE
        ? `${said.slice(0, MAX_BUSINESS_MESSAGE)}…`
        : said,
    pending:
      outcome.status === 'PENDING'
        ? pendingAfter(
            outcome.followUp,
            outcome.at,
            previous.status === 'PENDING' ? previous.pending : null
          )
        : null,
    alert: outcome.status === 'ALERT' ? { action: outcome.action } : null,
  }
}

/** Follow-ups give up after this long since the call was accepted… */
export const FOLLOW_UP_MAX_AGE_MS = 24 * 3600_000
/** …or after this many answers that were still pending. */
export const FOLLOW_UP_MAX_CHECKS = 48
/** The shortest and longest wait between two follow-ups. */
export const FOLLOW_UP_MIN_MS = 30_000
export const FOLLOW_UP_MAX_MS = 3600_000

const clampWait = (ms: number) =>
  Math.min(
    FOLLOW_UP_MAX_MS,
    Math.max(FOLLOW_UP_MIN_MS, Number.isFinite(ms) ? ms : FOLLOW_UP_MIN_MS)
  )

/**
 * The follow-up a PENDING outcome starts, or continues when the log was
 * already pending on the same reference (a follow-up still pending): the
 * first acceptance time is kept, the checks counted.
 */
export function pendingAfter(
  followUp: { ref: string; afterMs: number },
  at: string,
  previous: PendingState | null | undefined
): PendingState {
  const same = previous?.ref === followUp.ref

  return {
    ref: followUp.ref,
    since: same ? previous.since : at,
    nextCheckAt: new Date(
      Date.parse(at) + clampWait(followUp.afterMs)
    ).toISOString(),
    checks: same ? previous.checks + 1 : 0,
  }
}

/** When the follow-ups give up on a pending log (at most; FOLLOW_UP_MAX_CHECKS may end them sooner). */
export const giveUpAt = (pending: PendingState) =>
  new Date(Date.parse(pending.since) + FOLLOW_UP_MAX_AGE_MS).toISOString()

export type FollowUpStep = 'NONE' | 'WAIT' | 'CHECK' | 'GIVE_UP'

/**
 * What the maintenance pass does with a log now: nothing (not pending),
 * wait (not due), ask the marketplace, or give up (too old or asked too
 * often: the log becomes an error the store can reprocess).
 */
export function followUpStep(
  log: { status: LogStatus; pending?: PendingState | null },
  nowMs: number
): FollowUpStep {
  const { pending } = log

  if (log.status !== 'PENDING' || !pending) return 'NONE'
  if (
    nowMs - Date.parse(pending.since) >= FOLLOW_UP_MAX_AGE_MS ||
    pending.checks >= FOLLOW_UP_MAX_CHECKS
  )
    return 'GIVE_UP'

  return nowMs >= Date.parse(pending.nextCheckAt) ? 'CHECK' : 'WAIT'
}

/**
 * Which statuses carry an error cause (error groups, `c.{cause}` folders):
 * the ones the store must look into.
 */
export const CAUSED_STATUSES: readonly OutcomeStatus[] = ['ERROR', 'ALERT']

export const hasCause = (
  status: LogStatus | null | undefined
): status is 'ERROR' | 'ALERT' => status === 'ERROR' || status === 'ALERT'

/**
 * Whether a log's content sent and answer received are kept (VTEX's content
 * translated and content destination). Decision: kept for every status but
 * SUCCESS — successes are most of the writes and their answer says nothing
 * the status does not; the VTEX data used (the payload) is kept for all.
 */
export const keepsExchange = (status: LogStatus) => status !== 'SUCCESS'

/**
 * Why a log is not reprocessed, as the stable reason the admin translates
 * (`admin/marketplace-bridge.notReprocessable.{reason}`): a partner's log is
 * the partner's to send; a PENDING log waits for the marketplace's answer;
 * an ALERT needs the store to act first; a QUEUED log is already waiting; a
 * SUCCESS has nothing to redo.
 */
export const NOT_REPROCESSABLE_REASONS = [
  'PARTNER_LOG',
  'AWAITING_MARKETPLACE',
  'STORE_MUST_ACT',
  'ALREADY_QUEUED',
  'ALREADY_SUCCEEDED',
] as const

export type NotReprocessableReason = (typeof NOT_REPROCESSABLE_REASONS)[number]

const REFUSED_BY_STATUS: Record<LogStatus, NotReprocessableReason | null> = {
  ERROR: null,
  PENDING: 'AWAITING_MARKETPLACE',
  ALERT: 'STORE_MUST_ACT',
  QUEUED: 'ALREADY_QUEUED',
  SUCCESS: 'ALREADY_SUCCEEDED',
}

/**
 * The one rule of reprocessing: only logs with errors can be reprocessed
 * (`mayFollow`), and never a partner connector's log (the connector, not
 * the bridge, sent what it records). Null: it may be reprocessed. Takes a
 * log document (`partner`) or a table row (`fromPartner`), so the admin's
 * rows and detail and the queue ask the same function.
 */
export function reprocessRefusal(log: {
  status: LogStatus
  partner?: PartnerMessage | null
  fromPartner?: boolean
}): NotReprocessableReason | null {
  if (log.partner || log.fromPartner) return 'PARTNER_LOG'
  if (mayFollow(log.status, 'QUEUED', 'REPROCESS')) return null

  return REFUSED_BY_STATUS[log.status] ?? 'ALREADY_SUCCEEDED'
}

export const canReprocess = (log: {
  status: LogStatus
  partner?: PartnerMessage | null
  fromPartner?: boolean
}) => reprocessRefusal(log) === null

/**
 * The statuses "reprocess everything this filter shows" acts on (the others
 * are skipped): the admin offers the action only for them.
 */
export const REPROCESSABLE_STATUSES: readonly LogStatus[] = LOG_STATUSES.filter(
  (s) => mayFollow(s, 'QUEUED', 'REPROCESS')
)

/** A log that cannot be reprocessed, named with its state. */
export const notReprocessable = (log: {
  id: string
  status: LogStatus
  partner?: PartnerMessage | null
}) =>
  log.partner
    ? new DomainError(
        'INVALID_TRANSITION',
        `Log ${log.id} was collected from a partner's connector: the connector sends it again, not the bridge.`,
        'PARTNER_LOG_NOT_REPROCESSABLE'
      )
    : new DomainError(
        'INVALID_TRANSITION',
        `Log ${log.id} is ${log.status}: only logs with errors can be reprocessed.`,
        'NOT_REPROCESSABLE'
      )
