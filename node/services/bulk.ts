import type { BulkAction, BulkRequest, ChunkResult } from '../domain/bulk'
import {
  CHUNK,
  applyChunk,
  cancelBulk,
  claimBulk,
  markBulkSent,
  needsResend,
  newBulkAction,
  resumeBulk,
} from '../domain/bulk'
import { DomainError } from '../domain/errors'
import { BULK_PREFIX, bulkPath, orderKeyOfMs } from '../domain/layout'
import type { LogKey } from '../domain/log'
import { parseLogId } from '../domain/log'
import type { Tab } from '../domain/tabs'
import type { LogFilter, LogStore } from './logStore'
import { parseLogFilter } from './logStore'
import { withOptimisticRetry } from './retry'
import type { KeyValueStore, StoredFile } from './storage'

export interface BulkDeps {
  kv: KeyValueStore
  logs: LogStore
  /** Queues one error log (BridgeQueue.queueOne). */
  queueOne: (key: LogKey) => Promise<{ result: string }>
  /** Sends the event that runs the action's next chunk. */
  dispatch: (bulkId: string) => Promise<void>
  now?: () => number
}

/** Logs acted on at once inside a chunk. */
const CONCURRENCY = 10

const token = () => Math.random().toString(36).slice(2, 10)

export const bulkNotFound = (id: string) =>
  new DomainError('NOT_FOUND', `Bulk action ${id} was not found.`)

/** Runs bulk actions chunk by chunk (domain/bulk.ts has the rules). */
export class BulkRunner {
  private readonly now: () => number

  constructor(private readonly deps: BulkDeps) {
    this.now = deps.now ?? Date.now
  }

  private iso() {
    return new Date(this.now()).toISOString()
  }

  private filterOf(action: BulkAction): LogFilter {
    return parseLogFilter({ ...action.filter, tab: action.tab })
  }

  /** Validates, stores and starts an action. Bad input changes nothing. */
  async start(request: BulkRequest): Promise<BulkAction> {
    const id = `${orderKeyOfMs(this.now())}-${token()}`
    const draft = newBulkAction(id, request, null, this.iso())
    let action = draft

    if (draft.filter) {
      const filter = this.filterOf(draft)

      // Lists one row: refuses a bad filter before anything is written.
      await this.deps.logs.list({ ...filter, first: 1 })
      action = { ...draft, total: await this.deps.logs.count(filter) }
    }

    await this.deps.kv.put(bulkPath(id), action, { ifAbsent: true })
    await this.send(id)

    return (await this.get(id)) ?? action
  }

  async get(id: string): Promise<BulkAction | null> {
    return (await this.file(id))?.data ?? null
  }

  private file(id: string) {
    if (!/^\d{13}-[a-z0-9]+$/.test(id)) throw bulkNotFound(id)

    return this.deps.kv.get<BulkAction>(bulkPath(id))
  }

  /** The newest actions of a tab (ids sort newest first). */
  async recent(tab: Tab, limit = 5): Promise<BulkAction[]> {
    const page = await this.deps.kv.list(BULK_PREFIX, { limit: 50 })
    const docs = await Promise.all(
      page.paths.map((p) => this.deps.kv.get<BulkAction>(p))
    )

    return docs
      .map((d) => d?.data)
      .filter((a): a is BulkAction => Boolean(a && a.tab === tab))
      .slice(0, limit)
  }

  private async change(id: string, fn: (a: BulkAction) => BulkAction) {
    return withOptimisticRetry(`Updating bulk action ${id}`, async () => {
      const file = await this.file(id)

      if (!file) throw bulkNotFound(id)
      const next = fn(file.data)

      await this.deps.kv.put(bulkPath(id), next, { ifMatch: file.etag })

      return next
    })
  }

  cancel(id: string) {
    return this.change(id, (a) => cancelBulk(a, this.iso()))
  }

  async resume(id: string) {
    await this.change(id, (a) => resumeBulk(a, this.iso()))
    await this.send(id)

    return (await this.get(id))!
  }

