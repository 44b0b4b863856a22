import { DomainError, invalidArgument } from './errors'
import { isAbnormal } from './rules'
import type { TimelineEntry } from './carrier'
import type { Row } from './rows'
import type { Tab } from './tabs'
import { parseTab } from './tabs'

export const LOG_STATUSES = ['SUCCESS', 'ERROR', 'QUEUED'] as const
export type LogStatus = (typeof LOG_STATUSES)[number]

export const isLogStatus = (v: unknown): v is LogStatus =>
  typeof v === 'string' && (LOG_STATUSES as readonly string[]).includes(v)

/** How many attempts a log keeps; older ones are dropped first. */
export const HISTORY_LIMIT = 20

/** Longest message or body kept, so one log never outgrows a VBase file. */
export const MAX_TEXT = 16 * 1024

/** What was sent to the marketplace and what came back. */
export interface ErrorOrigin {
  request: { method: string; url: string; body: string | null }
  response: { status: number | null; body: string | null }
}

/** What started an attempt: a change in VTEX, a carrier or partner tracking event, the admin. */
export type AttemptTrigger = 'CHANGE' | 'TRACKING_EVENT' | 'REPROCESS'

export interface Attempt {
  at: string
  status: 'SUCCESS' | 'ERROR'
  message: string
  httpStatus: number | null
  trigger: AttemptTrigger
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
  /** Tracking: what happened to the order (statuses sent, carrier and partner events). */
  timeline?: TimelineEntry[]
  /** Set while an export is retried after a transient failure (the log is QUEUED meanwhile). */
  retry?: RetryState | null
  /** Attempts made before the latest export gave up on a transient failure. */
  retriesExhausted?: number | null
}

/** The result of one attempt to deliver something to a marketplace. */
export interface Outcome {
  status: 'SUCCESS' | 'ERROR'
  message: string
  origin: ErrorOrigin | null
  at: string
  trigger: AttemptTrigger
  changedAt?: string | null
  /** The export gave up after this many attempts at a transient failure. */
  retriesExhausted?: number | null
}

const MARKETPLACE_RE = /^[a-z0-9][a-z0-9-]{0,39}$/
const ENTITY_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

export function validateMarketplace(value: string): string {
  if (!MARKETPLACE_RE.test(value)) {
    throw invalidArgument(
      `Invalid marketplace "${value}": use 1-40 lowercase letters, digits or "-".`
    )
  }

  return value
}

export function validateEntityId(value: string): string {
  if (!ENTITY_RE.test(value)) {
    throw invalidArgument(
      `Invalid entity id "${value}": use 1-64 letters, digits, ".", "_" or "-".`
    )
  }

  return value
}

/** `PRODUCTS:mercadolivre:1234` — stable, readable, one per (tab, marketplace, entity). */
export function buildLogId(tab: Tab, marketplace: string, entityId: string) {
  return `${tab}:${validateMarketplace(marketplace)}:${validateEntityId(
    entityId
  )}`
}

export interface LogKey {
  tab: Tab
  marketplace: string
  entityId: string
}

export function parseLogId(id: string): LogKey {
  const parts = typeof id === 'string' ? id.split(':') : []

  if (parts.length !== 3) {
    throw invalidArgument(
      `Invalid log id "${String(id)}": expected TAB:marketplace:entityId.`
    )
  }

  const [tab, marketplace, entityId] = parts

  return {
    tab: parseTab(tab),
    marketplace: validateMarketplace(marketplace),
    entityId: validateEntityId(entityId),
  }
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
  }

  return [attempt, ...history].slice(0, HISTORY_LIMIT)
}

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
  const id = buildLogId(key.tab, key.marketplace, key.entityId)
  const base: IntegrationLog = current ?? {
    id,
    tab: key.tab,
    marketplace: key.marketplace,
    entityId: key.entityId,
    status: outcome.status,
    message: '',
    origin: null,
    payload,
    createdAt: outcome.at,
    processedAt: outcome.at,
    changedAt: null,
    attempts: 0,
    history: [],
    jobId: null,
    queuedAt: null,
    lastAccepted: null,
    latencyMs: null,
    abnormal: false,
  }

  const changedAt = outcome.changedAt ?? base.changedAt
  const accepted = outcome.status === 'SUCCESS'

  return {
    ...base,
    status: outcome.status,
    message: truncate(outcome.message, 4096),
    origin: outcome.status === 'ERROR' ? boundOrigin(outcome.origin) : null,
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
  }
}

/** Only failed logs can be reprocessed; a log already queued stays as it is. */
export function markQueued(
  log: IntegrationLog,
  jobId: string,
  at: string
): IntegrationLog {
  if (log.status === 'QUEUED') return log
  if (log.status !== 'ERROR') {
    throw new DomainError(
      'INVALID_TRANSITION',
      `Log ${log.id} is ${log.status}: only logs with errors can be reprocessed.`
    )
  }

  return { ...log, status: 'QUEUED', jobId, queuedAt: at }
}

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
  if (log.status !== 'QUEUED' || log.jobId !== jobId) return null

  return recordOutcome(
    log,
    { tab: log.tab, marketplace: log.marketplace, entityId: log.entityId },
    payload,
    outcome
  )
}

/** The row the admin table shows: no payload, no origin, no history. */
export interface LogSummary {
  id: string
  tab: Tab
  marketplace: string
  entityId: string
  status: LogStatus
  message: string
  processedAt: string
  attempts: number
  abnormal: boolean
  latencyMs: number | null
}
