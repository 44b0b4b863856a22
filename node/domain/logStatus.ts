/**
 * What state a log is in (the admin's status filter and tags). The four
 * outcome statuses are VTEX's own for marketplace integration logs
 * (Success / Error / Alert / Pending); QUEUED is the bridge's: the log waits
 * for a reprocess job or a retry. What may follow what: statusModel.ts.
 */
export const LOG_STATUSES = [
  'SUCCESS',
  'ERROR',
  'PENDING',
  'ALERT',
  'QUEUED',
] as const

export type LogStatus = (typeof LOG_STATUSES)[number]

/** What one attempt (or one follow-up of a pending attempt) can end in. */
export const OUTCOME_STATUSES = [
  'SUCCESS',
  'ERROR',
  'PENDING',
  'ALERT',
] as const
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number]

export const isLogStatus = (v: unknown): v is LogStatus =>
  typeof v === 'string' && (LOG_STATUSES as readonly string[]).includes(v)

export const isOutcomeStatus = (v: unknown): v is OutcomeStatus =>
  typeof v === 'string' && (OUTCOME_STATUSES as readonly string[]).includes(v)

/**
 * Why the store must act although the marketplace took the call (status
 * ALERT): the action the admin names.
 */
export const ALERT_ACTIONS = [
  'LISTING_PAUSED',
  'LISTING_UNDER_REVIEW',
  'SKU_NOT_MAPPED',
  'CATEGORY_NOT_MAPPED',
  /** The marketplace cannot be told through its API (e.g. an Amazon cancellation): act in its seller portal. */
  'ORDER_ACTION_REQUIRED',
  /** A partner's connector logged an alert: its business message says what to do. */
  'PARTNER_ACTION',
] as const

export type AlertAction = (typeof ALERT_ACTIONS)[number]

export const isAlertAction = (v: unknown): v is AlertAction =>
  typeof v === 'string' && (ALERT_ACTIONS as readonly string[]).includes(v)
