import { isTombstone, tombstoneOf } from '../domain/rows'
import type { KeyValueStore, ListPage } from './storage'

/**
 * Reads rows from index folders, newest first, dropping superseded entries
 * (an entry followed by its tombstone) without reading any document.
 *
 * A source walks a list of prefixes (one folder, or the cover of a date
 * range) with VBase's own listing token, kept as it is (opaque). Several
 * sources are merged by row order (mergedReader.ts; the "all statuses" view
 * is three folders). The cursor handed to the client records, per source,
 * where to list from (`t`), which already-seen paths to skip (`x`) and a live
 * entry still waiting to learn whether a tombstone follows (`h`), so a page
 * never re-reads more than one listing per source and stays correct while new
 * logs arrive (they sort before the cursor).
 */
export interface SourceState {
  /** Index of the prefix being listed. */
  p: number
  /** VBase cursor to list from (null: start of the prefix). */
  t: string | null
  /** Skip listed paths up to and including this one (already returned). */
  x: string | null
  /** A live entry listed before `t` and not returned yet. */
  h: string | null
  /** How many listed paths `x` stands for (the next listing asks for that many more). */
  n?: number
}

export const initialState = (): SourceState => ({
  p: 0,
  t: null,
  x: null,
  h: null,
})

/** Skipped paths beyond which a resumed listing first lists past them. */
const SKIP_AHEAD = 200

/** The last listing: where it started, and a held row it confirmed first. */
interface Batch {
  p: number
  start: string | null
  heldPath: string | null
  /** Position of each listed path in the listing. */
  positions: Map<string, number>
}

export class IndexSource {
  private queue: string[] = []
  private held: string | null
  private token: string | null
  private skipUpTo: string | null
  private prefixIndex: number
  private batch: Batch | null = null
  private lastTaken: string | null = null
  /** The held row when the last listing started (listed before it). */
  private carried: string | null = null
  private skipCount: number
  /** Prefixes listed at once when starting a prefix (grows while they are empty). */
  private lookahead = 1
  /** Whole pages of later prefixes listed ahead by this request, by prefix index. */
  private readonly listedAhead = new Map<number, ListPage>()
  public calls = 0

  /**
   * `eager`: list every prefix of the cover at once from the start (a sweep
   * that wants everything in the range, such as retention: one round trip
   * instead of one per doubling; each prefix is still listed once).
   */
  constructor(
    private readonly kv: KeyValueStore,
    private readonly prefixes: string[],
    state: SourceState = initialState(),
    private readonly eager = false
  ) {
    if (eager) this.lookahead = prefixes.length
    this.prefixIndex = state.p
    this.token = state.t
    this.skipUpTo = state.x
    this.held = state.h
    this.skipCount = state.n ?? 0
    // Nothing taken yet on this page: the last row returned is the cursor's.
    this.lastTaken = state.x
  }

  get exhausted() {
    return this.prefixIndex >= this.prefixes.length
  }

  get ready() {
    return this.queue.length > 0
  }

  /** True when nothing more can come from this source. */
  get done() {
    return this.queue.length === 0 && this.exhausted && !this.held
  }

  /** Listings the next fill makes at least (0 when it has what it needs). */
  get nextCalls() {
    if (this.queue.length > 0 || this.exhausted) return 0

    return this.token === null && this.listedAhead.has(this.prefixIndex) ? 0 : 1
  }

  peek(): string | null {
    return this.queue[0] ?? null
  }

  take(): string {
    const path = this.queue.shift()!

    this.lastTaken = path

    return path
  }

