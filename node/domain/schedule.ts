import { createHash, randomBytes, timingSafeEqual } from 'crypto'

/**
 * The app's own schedule with VTEX's Scheduler API: every minute (the
 * finest granularity a cron expression gives) VTEX's scheduler POSTs the
 * public maintenance route with a secret the app generated and keeps in
 * VBase. That call drives the sweep, retention, compaction, quiet bulk
 * actions and the carrier refresh (README, "The schedule").
 */
export const SCHEDULE_ID = 'marketplace-bridge-maintenance'
export const SCHEDULE_EXPRESSION = '* * * * *'
export const MAINTENANCE_PATH = '/_v/marketplace-bridge/maintenance'
/** The header the schedule's request carries the secret in. */
export const SECRET_HEADER = 'x-marketplace-bridge-secret'
/** A schedule is registered for a year and renewed in its last month. */
const VALID_DAYS = 365
const RENEW_DAYS = 30
const DAY_MS = 86_400_000

/** What the app keeps in VBase (v2/schedule): the secret, never shown anywhere. */
export interface ScheduleSecret {
  secret: string
  createdAt: string
}

/** The body of PUT /api/scheduler/{workspace}/{app}?version=4. */
export interface ScheduleDefinition {
  id: string
  scheduler: { expression: string; endDate: string }
  request: {
    uri: string
    method: 'POST'
    headers: Record<string, string>
    body: Record<string, unknown>
  }
  retry: {
    delay: { addMinutes: number; addHours: number; addDays: number }
    times: number
    backOffRate: number
  }
}

/** 256 random bits, hex. */
export const newSecret = (random: (n: number) => Buffer = randomBytes) =>
  random(32).toString('hex')

/** The store's host the scheduler calls (IO routes a workspace as `{workspace}--{account}`). */
export const storeHost = (account: string, workspace: string) =>
  workspace === 'master'
    ? `${account}.myvtex.com`
    : `${workspace}--${account}.myvtex.com`

export function maintenanceSchedule(
  account: string,
  workspace: string,
  secret: string,
  nowMs: number
): ScheduleDefinition {
  return {
    id: SCHEDULE_ID,
    scheduler: {
      expression: SCHEDULE_EXPRESSION,
      endDate: new Date(nowMs + VALID_DAYS * DAY_MS).toISOString().slice(0, 19),
    },
    request: {
      uri: `https://${storeHost(account, workspace)}${MAINTENANCE_PATH}`,
      method: 'POST',
      headers: { [SECRET_HEADER]: secret },
      body: {},
    },
    // A missed minute is not worth retrying: the next one comes.
    retry: {
      delay: { addMinutes: 1, addHours: 0, addDays: 0 },
      times: 0,
      backOffRate: 1,
    },
  }
}

/**
 * Whether the schedule must be (re)registered: missing, different (another
 * secret, URI or cadence), or ending within a month.
 */
export function needsRegistration(
  registered: unknown,
  wanted: ScheduleDefinition,
  nowMs: number
): boolean {
  if (!registered || typeof registered !== 'object') return true
  const r = registered as Partial<ScheduleDefinition>
  const endDate = Date.parse(`${r.scheduler?.endDate ?? ''}Z`)

  return (
    r.scheduler?.expression !== wanted.scheduler.expression ||
    r.request?.uri !== wanted.request.uri ||
    r.request?.method !== wanted.request.method ||
    r.request?.headers?.[SECRET_HEADER] !==
      wanted.request.headers[SECRET_HEADER] ||
    Number.isNaN(endDate) ||
    endDate < nowMs + RENEW_DAYS * DAY_MS
  )
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()

/** Constant-time comparison of the header with the secret (hashes: equal lengths). */
export function secretMatches(
  given: string | null | undefined,
  secret: string | null | undefined
): boolean {
  if (!given || !secret) return false

  return timingSafeEqual(digest(given), digest(secret))
}
