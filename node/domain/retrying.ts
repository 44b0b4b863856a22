import type { ErrorOrigin, IntegrationLog, LogKey, RetryState } from './log'
import { boundOrigin, firstLog, truncate } from './log'

/**
 * An export failed transiently and will be tried again: the log shows it as
 * QUEUED with the retry state (created when this is the entity's first
 * export). Its status, message, origin and payload say what is being retried; the
 * history, attempts and change time stay as they were until the outcome is
 * recorded (a change time written here would read as "already recorded" to
 * the next try). A reprocess waiting in the queue is left alone.
 */
export function markRetrying(
  current: IntegrationLog | null,
  key: LogKey,
  payload: unknown,
  retry: RetryState,
  at: string,
  origin: ErrorOrigin | null = null
): IntegrationLog | null {
  if (current?.status === 'QUEUED' && current.jobId) return null
  const base = current ?? firstLog(key, 'QUEUED', payload, at)

  return {
    ...base,
    status: 'QUEUED',
    message: truncate(retry.lastError ?? base.message, 4096),
    // What the failing attempt sent and got back (the history keeps the rest).
    origin: origin ? boundOrigin(origin) : base.origin,
    payload,
    // A retried export supersedes what a pending or alerting outcome asked for.
    pending: null,
    alert: null,
    queuedAt: base.queuedAt ?? at,
    retry: {
      ...retry,
      lastError:
        retry.lastError == null ? null : truncate(retry.lastError, 1024),
    },
  }
}
