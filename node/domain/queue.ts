/**
 * Reprocess jobs. A job is written to VBase before its event is sent, so a
 * lost delivery loses nothing: a sweep re-sends jobs nobody has finished.
 * Events are at-least-once, so a handler first *claims* the job (a lease
 * written with If-Match); a second delivery of the same event sees the live
 * claim and does nothing.
 */
export interface Job {
  id: string
  logId: string
  createdAt: string
  /** When the event was last sent (first send or a sweep). */
  sentAt: string | null
  deliveries: number
  claimedUntil: string | null
}

/** How long a handler owns a job before another delivery may take it. */
export const LEASE_MS = 60_000
/** A job not finished this long after its last send is sent again. */
export const RESEND_AFTER_MS = 2 * 60_000
/** After this many sends the job is dropped and the log marked as failed. */
export const MAX_DELIVERIES = 10

export const newJob = (id: string, logId: string, now: string): Job => ({
  id,
  logId,
  createdAt: now,
  sentAt: null,
  deliveries: 0,
  claimedUntil: null,
})

export const isClaimed = (job: Job, now: number) =>
  job.claimedUntil != null && Date.parse(job.claimedUntil) > now

/** Returns the claimed job, or null when another handler holds it. */
export function claim(job: Job, now: number): Job | null {
  if (isClaimed(job, now)) return null
  return { ...job, claimedUntil: new Date(now + LEASE_MS).toISOString() }
}

export const markSent = (job: Job, now: number): Job => ({
  ...job,
  sentAt: new Date(now).toISOString(),
  deliveries: job.deliveries + 1,
})

/** A job needs its event sent (again) when it was never sent or went quiet. */
export function needsResend(job: Job, now: number): boolean {
  if (isClaimed(job, now)) return false
  if (job.sentAt == null) return true
  return now - Date.parse(job.sentAt) >= RESEND_AFTER_MS
}

export const exhausted = (job: Job) => job.deliveries >= MAX_DELIVERIES

/**
 * Exponential backoff with full jitter: a random wait in [0, min(cap, base·2^n)).
 * `random` is injected so tests are deterministic.
 */
export function backoffMs(attempt: number, baseMs = 100, capMs = 30_000, random = Math.random) {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt))
  return Math.floor(random() * ceiling)
}
