import { isAbnormal } from './rules'
import type { TimelineEntry } from './carrier'
import type { LogKey } from './logId'
import { buildLogId } from './logId'
import type { LogStatus, OutcomeStatus } from './logStatus'
import type { PartnerMessage } from './partnerMessage'
import type { AlertState, PendingState, StatusPart } from './statusModel'
import {
  canReprocess,
  keepsExchange,
  notReprocessable,
  statusState,
} from './statusModel'
import type { Row } from './row'
import type { Tab } from './tabs'

export type { LogStatus, OutcomeStatus } from './logStatus'
export { LOG_STATUSES, isLogStatus } from './logStatus'
export type { AlertState, PendingState, StatusPart } from './statusModel'
export { canReprocess, notReprocessable } from './statusModel'
export type { LogKey } from './logId'
export type { LogSummary } from './logSummary'
export {
  buildLogId,
  parseLogId,
  validateEntityId,
  validateMarketplace,
} from './logId'

/** How many attempts a log keeps; older ones are dropped first. */
export const HISTORY_LIMIT = 20

/** Longest message or body kept, so one log never outgrows a VBase file. */
export const MAX_TEXT = 16 * 1024

/** What was sent to the marketplace and what came back. */
export interface ErrorOrigin {
  request: { method: string; url: string; body: string | null }
  response: { status: number | null; body: string | null }
}

/**
 * What started an attempt: a change in VTEX, a carrier or partner tracking
 * event, the admin, or the follow-up of a pending one (its final answer).
 */
export type AttemptTrigger =
  | 'CHANGE'
  | 'TRACKING_EVENT'
  | 'REPROCESS'
  | 'FOLLOW_UP'
  /** Collected from a partner's VTEX connector (its own log, not a call the bridge made). */
  | 'COLLECTED'

/** Values an outcome's reason is translated with (`{status}`, `{error}`…). */
export type ReasonParams = Record<string, string | number>

export interface Attempt {
  at: string
  status: OutcomeStatus
  message: string
  httpStatus: number | null
  trigger: AttemptTrigger
  /** The adapter's stable reason (translated by the admin), when a marketplace answered. */
  reason?: string | null
  reasonParams?: ReasonParams | null
}

/** An export being retried after a transient failure (GraphQL RetryState). */
export interface RetryState {
  /** The attempt that failed last (1 = the first try). */
  attempt: number
  maxAttempts: number
  nextAttemptAt: string | null
  lastError: string | null
}

/** One integration log: the latest state of (tab, marketplace, entity). */
export interface IntegrationLog {
  id: string
  tab: Tab
  marketplace: string
  entityId: string
  status: LogStatus
  message: string
  origin: ErrorOrigin | null
  /** What the bridge sends to the marketplace for this entity. */
  payload: unknown
  createdAt: string
  processedAt: string
  /** Time of the change in VTEX that caused the latest attempt. */
  changedAt: string | null
  attempts: number
  history: Attempt[]
  /** Set while a reprocess job is pending. */
  jobId: string | null
  queuedAt: string | null
  /** The payload the marketplace last accepted (e.g. the last balance exported). */
  lastAccepted: unknown
  /** Milliseconds from the change in VTEX to the marketplace's acceptance. */
  latencyMs: number | null
  /** Accepted more than an hour after the change. */
  abnormal: boolean
  /**
   * Set by the store on every write, strictly increasing per log: the row's
   * place in the lists (newest first) and what makes each version's index
   * entries unique.
   */
  updatedAt?: string
  /** Set by the store: the row of the version this one replaced (see rows.ts). */
  previousRow?: Row | null
  /**
   * Tracking: the marketplace's own id of the order (OMS `marketplaceOrderId`),
   * shown beside VTEX's and searchable like it.
   */
  marketplaceOrderId?: string | null
  /** Tracking: what happened to the order (statuses sent, carrier and partner events). */
  timeline?: TimelineEntry[]
  /** Set while an export is retried after a transient failure (the log is QUEUED meanwhile). */
  retry?: RetryState | null
  /** Attempts made before the latest export gave up on a transient failure. */
  retriesExhausted?: number | null
  /** The marketplace's own words about the latest outcome (VTEX's "business message"). */
  businessMessage?: string | null
  /** Set while PENDING: how the final answer is followed up. */
  pending?: PendingState | null
  /** Set while ALERT: what the store must do. */
  alert?: AlertState | null
  /** A partner connector's log, collected (domain/partnerLog.ts): never reprocessed by the bridge. */
  partner?: PartnerMessage | null
  /** The latest outcome's stable reason (an adapter's), translated by the admin. */
  reason?: string | null
  reasonParams?: ReasonParams | null
}

/** The result of one attempt to deliver something to a marketplace. */
export type Outcome = OutcomeBase & StatusPart

