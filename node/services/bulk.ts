import type { BulkAction, BulkRequest } from '../domain/bulk'
import {
  cancelBulk,
  claimBulk,
  markBulkSent,
  needsResend,
  newBulkAction,
  resumeBulk,
} from '../domain/bulk'
import { MAX_PENDING_JOBS, nextChunk } from '../domain/bulkPace'
import { DomainError } from '../domain/errors'
import { BULK_PREFIX, bulkPath, orderKeyOfMs } from '../domain/layout'
import type { LogKey } from '../domain/log'
import { parseLogId } from '../domain/log'
import type { Tab } from '../domain/tabs'
import { chunksOf, filterOf, workChunk } from './bulkChunks'
import { ProgressChain } from './bulkProgress'
import type { LogStore } from './logStore'
import { sleep, withOptimisticRetry } from './retry'
import type { KeyValueStore } from './storage'

export interface BulkDeps {
  kv: KeyValueStore
  logs: LogStore
  /** Queues one error log (BridgeQueue.queueOne). */
  queueOne: (key: LogKey) => Promise<{ result: string }>
  /** Sends the event that runs the action's next chunks. */
  dispatch: (bulkId: string) => Promise<void>
  /**
   * How many jobs are pending in the queue, counted up to `limit` (a
   * reprocess waits while there are MAX_PENDING_JOBS); absent: never waits.
   */
  pendingJobs?: (limit: number) => Promise<number>
  now?: () => number
  /** Waits (real time by default). */
  wait?: (ms: number) => Promise<void>
}

/** How often a reprocess waiting for the queue looks at it again. */
const POLL_MS = 200

const token = () => Math.random().toString(36).slice(2, 10)

export const bulkNotFound = (id: string) =>
  new DomainError('NOT_FOUND', `Bulk action ${id} was not found.`)

/** Runs bulk actions chunk by chunk (domain/bulk.ts has the rules). */
export class BulkRunner {
  private readonly now: () => number
  private readonly wait: (ms: number) => Promise<void>

  constructor(private readonly deps: BulkDeps) {
    this.now = deps.now ?? Date.now
    this.wait = deps.wait ?? sleep
  }

  private iso() {
    return new Date(this.now()).toISOString()
  }

  /** Validates, stores and starts an action. Bad input changes nothing. */
  async start(request: BulkRequest): Promise<BulkAction> {
    const id = `${orderKeyOfMs(this.now())}-${token()}`
    const draft = newBulkAction(id, request, null, this.iso())
    let action = draft

    if (draft.filter) {
      const filter = filterOf(draft)

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
   * The event handler: claims the action, works chunks several at once
   * (domain/bulk.ts nextChunk decides when to start one), commits their
   * progress in order, gives the lease back and sends the next event.
   * Duplicate or late events find the lease taken or the action finished
   * and do nothing.
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
    const progress = new ProgressChain(this.deps.kv, id, owner, () =>
      this.iso()
    )

    try {
      await this.workChunks(claimed, progress)
    } catch (e) {
      // Give the lease back so the redelivery of this event goes on at once.
      await progress.release().catch(() => undefined)
      throw e
    }

    const released = await progress.release()

    if (released?.status !== 'RUNNING') return 'done'
    await this.deps.dispatch(id).catch(() => undefined) // else the sweep re-sends it

    return 'more'
  }

  /** Starts chunks while nextChunk says so; waits for every one it started. */
  private async workChunks(action: BulkAction, progress: ProgressChain) {
    const startedAt = this.now()
    const take = chunksOf(action, (query) => this.deps.logs.list(query))
    const running = new Set<Promise<void>>()
    const act = (logId: string) =>
      action.action === 'REMOVE'
        ? this.deps.logs.remove(logId)
        : this.deps
            .queueOne(parseLogId(logId))
            .then((r) => r.result === 'QUEUED')

    let exhausted = false
    const timing = { slowestChunkMs: 0 }
    const state = (pendingJobs: number | null) => ({
      elapsedMs: this.now() - startedAt,
      slowestChunkMs: timing.slowestChunkMs,
      stopped: progress.stopped,
      exhausted,
      running: running.size,
      pendingJobs,
    })

    let failure: Error | null = null

    try {
      for (;;) {
        let gate = nextChunk(state(null))

        // A reprocess also waits for the queue (asked only when it matters).
        if (
          gate === 'START' &&
          action.action === 'REPROCESS' &&
          this.deps.pendingJobs
        )
          gate = nextChunk(state(await this.deps.pendingJobs(MAX_PENDING_JOBS)))
        if (gate === 'STOP') break
        if (gate === 'WAIT') {
          await (running.size ? Promise.race(running) : this.wait(POLL_MS))
          continue
        }

        const chunk = await take()

        if (!chunk) {
          exhausted = true
          continue
        }

        exhausted = chunk.last
        const begun = this.now()
        const committed = progress.add(
          workChunk(chunk, act).finally(() => {
            timing.slowestChunkMs = Math.max(
              timing.slowestChunkMs,
              this.now() - begun
            )
          })
        )

        running.add(committed)
        committed.then(
          () => running.delete(committed),
          () => running.delete(committed)
        )
      }
    } catch (e) {
      failure = e instanceof Error ? e : new Error(String(e))
    }

    // Every chunk started is finished and committed (or not, after a
    // failure) before the lease goes back.
    const settled = await Promise.allSettled([...running])
    const rejected = settled.find(
      (r): r is PromiseRejectedResult => r.status === 'rejected'
    )

    if (failure) throw failure
    if (rejected) throw rejected.reason
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
