import type { Cause } from '../domain/causes'
import { causeOf } from '../domain/causes'
import { countPlan } from '../domain/counts'
import { DomainError, invalidArgument } from '../domain/errors'
import {
  causePath,
  docPath,
  entityFilter,
  filterPrefix,
  statsBasePath,
  statsDeltaPrefix,
} from '../domain/layout'
import type { LogFilter } from '../domain/listPlan'
import { planListing } from '../domain/listPlan'
import type {
  IntegrationLog,
  LogKey,
  LogStatus,
  LogSummary,
} from '../domain/log'
import { parseLogId, validateEntityId } from '../domain/log'
import type { Row } from '../domain/rows'
import {
  TOMBSTONE,
  entryPaths,
  indexChanges,
  isTombstone,
  leafOf,
  nextVersionTime,
  rowOf,
  summaryOf,
} from '../domain/rows'
import type { StatsBase, StatsChange, TabStats } from '../domain/stats'
import {
  applyStatsChange,
  changesStats,
  currentStats,
  emptyBase,
  emptyStats,
  encodeDelta,
  foldDeltas,
  overviewOf,
  sumStats,
} from '../domain/stats'
import type { Tab } from '../domain/tabs'
import { IndexSource, readMerged } from './indexReader'
import { listRows } from './logListing'
import { withOptimisticRetry } from './retry'
import type { KeyValueStore, StoredFile } from './storage'

export type { FilterArgs, LogFilter } from '../domain/listPlan'
export { parseLogFilter } from '../domain/listPlan'

export interface ListQuery extends LogFilter {
  first: number
  after?: string | null
}

export interface LogPage {
  data: LogSummary[]
  endCursor: string | null
  hasNextPage: boolean
}

export interface ErrorGroup {
  cause: string
  text: string
  count: number
}

/** How long superseded entries stay before they are deleted (late writers). */
export const CLEANUP_DELAY_MS = 5_000

/** Deltas a compaction folds at once (one listing). */
const COMPACT_BATCH = 1000

const DELETE_CONCURRENCY = 8

async function eachLimited<T>(
  items: T[],
  limit: number,
  fn: (t: T) => Promise<unknown>
) {
  let next = 0
  const worker = async () => {
    while (next < items.length) await fn(items[next++])
  }

  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker)
  )
}

const randomNonce = () => Math.random().toString(36).slice(2, 6).padEnd(4, '0')

/** Cause texts never change for an id: one read per process is enough. */
const causeTexts = new Map<string, string>()

/**
 * Superseded index entries and their tombstones, deleted a little later and
 * in the background. Losing this (a restart) only leaves hidden pairs behind.
 */
class Cleaner {
  private pending: string[] = []
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> = Promise.resolve()

  constructor(
    private readonly kv: KeyValueStore,
    private readonly delayMs: number
  ) {}

  /** Entries first, then their tombstones, or a deleted tombstone would reveal its entry. */
  add(tombstones: string[], extra: string[] = []) {
    for (const t of tombstones) this.pending.push(t)
    for (const p of extra) this.pending.push(p)
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.running = this.flush()
      }, this.delayMs)
      this.timer.unref?.()
    }
  }

  async flush() {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const batch = this.pending

    this.pending = []
    const tombstones = batch.filter(isTombstone)
    const others = batch.filter((p) => !isTombstone(p))
    const entries = tombstones.map((t) => t.slice(0, -TOMBSTONE.length))
    const swallow = (p: string) => this.kv.delete(p).catch(() => undefined)

    await eachLimited([...entries, ...others], DELETE_CONCURRENCY, swallow)
    await eachLimited(tombstones, DELETE_CONCURRENCY, swallow)
  }

  async idle() {
    await this.running
    await this.flush()
  }
}

const cleaners = new WeakMap<KeyValueStore, Cleaner>()

/**
 * Integration logs in VBase (docs/storage.md). One write of an outcome is
 * three calls: read the document (skipped when the caller hands its read
 * back), write it with If-Match, and one multi-file upload holding the new
 * index entries, tombstones for the replaced ones and the count change.
 * Lists read index folders only (rows are in the paths); counts are a folded
 * base plus the pending change files.
 */
export class LogStore {
  private readonly cleaner: Cleaner

  constructor(
    private readonly kv: KeyValueStore,
    private readonly now: () => number = Date.now,
    cleanupDelayMs = CLEANUP_DELAY_MS
  ) {
    let cleaner = cleaners.get(kv)

    if (!cleaner) {
      cleaner = new Cleaner(kv, cleanupDelayMs)
      cleaners.set(kv, cleaner)
    }

    this.cleaner = cleaner
  }

  async get(id: string): Promise<IntegrationLog | null> {
    return this.getByKey(parseLogId(id))
  }

  async getByKey(key: LogKey): Promise<IntegrationLog | null> {
    return (await this.getFile(key))?.data ?? null
  }

