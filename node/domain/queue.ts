/**
 * Jobs: every export and every reprocess is a job written to VBase before its
 * event is sent, so a lost delivery loses nothing: a sweep re-sends jobs that
 * went quiet. Events are at-least-once, so a handler first *claims* the job (a
 * lease written with If-Match); a second delivery of the same event sees the
 * live claim, or the job already gone, and does nothing.
 */
export type JobKind = 'EXPORT' | 'REPROCESS'

export interface Job {
  id: string
  logId: string
  kind: JobKind
  /** When the change happened in VTEX (exports), for latency and de-duplication. */
  changedAt: string | null
  /** A stock-only change: the ≤ 5 units rule applies. */
  stockOnly: boolean
  createdAt: string
  /** When the event was last sent (first send, retry or sweep). */
  sentAt: string | null
  deliveries: number
  claimedUntil: string | null
  /** Who holds the claim: a random token per claim, to recognise one's own write. */
  owner: string | null
  /** Attempts made at the marketplace so far. */
  tries: number
  /** A retry is due at this time (after a transient failure). */
  notBefore: string | null
  lastError: string | null
}

/**
 * How long a claim lasts unless renewed. Short, so a job held by a process
 * that died is free again within seconds; a live handler renews it every
 * RENEW_EVERY_MS while it works (services/lease.ts).
 */
export const LEASE_MS = 10_000
/** A working handler renews its claim this often (three renewals per lease). */
export const RENEW_EVERY_MS = 3_000
/**
 * A claim not renewed for this long (two renewals missed) is presumed held
 * by a process that died: a delivery waits for it to run out (at most
 * LEASE_MS − STALE_AFTER_MS) and takes the job over, instead of being sent
 * away to come back later.
 */
export const STALE_AFTER_MS = 2 * RENEW_EVERY_MS
/** A job not finished this long after it was due is sent again. */
export const RESEND_AFTER_MS = 2 * 60_000
/** After this many event sends the job is dropped and the log marked as failed. */
export const MAX_DELIVERIES = 10

export interface JobOptions {
  kind?: JobKind
  changedAt?: string | null
  stockOnly?: boolean
  sentAt?: string | null
}

export const newJob = (
  id: string,
  logId: string,
  now: string,
  options: JobOptions = {}
): Job => ({
  id,
  logId,
  kind: options.kind ?? 'REPROCESS',
  changedAt: options.changedAt ?? null,
  stockOnly: options.stockOnly ?? false,
  createdAt: now,
  sentAt: options.sentAt ?? null,
  deliveries: options.sentAt ? 1 : 0,
  claimedUntil: null,
  owner: null,
  tries: 0,
  notBefore: null,
  lastError: null,
})

/**
 * Export jobs have ids derived from the change, so the same notification
 * delivered twice maps to the same job and is queued once.
 */
export const exportJobId = (logId: string, changedAt: string) =>
  `x.${logId.replace(/:/g, '.')}.${Date.parse(changedAt)}`

export const isClaimed = (job: Job, now: number) =>
  job.claimedUntil != null && Date.parse(job.claimedUntil) > now

/** How long the job's claim still runs (0 when unclaimed). */
export const claimLeftMs = (job: Job, now: number) =>
  job.claimedUntil ? Math.max(0, Date.parse(job.claimedUntil) - now) : 0

/**
 * Why a delivery may not work a job now: another handler holds a live claim
 * (CLAIMED: deliver again later, the claim runs out within LEASE_MS if its
 * holder died), a claim its holder stopped renewing (STALE: wait for it to
 * run out, then take over), or a retry is scheduled for later (NOT_DUE:
 * the retry's own event, or the sweep, will come). Null when it may.
 */
export function claimRefusal(
  job: Job,
  now: number
): 'CLAIMED' | 'STALE' | 'NOT_DUE' | null {
  if (isClaimed(job, now))
    return claimLeftMs(job, now) <= LEASE_MS - STALE_AFTER_MS
      ? 'STALE'
      : 'CLAIMED'
  if (job.notBefore && Date.parse(job.notBefore) > now) return 'NOT_DUE'

  return null
}

/** The claim extended by a live handler (same owner). */
export const renewLease = (job: Job, now: number): Job => ({
  ...job,
  claimedUntil: new Date(now + LEASE_MS).toISOString(),
})

/**
 * The answer to a delivery that met a live claim: not an acknowledgement,
 * so the events bus delivers it again later (IO events are at-least-once
 * with retries); by then the job is done, or its holder's claim ran out.
 */
export class JobBusy extends Error {
  /** HTTP status the event runtime answers: 503, try again later. */
  public readonly status = 503
  /** @vtex/api logs it as a warning, not an error. */
  public readonly level = 'warn'

  constructor(jobId: string, until: string | null) {
    super(
      `Job ${jobId} is being worked by another handler (claim until ${until}); deliver again later.`
    )
    this.name = 'JobBusy'
  }
}

/** Returns the claimed job, or null when another handler holds it or it is not due. */
export function claim(
  job: Job,
  now: number,
  owner = Math.random().toString(36).slice(2, 12)
): Job | null {
  if (claimRefusal(job, now)) return null

  return { ...job, claimedUntil: new Date(now + LEASE_MS).toISOString(), owner }
}

export const markSent = (job: Job, now: number): Job => ({
  ...job,
  sentAt: new Date(now).toISOString(),
  deliveries: job.deliveries + 1,
})

/** Schedules the next try after a transient failure and releases the claim. */
export const scheduleRetry = (
  job: Job,
  now: number,
  delayMs: number,
  error: string
): Job => ({
  ...job,
  tries: job.tries + 1,
  notBefore: new Date(now + delayMs).toISOString(),
  claimedUntil: null,
  lastError: error,
})

/**
 * A job needs its event sent (again) when it was never sent, or when it has
 * been due (sent, or its retry time reached) for RESEND_AFTER_MS without
 * anybody finishing it: its event or the process that held it was lost.
 */
export function needsResend(job: Job, now: number): boolean {
  if (isClaimed(job, now)) return false
  if (job.sentAt == null) return true
  const due = Math.max(
    Date.parse(job.sentAt),
    job.notBefore ? Date.parse(job.notBefore) : 0
  )

  return now - due >= RESEND_AFTER_MS
}

export const exhausted = (job: Job) => job.deliveries >= MAX_DELIVERIES

/**
 * Exponential backoff with "equal jitter": half of min(cap, base·2^n) fixed,
 * half random. The fixed half guarantees the retries span a known minimum
 * time (1 s base, 20 s cap, 10 tries: at least 55 s), the random half keeps
 * failing writers from retrying in lockstep. `random` is injected for tests.
 */
export function backoffMs(
  attempt: number,
  baseMs = 100,
  capMs = 30_000,
  random = Math.random
) {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt))

  return Math.floor(ceiling / 2 + random() * (ceiling / 2))
}

/** Retry-After (seconds or an HTTP date) in ms from now; null when absent or unreadable. */
export function retryAfterMs(
  header: string | null | undefined,
  now: number
): number | null {
  if (header == null || header === '') return null
  const seconds = Number(header)

  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(header)

  return Number.isNaN(at) ? null : Math.max(0, at - now)
}
