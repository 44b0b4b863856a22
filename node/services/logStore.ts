import type { ErrorGroup } from '../domain/counts'
import { causeStatus } from '../domain/causes'
import { countPlan, topCauses } from '../domain/counts'
import { docPath } from '../domain/layout'
import type { LogFilter } from '../domain/listPlan'
import { planListing } from '../domain/listPlan'
import type {
  IntegrationLog,
  LogKey,
  LogStatus,
  LogSummary,
} from '../domain/log'
import { parseLogId } from '../domain/log'
import type { RemovalMarker } from '../domain/removal'
import { isRemovalMarker } from '../domain/removal'
import { nextVersionTime, rowOf, summaryOf } from '../domain/rows'
import { overviewOf } from '../domain/stats'
import type { Tab } from '../domain/tabs'
import { Cleaner, eachLimited } from './cleaner'
import type { CountCheck } from './logCounts'
import { LogCounts } from './logCounts'
import { importLogs } from './logImport'
import { uploadIndex } from './logIndex'
import { latestRows, listRows } from './logListing'
import { removeLog } from './logRemoval'
import type { RepairLogger } from './selfCheck'
import { selfCheck } from './selfCheck'
import { withOptimisticRetry } from './retry'
import type { KeyValueStore, StoredFile } from './storage'

export type { FilterArgs, LogFilter } from '../domain/listPlan'
export { parseLogFilter } from '../domain/listPlan'
export type { ErrorGroup } from '../domain/counts'
export type { CountCheck } from './logCounts'
export type { RepairLogger } from './selfCheck'

export interface ListQuery extends LogFilter {
  first: number
  after?: string | null
}

export interface LogPage {
  data: LogSummary[]
  endCursor: string | null
  hasNextPage: boolean
}

export interface LogStoreOptions {
  /** The wait between attempts of a conflicting write (tests make it a scheduled step). */
  wait?: (ms: number) => Promise<void>
}

/** How long superseded entries stay before they are deleted (late writers). */
export const CLEANUP_DELAY_MS = 5_000

/**
 * Integration logs in VBase (docs/storage.md). One write of an outcome is
 * three calls: read the document (skipped when the caller hands its read
 * back), write it with If-Match, and one multi-file upload holding the new
 * index entries, tombstones for the replaced ones and the count change.
 * Lists read index folders only (rows are in the paths); counts are a folded
 * base plus the pending change files.
 */
export class LogStore {
  private readonly counts: LogCounts
  /**
   * This store's background deletes. One per store, and the composition
   * root builds one store per request (composition/root.ts), so a request's
   * deletes run 5 s after its writes, in that request's cleaner.
   */
  private readonly cleaner: Cleaner

  constructor(
    private readonly kv: KeyValueStore,
    private readonly now: () => number = Date.now,
    cleanupDelayMs = CLEANUP_DELAY_MS,
    private readonly options: LogStoreOptions = {}
  ) {
    this.counts = new LogCounts(kv, options.wait)
    this.cleaner = new Cleaner(kv, cleanupDelayMs)
  }

  async get(id: string): Promise<IntegrationLog | null> {
    return this.getByKey(parseLogId(id))
  }

  async getByKey(key: LogKey): Promise<IntegrationLog | null> {
    return (await this.getFile(key))?.data ?? null
  }

  /** The document with its ETag, to hand back to update() and save a read. Null while removed. */
  async getFile(key: LogKey): Promise<StoredFile<IntegrationLog> | null> {
    const file = await this.kv.get<IntegrationLog | RemovalMarker>(
      docPath(key.tab, key.marketplace, key.entityId)
    )

    return file && !isRemovalMarker(file.data)
      ? { data: file.data, etag: file.etag }
      : null
  }