  /**
   * Lists more unless rows are waiting or nothing is left: one call, or, at
   * the start of a prefix after empty ones, a few prefixes at once (never more
   * than `maxCalls`). Prefixes listed beyond the first one with rows are kept
   * for the next fills of this request, never listed twice.
   */
  async fill(limit: number, maxCalls = Infinity) {
    if (this.queue.length > 0) return
    if (this.exhausted) {
      if (this.held) {
        this.batch = {
          p: this.prefixIndex,
          start: null,
          heldPath: null,
          positions: new Map(),
        }
        this.confirmHeld()
      }

      return
    }

    const start = this.token
    const want = Math.max(
      2,
      Math.min(
        1000,
        this.skipCount > SKIP_AHEAD ? this.skipCount : limit + this.skipCount
      )
    )

    this.carried = this.held
    const pages =
      start === null
        ? await this.listAhead(want, maxCalls)
        : [await this.listOne(start, want)]

    this.skipCount = 0
    for (let i = 0; i < pages.length; i++) {
      const page = pages[i]

      this.batch = {
        p: this.prefixIndex,
        start: i === 0 ? start : null,
        heldPath: null,
        positions: new Map(page.paths.map((path, j) => [path, j])),
      }
      for (const path of page.paths) this.accept(path)
      if (!this.eager)
        this.lookahead =
          page.paths.length === 0 ? Math.min(8, this.lookahead * 2) : 1
      if (page.next) {
        this.token = page.next
        break
      }

      // A tombstone never crosses a prefix: its entry's path is its prefix.
      if (this.held) this.confirmHeld()
      this.prefixIndex++
      this.token = null
      // Rows found: stop here and keep what was listed beyond for later.
      if (this.queue.length > 0) {
        pages
          .slice(i + 1)
          .forEach((rest, j) =>
            this.listedAhead.set(this.prefixIndex + j, rest)
          )
        break
      }
    }

    this.skipUpTo = null
  }

  private async listOne(start: string, want: number) {
    this.calls++

    return this.kv.list(this.prefixes[this.prefixIndex], {
      limit: want,
      next: start,
    })
  }

  /**
   * Pages from the start of the current prefix and, after empty prefixes, of
   * the next few (a date range's cover is many small prefixes, mostly empty).
   * A page already listed ahead by this request is used as is.
   */
  private async listAhead(want: number, maxCalls: number) {
    const kept = this.listedAhead.get(this.prefixIndex)

    if (kept) {
      const pages: ListPage[] = []

      for (let i = this.prefixIndex; this.listedAhead.has(i); i++) {
        pages.push(this.listedAhead.get(i)!)
        this.listedAhead.delete(i)
      }

      return pages
    }

    const ahead = Math.max(
      1,
      Math.min(
        this.lookahead,
        maxCalls,
        this.prefixes.length - this.prefixIndex
      )
    )

    this.calls += ahead

    return Promise.all(
      Array.from({ length: ahead }, (_, i) =>
        this.kv.list(this.prefixes[this.prefixIndex + i], { limit: want })
      )
    )
  }

  private confirmHeld() {
    // Only a row listed before this listing needs remembering in the cursor.
    if (this.queue.length === 0 && this.batch && this.held === this.carried)
      this.batch.heldPath = this.held
    this.carried = null
    this.queue.push(this.held!)
    this.held = null
  }

  private accept(path: string) {
    if (this.skipUpTo && path <= this.skipUpTo) return
    if (isTombstone(path)) {
      if (this.held && path === tombstoneOf(this.held)) this.held = null

      return
    }

    if (this.held) this.confirmHeld()
    this.held = path
  }

  /** Where to resume after the rows taken so far. */
  state(): SourceState {
    if (this.queue.length === 0 || !this.batch) {
      return { p: this.prefixIndex, t: this.token, x: null, h: this.held }
    }

    const { p, start, heldPath } = this.batch

    // Rows of the last listing wait: list it again, skipping what was taken.
    // Its first waiting row may be one held from before it.
    if (heldPath && this.queue[0] === heldPath) {
      return { p, t: start, x: null, h: heldPath }
    }

    const taken = this.lastTaken
      ? this.batch.positions.get(this.lastTaken)
      : undefined

    return {
      p,
      t: start,
      x: this.lastTaken,
      h: null,
      ...(taken === undefined ? {} : { n: taken + 1 }),
    }
  }
}
