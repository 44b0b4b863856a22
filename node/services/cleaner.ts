import { isRemovalMarker } from '../domain/removal'
import { TOMBSTONE, isTombstone } from '../domain/rows'
import type { KeyValueStore } from './storage'

const DELETE_CONCURRENCY = 8

export async function eachLimited<T>(
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

/**
 * Deletes, a little later and in the background: superseded index entries
 * with their tombstones, and the claims of finished removals. Losing this (a
 * restart) only leaves hidden pairs and claims behind; a claim left behind
 * is finished by the next removal of that log once it is stale.
 */
export class Cleaner {
  private pending: string[] = []
  private claims: Array<{ path: string; claim: string }> = []
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> = Promise.resolve()

  constructor(
    private readonly kv: KeyValueStore,
    private readonly delayMs: number
  ) {}

  /** Entries first, then their tombstones, or a deleted tombstone would reveal its entry. */
  add(tombstones: string[]) {
    for (const t of tombstones) this.pending.push(t)
    this.schedule()
  }

  /** The claim a removal wrote over a document, deleted if it is still that claim. */
  release(path: string, claim: string) {
    this.claims.push({ path, claim })
    this.schedule()
  }

  private schedule() {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.running = this.flush()
    }, this.delayMs)
    this.timer.unref?.()
  }

  async flush() {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const tombstones = this.pending.filter(isTombstone)
    const { claims } = this

    this.pending = []
    this.claims = []
    const entries = tombstones.map((t) => t.slice(0, -TOMBSTONE.length))
    const swallow = (p: string) => this.kv.delete(p).catch(() => undefined)

    await eachLimited(entries, DELETE_CONCURRENCY, swallow)
    await eachLimited(tombstones, DELETE_CONCURRENCY, swallow)
    await eachLimited(claims, DELETE_CONCURRENCY, async ({ path, claim }) => {
      const file = await this.kv.get(path).catch(() => null)

      // A log written again over the claim (a new outcome) is kept.
      if (isRemovalMarker(file?.data) && file!.data.claim === claim)
        await this.kv.delete(path, { ifMatch: file!.etag }).catch(() => null)
    })
  }

  async idle() {
    await this.running
    await this.flush()
  }
}