export interface OutcomeBase {
  status: OutcomeStatus
  message: string
  origin: ErrorOrigin | null
  at: string
  trigger: AttemptTrigger
  changedAt?: string | null
  /** The export gave up after this many attempts at a transient failure. */
  retriesExhausted?: number | null
  /** The marketplace's own words (VTEX's "business message"), as they came. */
  businessMessage?: string | null
  /** The adapter's stable reason and its values (admin/marketplace-bridge.outcome.{reason}). */
  reason?: string | null
  reasonParams?: ReasonParams | null
}

export const truncate = (text: string, max = MAX_TEXT) =>
  text.length > max
    ? `${text.slice(0, max)}… [truncated ${text.length - max} chars]`
    : text

export function boundOrigin(origin: ErrorOrigin | null): ErrorOrigin | null {
  if (!origin) return null

  return {
    request: {
      method: origin.request.method,
      url: truncate(origin.request.url, 2048),
      body: origin.request.body == null ? null : truncate(origin.request.body),
    },
    response: {
      status: origin.response.status,
      body:
        origin.response.body == null ? null : truncate(origin.response.body),
    },
  }
}

function pushHistory(history: Attempt[], outcome: Outcome): Attempt[] {
  const attempt: Attempt = {
    at: outcome.at,
    status: outcome.status,
    message: truncate(outcome.message, 1024),
    httpStatus: outcome.origin?.response.status ?? null,
    trigger: outcome.trigger,
    ...(outcome.reason
      ? { reason: outcome.reason, reasonParams: outcome.reasonParams ?? null }
      : {}),
  }

  return [attempt, ...history].slice(0, HISTORY_LIMIT)
}

/** An entity's log before its first attempt is recorded. */
export const firstLog = (
  key: LogKey,
  status: LogStatus,
  payload: unknown,
  at: string
): IntegrationLog => ({
  id: buildLogId(key.tab, key.marketplace, key.entityId),
  tab: key.tab,
  marketplace: key.marketplace,
  entityId: key.entityId,
  status,
  message: '',
  origin: null,
  payload,
  createdAt: at,
  processedAt: at,
  changedAt: null,
  attempts: 0,
  history: [],
  jobId: null,
  queuedAt: null,
  lastAccepted: null,
  latencyMs: null,
  abnormal: false,
})

/**
 * Records the outcome of an attempt. Creates the log when `current` is null.
 * The newest attempt wins: a fresh change delivered while a reprocess job is
 * pending clears the job, which then finds nothing to do (see completeJob).
 */
export function recordOutcome(
  current: IntegrationLog | null,
  key: LogKey,
  payload: unknown,
  outcome: Outcome
): IntegrationLog {
  const base = current ?? firstLog(key, outcome.status, payload, outcome.at)

  const changedAt = outcome.changedAt ?? base.changedAt
  // Only a success is the marketplace taking the payload (an ALERT may have sent nothing).
  const accepted = outcome.status === 'SUCCESS'

  return {
    ...base,
    status: outcome.status,
    message: truncate(outcome.message, 4096),
    origin: keepsExchange(outcome.status) ? boundOrigin(outcome.origin) : null,
    payload,
    processedAt: outcome.at,
    changedAt,
    attempts: base.attempts + 1,
    history: pushHistory(base.history, outcome),
    jobId: null,
    queuedAt: null,
    lastAccepted: accepted ? payload : base.lastAccepted ?? null,
    latencyMs:
      accepted && changedAt
        ? Math.max(0, Date.parse(outcome.at) - Date.parse(changedAt))
        : null,
    abnormal: accepted && isAbnormal(changedAt, outcome.at),
    retry: null,
    retriesExhausted: outcome.retriesExhausted ?? null,
    ...statusState(base, outcome),
    // Cleared (dropped from the stored JSON) when this outcome has none.
    reason: outcome.reason ?? undefined,
    reasonParams: outcome.reason ? outcome.reasonParams ?? null : undefined,
  }
}

/** Queues a failed log for a reprocess job; a log already queued stays as it is. */
export function markQueued(
  log: IntegrationLog,
  jobId: string,
  at: string
): IntegrationLog {
  if (log.status === 'QUEUED') return log
  if (!canReprocess(log)) throw notReprocessable(log)

  return { ...log, status: 'QUEUED', jobId, queuedAt: at }
}

/** Whether this reprocess job is still the one the log waits for (not a duplicate, not superseded). */
export const awaitsJob = (log: IntegrationLog | null, jobId: string) =>
  log != null && log.status === 'QUEUED' && log.jobId === jobId

/**
 * Applies a reprocess job's outcome. Returns null when the job is no longer
 * the one the log waits for (duplicate delivery, or superseded), so the
 * caller writes nothing.
 */
export function completeJob(
  log: IntegrationLog,
  jobId: string,
  outcome: Outcome,
  payload: unknown = log.payload
): IntegrationLog | null {
  if (!awaitsJob(log, jobId)) return null

  return recordOutcome(
    log,
    { tab: log.tab, marketplace: log.marketplace, entityId: log.entityId },
    payload,
    outcome
  )
}