  /** The document with its ETag, to hand back to update() and save a read. */
  getFile(key: LogKey): Promise<StoredFile<IntegrationLog> | null> {
    return this.kv.get<IntegrationLog>(
      docPath(key.tab, key.marketplace, key.entityId)
    )
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
          : await this.kv.get<IntegrationLog>(path)

        first = false
        const before = file?.data ?? null
        const changed = change(before)

        if (!changed) return null
        const after: IntegrationLog = {
          ...changed,
          updatedAt: nextVersionTime(before?.updatedAt, this.now()),
          previousRow: before ? rowOf(before) : null,
        }

        await this.kv.put(
          path,
          after,
          file ? { ifMatch: file.etag } : { ifAbsent: true }
        )

        return { before, after }
      }
    )

    if (!committed) return null
    await this.writeIndex(key.tab, committed.before, committed.after)

    return committed.after
  }

  /**
   * Removes a log. Returns false when there was nothing to remove. A row left
   * behind by an interrupted removal (document gone, entries still listed) is
   * cleared too.
   */
  async remove(id: string): Promise<boolean> {
    const key = parseLogId(id)
    const path = docPath(key.tab, key.marketplace, key.entityId)
    const removed = await withOptimisticRetry(
      `Removing log ${id}`,
      async () => {
        const file = await this.kv.get<IntegrationLog>(path)

        if (!file) return null
        await this.kv.delete(path, { ifMatch: file.etag })

        return file.data
      }
    )

    if (removed) {
      await this.writeIndex(key.tab, removed, null)

      return true
    }

    return this.clearOrphans(key)
  }

  /** Rows of a log whose document is gone: tombstoned, and uncounted. */
  private async clearOrphans(key: LogKey) {
    const rows = (await this.lookupRows(key.tab, key.entityId)).filter(
      (r) => r.marketplace === key.marketplace
    )

    if (rows.length === 0) return false
    const files: Array<{ path: string; data: unknown }> = []
    const tombstones: string[] = []

    for (const row of rows) {
      for (const t of indexChanges(key.tab, null, [row]).tombstones) {
        tombstones.push(t)
        files.push({ path: t, data: {} })
      }
    }

    const [newest] = rows

    files.push(this.deltaFile(key.tab, this.changeOf(newest, null)))
    await this.kv.putMany(files)
    this.cleaner.add(tombstones)

    return true
  }

  private changeOf(before: Row | null, after: Row | null): StatsChange {
    const ref = (after ?? before)!

    return {
      marketplace: ref.marketplace,
      from: before?.status ?? null,
      to: after?.status ?? null,
      abnormalFrom: Boolean(before?.abnormal),
      abnormalTo: Boolean(after?.abnormal),
      causeFrom: before?.cause ?? null,
      causeTo: after?.cause ?? null,
    }
  }

  private deltaFile(tab: Tab, change: StatsChange) {
    return {
      path:
        statsDeltaPrefix(tab) + encodeDelta(change, this.now(), randomNonce()),
      data: {},
    }
  }

  /** One upload: new entries, tombstones, the count change, a new cause's text. */
  private async writeIndex(
    tab: Tab,
    before: IntegrationLog | null,
    after: IntegrationLog | null
  ) {
    const beforeRow = before ? rowOf(before) : null
    const afterRow = after ? rowOf(after) : null
    const { add, tombstones } = indexChanges(tab, afterRow, [
      beforeRow,
      before?.previousRow,
    ])

    const files: Array<{ path: string; data: unknown }> = [
      ...add.map((p) => ({ path: p, data: {} })),
      ...tombstones.map((p) => ({ path: p, data: {} })),
    ]

    const change = this.changeOf(beforeRow, afterRow)

    if (changesStats(change)) files.push(this.deltaFile(tab, change))
    if (after && afterRow?.cause && afterRow.cause !== beforeRow?.cause) {
      const cause: Cause = causeOf(after.message)

      files.push({ path: causePath(tab, cause.id), data: cause })
    }

    if (files.length === 0) return
    await this.kv.putMany(files)
    this.cleaner.add(tombstones)
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
    return (await this.lookupRows(tab, validateEntityId(entityId))).map((r) =>
      summaryOf(tab, r)
    )
  }

  private async lookupRows(tab: Tab, entityId: string) {
    const source = new IndexSource(this.kv, [
      filterPrefix(tab, entityFilter(entityId)),
    ])

    const page = await readMerged([source], 100, () => true, 4)
    const seen = new Set<string>()

    // Newest first: the first row of a marketplace is its latest version.
    return page.rows.filter((r) => {
      if (seen.has(r.marketplace)) return false
      seen.add(r.marketplace)

      return true
    })
  }

  /**
   * How many logs a filter matches, from the counts; null when the counts
   * cannot tell (search and date range).
   */
  async count(f: LogFilter): Promise<number | null> {
    const read = countPlan(f)

    return read ? read(await this.stats(f.tab)) : null
  }

  async overview(tab: Tab) {
    return overviewOf(await this.stats(tab))
  }

  /** Errors by cause, most frequent first. */
  async errorGroups(tab: Tab, limit = 20): Promise<ErrorGroup[]> {
    const { base, stats } = await this.readStats(tab)
    const top = Object.entries(stats.causes ?? {})
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)

    return Promise.all(
      top.map(async ([cause, count]) => ({
        cause,
        count,
        text: base.causeText[cause] ?? (await this.causeText(tab, cause)),
      }))
    )
  }

  private async causeText(tab: Tab, cause: string) {
    const cached = causeTexts.get(`${tab}/${cause}`)

    if (cached) return cached
    const file = await this.kv.get<Cause>(causePath(tab, cause))
    const text = file?.data.text ?? cause

    if (file) causeTexts.set(`${tab}/${cause}`, text)

    return text
  }

  /** Base + pending deltas: two calls while compaction keeps up. */
  private async readStats(tab: Tab) {
    const [baseFile, leaves] = await Promise.all([
      this.kv.get<StatsBase>(statsBasePath(tab)),
      this.deltaLeaves(tab, 20),
    ])

    const base = baseFile?.data ?? emptyBase()

    return { base, baseFile, leaves, stats: currentStats(base, leaves) }
  }

  private async stats(tab: Tab): Promise<TabStats> {
    return (await this.readStats(tab)).stats
  }

  private async deltaLeaves(tab: Tab, maxPages: number) {
    const leaves: string[] = []
    let next: string | undefined

    for (let i = 0; i < maxPages; i++) {
      const page = await this.kv.list(statsDeltaPrefix(tab), {
        limit: COMPACT_BATCH,
        next,
      })

      for (const p of page.paths) leaves.push(leafOf(p))
      if (!page.next) break
      next = page.next
    }

    return leaves
  }

  // ------------------------------------------------------------ maintenance

  /**
   * Folds pending count changes into the base (If-Match) and deletes them.
   * Safe to run concurrently and to repeat. Returns how many were folded.
   */
  async compact(tab: Tab): Promise<number> {
    const leaves = await this.deltaLeaves(tab, 1)

    if (leaves.length === 0) return 0
    await withOptimisticRetry(`Folding counts of ${tab}`, async () => {
      const file = await this.kv.get<StatsBase>(statsBasePath(tab))
      const base = file?.data ?? emptyBase()
      const texts: Record<string, string> = {}
      const folded = foldDeltas(base, leaves)

      for (const cause of Object.keys(folded.stats.causes ?? {})) {
        if (!base.causeText[cause])
          texts[cause] = await this.causeText(tab, cause)
      }

      await this.kv.put(
        statsBasePath(tab),
        { ...folded, causeText: { ...folded.causeText, ...texts } },
        file ? { ifMatch: file.etag } : { ifAbsent: true }
      )
    })

    await eachLimited(leaves, DELETE_CONCURRENCY, (leaf) =>
      this.kv.delete(statsDeltaPrefix(tab) + leaf).catch(() => undefined)
    )

    return leaves.length
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
    const page = await this.list({
      tab,
      status,
      to: before,
      first: max,
    })

    let removed = 0

    await eachLimited(page.data, 4, async (row) => {
      if (await this.remove(row.id)) removed++
    })

    return removed
  }

  /**
   * Writes many new logs at once (seed data, benchmark fill, imports into an
   * empty store): documents, entries and cause texts in uploads of `chunk`
   * logs, counts folded straight into the base. Not for logs that may exist.
   */
  async importLogs(tab: Tab, logs: IntegrationLog[], chunk = 500) {
    if (logs.length === 0) return
    let added = emptyStats()
    const texts: Record<string, string> = {}

    for (let i = 0; i < logs.length; i += chunk) {
      const files: Array<{ path: string; data: unknown }> = []

      for (const log of logs.slice(i, i + chunk)) {
        if (log.tab !== tab)
          throw invalidArgument(`Log ${log.id} is not in ${tab}.`)
        const doc = { ...log, updatedAt: log.updatedAt ?? log.processedAt }
        const row = rowOf(doc)

        files.push({
          path: docPath(tab, log.marketplace, log.entityId),
          data: doc,
        })
        for (const p of entryPaths(tab, row)) files.push({ path: p, data: {} })
        added = applyStatsChange(added, this.changeOf(null, row))
        if (row.cause && !texts[row.cause]) {
          const cause = causeOf(log.message)

          texts[cause.id] = cause.text
          files.push({ path: causePath(tab, cause.id), data: cause })
        }
      }

      await this.kv.putMany(files)
    }

    await withOptimisticRetry(`Counting imported logs of ${tab}`, async () => {
      const file = await this.kv.get<StatsBase>(statsBasePath(tab))
      const base = file?.data ?? emptyBase()
      const sum = sumStats([base.stats, added])

      await this.kv.put(
        statsBasePath(tab),
        { ...base, stats: sum, causeText: { ...base.causeText, ...texts } },
        file ? { ifMatch: file.etag } : { ifAbsent: true }
      )
    })
  }
}

export const notFound = (id: string) =>
  new DomainError('NOT_FOUND', `Log ${id} was not found.`)