  /**
   * Applies `change` to the current document (null when absent) and commits it
   * with If-Match. `change` may run several times (once per conflict) and must
   * be pure; it returns null to write nothing. `known` is a version just read
   * (getFile): the first attempt uses it instead of reading again.
   */
  async update(
    key: LogKey,
    change: (current: IntegrationLog | null) => IntegrationLog | null,
    known?: StoredFile<IntegrationLog> | null
  ): Promise<IntegrationLog | null> {
    const path = docPath(key.tab, key.marketplace, key.entityId)
    let first = known !== undefined
    const committed = await withOptimisticRetry(
      `Updating log ${path}`,
      async () => {
        const file = first
          ? known ?? null
          : await this.kv.get<IntegrationLog | RemovalMarker>(path)

        first = false
        // A removal's claim: the log is gone, a new outcome writes it anew.
        const claim = isRemovalMarker(file?.data) ? file!.data : null
        const before = claim ? null : (file?.data as IntegrationLog) ?? null
        const changed = change(before)

        if (!changed) return null
        const after: IntegrationLog = {
          ...changed,
          updatedAt: nextVersionTime(
            before?.updatedAt ?? claim?.at,
            this.now()
          ),
          previousRow: before ? rowOf(before) : null,
        }

        await this.kv.put(
          path,
          after,
          file ? { ifMatch: file.etag } : { ifAbsent: true }
        )

        return { before, after, claim }
      },
      this.options.wait
    )

    if (!committed) return null
    const { before, after, claim } = committed

    await uploadIndex(this.kv, this.cleaner, {
      tab: key.tab,
      doc: path,
      before: before
        ? { row: rowOf(before), previousRow: before.previousRow ?? null }
        : null,
      // Rows of a removal written over are hidden (never counted twice).
      hide: claim ? [claim.row, claim.previousRow] : [],
      after,
      atMs: Date.parse(after.updatedAt!),
    })

    return after
  }

  /**
   * Removes a log. True for the one caller that removed it; false when there
   * was nothing to remove or another removal has it (services/logRemoval.ts).
   */
  remove(id: string): Promise<boolean> {
    return removeLog(
      {
        kv: this.kv,
        now: this.now,
        cleaner: this.cleaner,
        wait: this.options.wait,
      },
      parseLogId(id)
    )
  }

  /** Waits for pending background deletes (tests, shutdown). */
  settle() {
    return this.cleaner.idle()
  }

  // ---------------------------------------------------------------- reading

  /** A page of rows, newest first, read from index folders only. */
  async list(query: ListQuery): Promise<LogPage & { calls: number }> {
    const page = await listRows(
      this.kv,
      query.tab,
      planListing(query),
      query.first,
      query.after
    )

    return {
      data: page.rows.map((r) => summaryOf(query.tab, r)),
      endCursor: page.endCursor,
      hasNextPage: page.hasNextPage,
      calls: page.calls,
    }
  }

  /** Every row of one id across marketplaces: one listing. */
  async lookup(tab: Tab, entityId: string): Promise<LogSummary[]> {
    return (await latestRows(this.kv, tab, entityId)).map((r) =>
      summaryOf(tab, r)
    )
  }

  /**
   * How many logs a filter matches, from the counts; null when the counts
   * cannot tell (search and date range).
   */
  async count(f: LogFilter): Promise<number | null> {
    const read = countPlan(f)

    return read ? read(await this.counts.stats(f.tab)) : null
  }

  async overview(tab: Tab) {
    return overviewOf(await this.counts.stats(tab))
  }

  /** Errors by cause, most frequent first. */
  async errorGroups(tab: Tab, limit = 20): Promise<ErrorGroup[]> {
    const { base, stats } = await this.counts.read(tab)

    return Promise.all(
      topCauses(stats, limit).map(async ([cause, count]) => ({
        cause,
        count,
        status: causeStatus(cause),
        text:
          base.causeText[cause] ?? (await this.counts.causeText(tab, cause)),
      }))
    )
  }

  // ------------------------------------------------------------ maintenance

  /** Folds pending count changes into the base. Returns how many were folded. */
  compact(tab: Tab): Promise<number> {
    return this.counts.compact(tab)
  }

  /** Compares a tab's counts with its rows and repairs drift (logCounts.ts). */
  checkCounts(tab: Tab, options?: { repair?: boolean; maxListings?: number }) {
    return this.counts.check(tab, options)
  }

  /**
   * Maintenance's self-check of every tab (services/selfCheck.ts): at most
   * every 10 minutes per process and account; a repair is logged.
   */
  selfCheck(logger?: RepairLogger): Promise<CountCheck[]> {
    return selfCheck(this.counts, this.kv.scope ?? '', this.now, logger)
  }

  /**
   * Removes up to `max` logs of a status last changed before `before`
   * (retention). Lists only the date range's cover, never the whole folder.
   */
  async expire(
    tab: Tab,
    status: LogStatus,
    before: string,
    max = 200
  ): Promise<number> {
    // Everything in the range is wanted: its (mostly empty) cover is listed at once.
    const page = await listRows(
      this.kv,
      tab,
      planListing({ tab, status, to: before }),
      max,
      null,
      { eager: true }
    )

    let removed = 0

    await eachLimited(page.rows, 4, async (row) => {
      if (await this.remove(summaryOf(tab, row).id)) removed++
    })

    return removed
  }

  /** Writes many new logs at once (services/logImport.ts). */
  importLogs(tab: Tab, logs: IntegrationLog[], chunk = 500) {
    return importLogs(this.kv, this.counts, tab, logs, chunk)
  }
}
