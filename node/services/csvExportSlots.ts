import type { CsvExport } from '../domain/csvExport'
import { MAX_RUNNING_EXPORTS } from '../domain/csvExport'
import { exportSlotPath, freeSlot } from '../domain/csvExportPlan'
import { DomainError } from '../domain/errors'
import { withOptimisticRetry } from './retry'
import type { KeyValueStore } from './storage'

interface Slot {
  exportId: string
}

export const tooManyExports = () =>
  new DomainError(
    'CONFLICT',
    `${MAX_RUNNING_EXPORTS} CSV exports are already running in this account; wait for one to finish or cancel one.`,
    'TOO_MANY_EXPORTS'
  )

/**
 * Takes a running-export slot for `exportId` (domain/csvExportPlan.ts
 * `freeSlot` decides which): an absent slot is created with If-None-Match,
 * a stale one (its export finished, failed, expired or gone) taken over with
 * If-Match; a rival's write in between is read again. TOO_MANY_EXPORTS when
 * every slot holds a running export: nothing is written.
 */
export function claimExportSlot(
  kv: KeyValueStore,
  exportId: string,
  exportOf: (id: string) => Promise<CsvExport | null>,
  nowMs: number
): Promise<number> {
  return withOptimisticRetry('Taking a CSV export slot', async () => {
    const slots = await Promise.all(
      Array.from({ length: MAX_RUNNING_EXPORTS }, (_, i) =>
        kv.get<Slot>(exportSlotPath(i))
      )
    )

    const holders = await Promise.all(
      slots.map((s) => (s ? exportOf(s.data.exportId).catch(() => null) : null))
    )

    const free = freeSlot(
      slots.map((s, i) => ({ taken: Boolean(s), holder: holders[i] })),
      nowMs
    )

    if (free < 0) throw tooManyExports()
    const current = slots[free]

    await kv.put<Slot>(
      exportSlotPath(free),
      { exportId },
      current ? { ifMatch: current.etag } : { ifAbsent: true }
    )

    return free
  })
}
