import { DomainError } from '../domain/errors'
import {
  STATS_SHARDS,
  docPath,
  indexPaths,
  indexPrefix,
  orderKey,
  parseIndexPath,
  randomShard,
  statsPath,
} from '../domain/layout'
import type {
  IntegrationLog,
  LogKey,
  LogStatus,
  LogSummary,
} from '../domain/log'
import { parseLogId, summarize } from '../domain/log'
import { decodeCursor, encodeCursor } from '../domain/pagination'
import type { StatsChange, TabStats } from '../domain/stats'
import {
  applyStatsChange,
  changesStats,
  countFor,
  emptyStats,
  mergeStats,
  overviewOf,
} from '../domain/stats'
import type { Tab } from '../domain/tabs'
import { GroupCommit } from './groupCommit'
import { withOptimisticRetry } from './retry'
import type { KeyValueStore, StoredFile } from './storage'

export interface ListQuery {
  tab: Tab
  status?: LogStatus | null
  marketplace?: string | null
  first: number
  after?: string | null
}

export interface LogPage {
  data: LogSummary[]
  total: number
  endCursor: string | null
  hasNextPage: boolean
}

/** Parallel reads per page: enough to hide latency, polite to VBase. */
const READ_CONCURRENCY = 10

async function mapLimited<T, R>(
  items: T[],
  limit: number,
  fn: (t: T) => Promise<R>
) {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++

      out[i] = await fn(items[i])
    }
  }

  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker)
  )

  return out
}

const keyOf = (log: IntegrationLog): LogKey => ({
  tab: log.tab,
  marketplace: log.marketplace,
  entityId: log.entityId,
})

const indexOf = (log: IntegrationLog) =>
  indexPaths(
    log.tab,
    log.status,
    log.marketplace,
    log.entityId,
    log.processedAt
  )

/**
 * Integration logs in VBase. Every document write is a read-modify-write with
 * If-Match (or create-if-absent), retried on conflict, so concurrent writers
 * never lose an update. Index entries are written before the old ones are
 * deleted: a crash in between leaves a stale entry, which readers recognise
 * (its order or status no longer matches the document) and skip.
 */
/** One per process: concurrent count changes of a tab are written together. */
const statsCommits = new GroupCommit<StatsChange>()

export class LogStore {
  /**
   * `scope` names the account and workspace the store belongs to, so the
   * count changes of concurrent requests of one store can be grouped.
   */
  constructor(
    private readonly kv: KeyValueStore,
    private readonly scope = 'default'
  ) {}

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
   * Applies `change` to the current document (null when absent) and commits it.
   * `change` may run several times (once per conflict) and must be pure; it
   * returns null to write nothing. Returns the committed document, or null.
   * `known` is a version just read (getFile): the first attempt uses it
   * instead of reading again; a conflict falls back to fresh reads.
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
        const after = change(before)

        if (!after) return null
        await this.kv.put(
          path,
          after,
          file ? { ifMatch: file.etag } : { ifAbsent: true }
        )

        return { before, after }
      }
    )

    if (!committed) return null
    await this.afterWrite(committed.before, committed.after)

    return committed.after
  }

  /** Removes a log. Returns false when it did not exist. */
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

    if (!removed) return false
    await this.afterWrite(removed, null)

    return true
  }

  async list(query: ListQuery): Promise<LogPage> {
    const prefix = indexPrefix(query.tab, query.status, query.marketplace)
    const data: LogSummary[] = []
    let cursor = decodeCursor(query.after)
    let hasNextPage = false

    // Stale index entries are skipped, so a page may need a second listing.
    for (let round = 0; round < 5 && data.length < query.first; round++) {
      const want = query.first - data.length
      const page = await this.kv.list(prefix, { limit: want, next: cursor })
      const rows = await mapLimited(page.paths, READ_CONCURRENCY, (p) =>
        this.resolveEntry(query, p)
      )

      for (const row of rows) if (row) data.push(row)
      cursor = page.next ?? undefined
      hasNextPage = page.next != null
      if (!hasNextPage) break
    }

    const stats = await this.stats(query.tab)

    return {
      data,
      total: countFor(stats, query.status, query.marketplace),
      endCursor: hasNextPage && cursor ? encodeCursor(cursor) : null,
      hasNextPage,
    }
  }

  async overview(tab: Tab) {
    return overviewOf(await this.stats(tab))
  }

  private async resolveEntry(
    query: ListQuery,
    path: string
  ): Promise<LogSummary | null> {
    const entry = parseIndexPath(path)

    if (!entry) return null
    const log = await this.getByKey({
      tab: query.tab,
      marketplace: entry.marketplace,
      entityId: entry.entityId,
    })

    if (!log) return null
    if (orderKey(log.processedAt) !== entry.order) return null
    if (query.status && log.status !== query.status) return null

    return summarize(log)
  }

  /** The tab's counts: its shards read in parallel and added up. */
  private async stats(tab: Tab): Promise<TabStats> {
    const shards = await Promise.all(
      Array.from({ length: STATS_SHARDS }, (_, i) =>
        this.kv.get<TabStats>(statsPath(tab, i))
      )
    )

    return mergeStats(shards.map((f) => f?.data ?? emptyStats()))
  }

  private async afterWrite(
    before: IntegrationLog | null,
    after: IntegrationLog | null
  ) {
    const oldPaths = before ? indexOf(before) : []
    const newPaths = after ? indexOf(after) : []
    const added = newPaths.filter((p) => !oldPaths.includes(p))
    const dropped = oldPaths.filter((p) => !newPaths.includes(p))
    const ref = after ?? before

    if (!ref) return
    await Promise.all(added.map((p) => this.kv.put(p, { id: ref.id })))
    await Promise.all(dropped.map((p) => this.kv.delete(p)))

    const { tab, marketplace } = keyOf(ref)
    const change = {
      marketplace,
      from: before?.status ?? null,
      to: after?.status ?? null,
      abnormalFrom: Boolean(before?.abnormal),
      abnormalTo: Boolean(after?.abnormal),
    }

    if (!changesStats(change)) return
    await statsCommits.add(`${this.scope}/${tab}`, change, (batch) =>
      withOptimisticRetry(`Updating counts of ${tab}`, async () => {
        const path = statsPath(tab, randomShard()) // a new shard on every conflict
        const file = await this.kv.get<TabStats>(path)
        const next = batch.reduce(applyStatsChange, file?.data ?? emptyStats())

        await this.kv.put(
          path,
          next,
          file ? { ifMatch: file.etag } : { ifAbsent: true }
        )
      })
    )
  }
}

export const notFound = (id: string) =>
  new DomainError('NOT_FOUND', `Log ${id} was not found.`)
