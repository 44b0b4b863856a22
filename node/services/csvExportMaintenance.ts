import { needsResend } from '../domain/bulk'
import type { CsvExport } from '../domain/csvExport'
import {
  MAX_RUNNING_EXPORTS,
  exportGivesUp,
  giveUpExport,
  isExpiredId,
  markResent,
} from '../domain/csvExport'
import {
  EXPORT_PREFIX,
  exportPartsPrefix,
  exportPath,
  exportSlotPath,
} from '../domain/csvExportPlan'
import { eachLimited } from './cleaner'
import type { KeyValueStore } from './storage'

/** Expired exports removed per maintenance pass (the next pass goes on). */
export const MAX_REMOVALS_PER_PASS = 5
/** Listing pages of export records read per pass (1,000 paths each). */
const MAX_LIST_PAGES = 5
const DELETES_AT_ONCE = 8

export interface ExportMaintenanceDeps {
  kv: KeyValueStore
  nowMs: number
  now: () => string
  send: (id: string) => Promise<void>
  change: (id: string, fn: (e: CsvExport) => CsvExport) => Promise<CsvExport>
}

/**
 * The CSV exports' share of the maintenance pass:
 * - a running export whose chunk event went quiet (lost event, handler that
 *   died; the bulk actions' rule `needsResend`) gets its event again; after
 *   MAX_EXPORT_RESENDS quiet re-sends it is FAILED with a reason. The running
 *   exports are the slots' holders: at most MAX_RUNNING_EXPORTS reads.
 * - expired exports (known from their ids, no read) lose their part files,
 *   then their record, at most MAX_REMOVALS_PER_PASS per pass.
 */
export async function maintainExports(d: ExportMaintenanceDeps) {
  let resent = 0
  let failed = 0

  for (const holder of await runningHolders(d.kv)) {
    if (!needsResend(holder, d.nowMs)) continue
    if (exportGivesUp(holder)) {
      await d.change(holder.id, (e) =>
        needsResend(e, d.nowMs) ? giveUpExport(e, d.now()) : e
      )
      failed++
      continue
    }

    await d.change(holder.id, (e) =>
      needsResend(e, d.nowMs) ? markResent(e) : e
    )
    await d.send(holder.id)
    resent++
  }

  const expired = await expiredIds(d.kv, d.nowMs)

  for (const id of expired.slice(0, MAX_REMOVALS_PER_PASS))
    await removeExport(d.kv, id)

  return {
    resent,
    failed,
    removed: Math.min(expired.length, MAX_REMOVALS_PER_PASS),
  }
}

async function runningHolders(kv: KeyValueStore): Promise<CsvExport[]> {
  const slots = await Promise.all(
    Array.from({ length: MAX_RUNNING_EXPORTS }, (_, i) =>
      kv.get<{ exportId: string }>(exportSlotPath(i))
    )
  )

  const ids = [...new Set(slots.map((s) => s?.data.exportId).filter(Boolean))]
  const docs = await Promise.all(
    ids.map((id) => kv.get<CsvExport>(exportPath(id!)))
  )

  return docs
    .map((doc) => doc?.data)
    .filter((e): e is CsvExport => e?.status === 'RUNNING')
}

/** Expired export ids, oldest first (the listing is newest first). */
async function expiredIds(kv: KeyValueStore, nowMs: number) {
  const ids: string[] = []
  let next: string | undefined

  for (let page = 0; page < MAX_LIST_PAGES; page++) {
    const listed = await kv.list(EXPORT_PREFIX, { limit: 1000, next })

    for (const path of listed.paths) {
      const id = path.slice(EXPORT_PREFIX.length)

      if (isExpiredId(id, nowMs)) ids.push(id)
    }

    if (!listed.next) break
    next = listed.next
  }

  return ids.reverse()
}

/** The parts first, the record last: a half-removed export is still expired, never served. */
export async function removeExport(kv: KeyValueStore, id: string) {
  let next: string | undefined

  do {
    const listed = await kv.list(exportPartsPrefix(id), { limit: 1000, next })

    await eachLimited(listed.paths, DELETES_AT_ONCE, (p) => kv.delete(p))
    next = listed.next ?? undefined
  } while (next)

  await kv.delete(exportPath(id))
}