  /** Sends the next chunk's event; a failed send is left to the sweep. */
  private async send(id: string) {
    try {
      await this.deps.dispatch(id)
    } catch {
      return
    }

    await this.change(id, (a) => markBulkSent(a, this.iso())).catch(
      () => undefined
    )
  }

  /**
   * The event handler: claims the action, works one chunk, commits progress,
   * sends the next event. Duplicate or late events find the lease taken or
   * the action finished and do nothing.
   */
  async runChunk(id: string): Promise<'done' | 'more' | 'busy' | 'missing'> {
    const owner = token()
    // A 412 here is usually a bookkeeping write (the send counter), not a
    // rival handler: read again; a rival's lease shows up as "busy".
    const claimed = await withOptimisticRetry(`Claiming ${id}`, async () => {
      const file = await this.file(id)

      if (!file) return 'missing' as const
      const next = claimBulk(file.data, this.now(), owner)

      if (!next) return 'busy' as const
      await this.deps.kv.put(bulkPath(id), next, { ifMatch: file.etag })

      return next
    })

    if (claimed === 'missing' || claimed === 'busy') return claimed
    const held = claimed
    const etag = (await this.file(id))!.etag

    const result = await this.work(held)
    const committed = await this.commit(id, owner, result, { data: held, etag })

    if (committed.status !== 'RUNNING') return 'done'
    await this.send(id)

    return 'more'
  }

  /** Writes the chunk's progress; a cancel that came meanwhile is kept. */
  private async commit(
    id: string,
    owner: string,
    result: ChunkResult,
    known: StoredFile<BulkAction>
  ) {
    let file: StoredFile<BulkAction> | null = known

    return withOptimisticRetry(`Saving progress of ${id}`, async () => {
      const current = file ?? (await this.file(id))

      file = null
      if (!current) throw bulkNotFound(id)
      if (current.data.owner !== owner && current.data.status === 'RUNNING') {
        // Our lease ran out and another handler took over: its work counts.
        return current.data
      }

      const next = applyChunk(current.data, result, this.iso())
      const kept =
        current.data.status === 'CANCELED'
          ? { ...next, status: current.data.status }
          : next

      await this.deps.kv.put(bulkPath(id), kept, { ifMatch: current.etag })

      return kept
    })
  }

  private async work(action: BulkAction): Promise<ChunkResult> {
    let ids: string[]
    let cursor: string | null = null
    let { position } = action
    let finished: boolean

    if (action.ids) {
      ids = action.ids.slice(position, position + CHUNK)
      position += ids.length
      finished = position >= action.ids.length
    } else {
      const page = await this.deps.logs.list({
        ...this.filterOf(action),
        first: CHUNK,
        after: action.cursor,
      })

      ids = page.data.map((r) => r.id)
      cursor = page.endCursor
      finished = !page.hasNextPage
    }

    const result = {
      succeeded: 0,
      skipped: 0,
      failed: 0,
      lastError: null as string | null,
    }

    let next = 0
    const worker = async () => {
      while (next < ids.length) {
        const logId = ids[next++]

        try {
          const done =
            action.action === 'REMOVE'
              ? await this.deps.logs.remove(logId)
              : (await this.deps.queueOne(parseLogId(logId))).result ===
                'QUEUED'

          if (done) result.succeeded++
          else result.skipped++
        } catch (e) {
          result.failed++
          result.lastError = `${logId}: ${
            e instanceof Error ? e.message : String(e)
          }`
        }
      }
    }

    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker)
    )

    return { ...result, cursor, position, finished }
  }

  /** Re-sends running actions that went quiet (lost event, restarted handler). */
  async sweep(): Promise<number> {
    const page = await this.deps.kv.list(BULK_PREFIX, { limit: 50 })
    let resent = 0

    for (const path of page.paths) {
      const doc = await this.deps.kv.get<BulkAction>(path)

      if (doc && needsResend(doc.data, this.now())) {
        await this.send(doc.data.id)
        resent++
      }
    }

    return resent
  }
}
