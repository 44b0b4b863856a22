import { backoffMs } from '../domain/queue'
import { DomainError } from '../domain/errors'
import { isPreconditionFailed } from './storage'

export const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms))

export const MAX_WRITE_ATTEMPTS = 12

/**
 * Runs an optimistic read-modify-write until it commits. `attempt` must read,
 * compute and write with If-Match; a PreconditionFailed means somebody else
 * wrote in between, so we back off (with jitter, so writers spread out) and
 * redo the whole cycle from a fresh read.
 */
export async function withOptimisticRetry<T>(
  what: string,
  attempt: () => Promise<T>,
  wait: (ms: number) => Promise<void> = sleep
): Promise<T> {
  // Attempts re-run from a fresh read; the jittered wait spreads colliding writers.
  for (let n = 0; ; n++) {
    try {
      return await attempt()
    } catch (e) {
      if (!isPreconditionFailed(e)) throw e
      if (n + 1 >= MAX_WRITE_ATTEMPTS) {
        throw new DomainError(
          'CONFLICT',
          `${what}: still conflicting after ${MAX_WRITE_ATTEMPTS} attempts; nothing was lost, try again.`
        )
      }

      await wait(backoffMs(n, 10, 500))
    }
  }
}
