import type { LogKey, Outcome } from '../domain/log'
import { recordOutcome } from '../domain/log'
import type { LogStore } from '../services/logStore'

export const T0 = Date.UTC(2026, 10, 20, 10, 0)

/** Writes one outcome of a log through the store (as the queue records one). */
export function seedLog(
  logs: LogStore,
  key: LogKey,
  status: 'SUCCESS' | 'ERROR',
  message = status === 'ERROR' ? 'HTTP 400: SKU 1001 has no price' : 'Accepted'
) {
  const outcome: Outcome = {
    status,
    message,
    origin: null,
    at: new Date(T0).toISOString(),
    trigger: 'CHANGE',
  }

  return logs.update(key, (cur) =>
    recordOutcome(cur, key, { entityId: key.entityId }, outcome)
  )
}

/** The GraphQL error contract of what `run` threw: extensions { code, reason, fields }. */
export async function contractOf(run: () => Promise<unknown>) {
  try {
    await run()
  } catch (e) {
    return (e as { extensions?: unknown }).extensions ?? e
  }

  throw new Error('expected the resolver to refuse')
}
