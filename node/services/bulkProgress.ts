import type { BulkAction, ChunkResult } from '../domain/bulk'
import { applyChunk, holdsBulk, releaseBulk } from '../domain/bulk'
import { bulkPath } from '../domain/layout'
import { withOptimisticRetry } from './retry'
import type { KeyValueStore } from './storage'

/**
 * The progress an event commits on its bulk action, one write per chunk
 * (If-Match on a fresh read, so a cancel written meanwhile is seen and
 * kept). Chunks are worked at once but committed in the order they
 * started, so the cursor never passes a chunk whose logs were not counted:
 * after any commit, `processed` is exactly the logs of the chunks before the
 * cursor. Once a commit fails or finds the lease taken over, no later chunk
 * of this event commits (a redelivery redoes them, harmlessly).
 */
export class ProgressChain {
  private tail: Promise<void> = Promise.resolve()
  /** Set when the action stopped, finished, was taken over, or a commit failed. */
  stopped = false
  private failure: Error | null = null

  constructor(
    private readonly kv: KeyValueStore,
    private readonly id: string,
    private readonly owner: string,
    private readonly now: () => string
  ) {}

  /** Queues the commit of a chunk being worked; resolves once it is committed. */
  add(result: Promise<ChunkResult>): Promise<void> {
    const committed = this.tail.then(async () => this.commit(await result))

    this.tail = committed.catch(() => undefined)

    return committed
  }

  private async commit(result: ChunkResult) {
    if (this.failure) throw this.failure
    try {
      await this.change((action) => applyChunk(action, result, this.now()))
    } catch (e) {
      this.failure = e instanceof Error ? e : new Error(String(e))
      this.stopped = true
      throw e
    }
  }

  /**
   * Gives the lease back (releaseBulk); the action as released, or null
   * when another handler holds it now.
   */
  release(): Promise<BulkAction | null> {
    return this.change((action) => releaseBulk(action, this.now()))
  }

  /** Read, check the lease, write with If-Match; null when the lease is lost. */
  private change(fn: (a: BulkAction) => BulkAction) {
    return withOptimisticRetry(`Saving progress of ${this.id}`, async () => {
      const file = await this.kv.get<BulkAction>(bulkPath(this.id))

      if (!file || !holdsBulk(file.data, this.owner)) {
        // Removed, or our lease ran out and another handler took over: its work counts.
        this.stopped = true

        return null
      }

      const next = fn(file.data)

      await this.kv.put(bulkPath(this.id), next, { ifMatch: file.etag })
      if (next.status !== 'RUNNING') this.stopped = true

      return next
    })
  }
}
