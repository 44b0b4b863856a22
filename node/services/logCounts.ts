import type { Cause } from '../domain/causes'
import type { CountDrift } from '../domain/countCheck'
import { countDrift, statsOfRows, subtractStats } from '../domain/countCheck'
import {
  causePath,
  filterPrefix,
  statsBasePath,
  statsDeltaPrefix,
  statusFilter,
} from '../domain/layout'
import { LOG_STATUSES } from '../domain/log'
import { leafOf } from '../domain/rows'
import type { StatsBase, TabStats } from '../domain/stats'
import {
  currentStats,
  emptyBase,
  foldDeltas,
  sumDeltas,
  sumStats,
} from '../domain/stats'
import type { Tab } from '../domain/tabs'
import { eachLimited } from './cleaner'
import { IndexSource } from './indexReader'
import { readMerged } from './mergedReader'
import { withOptimisticRetry } from './retry'
import type { KeyValueStore, StoredFile } from './storage'

/** Deltas a compaction folds at once (one listing). */
const COMPACT_BATCH = 1000
const DELETE_CONCURRENCY = 8

/** Cause texts never change for an id: one read per process is enough. */
const causeTexts = new Map<string, string>()

/** What a self-check of one tab found (and did). */
export interface CountCheck {
  tab: Tab
  /** False when it could not tell: too many rows for one pass, or writes meanwhile. */
  checked: boolean
  reason?: 'TOO_MANY_ROWS' | 'BUSY'
  drift: CountDrift[]
  /** The count base was rewritten to match the rows. */
  repaired: boolean
}

interface Snapshot {
  base: StoredFile<StatsBase> | null
  leaves: string[]
}

type Look =
  | { ok: false; reason: 'TOO_MANY_ROWS' | 'BUSY' }
  | {
      ok: true
      after: Snapshot
      counted: TabStats
      listed: TabStats
      drift: CountDrift[]
    }

const sameSnapshot = (a: Snapshot, b: Snapshot) =>
  (a.base?.etag ?? null) === (b.base?.etag ?? null) &&
  a.leaves.join('\n') === b.leaves.join('\n')

/**
 * The counts of a tab (docs/storage.md): a folded base plus one change file
 * per committed write, folded by compaction; and the self-check that compares
 * them with the rows listed and repairs drift.
 */
export class LogCounts {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly wait?: (ms: number) => Promise<void>
  ) {}

  /** Base + pending deltas: two calls while compaction keeps up. */
  async read(tab: Tab) {
    const [baseFile, leaves] = await Promise.all([
      this.kv.get<StatsBase>(statsBasePath(tab)),
      this.deltaLeaves(tab, 20),
    ])

    const base = baseFile?.data ?? emptyBase()

    return { base, baseFile, leaves, stats: currentStats(base, leaves) }
  }

  async stats(tab: Tab): Promise<TabStats> {
    return (await this.read(tab)).stats
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

  async causeText(tab: Tab, cause: string) {
    const cached = causeTexts.get(`${tab}/${cause}`)

    if (cached) return cached
    const file = await this.kv.get<Cause>(causePath(tab, cause))
    const text = file?.data.text ?? cause

    if (file) causeTexts.set(`${tab}/${cause}`, text)

    return text
  }

  /**
   * Folds pending count changes into the base (If-Match) and deletes them.
   * Safe to run concurrently and to repeat. Each attempt reads the base
   * before listing the changes: a folded change missing from a listing made
   * after the base was read has been deleted, so the base may forget it
   * (foldDeltas); a listing made before could miss one folded meanwhile.
   * Returns how many were folded.
   */
  async compact(tab: Tab): Promise<number> {
    const folded = await withOptimisticRetry(
      `Folding counts of ${tab}`,
      async () => {
        const file = await this.kv.get<StatsBase>(statsBasePath(tab))
        const leaves = await this.deltaLeaves(tab, 1)

        if (leaves.length === 0) return leaves
        const base = file?.data ?? emptyBase()
        const next = foldDeltas(base, leaves)
        const texts: Record<string, string> = {}

        for (const cause of Object.keys(next.stats.causes ?? {})) {
          if (!base.causeText[cause])
            texts[cause] = await this.causeText(tab, cause)
        }

        await this.kv.put(
          statsBasePath(tab),
          { ...next, causeText: { ...next.causeText, ...texts } },
          file ? { ifMatch: file.etag } : { ifAbsent: true }
        )

        return leaves
      },
      this.wait
    )

    await eachLimited(folded, DELETE_CONCURRENCY, (leaf) =>
      this.kv.delete(statsDeltaPrefix(tab) + leaf).catch(() => undefined)
    )

    return folded.length
  }

  /** Adds counts to the base (imports into an empty store). */
  async add(tab: Tab, added: TabStats, texts: Record<string, string>) {
    await withOptimisticRetry(
      `Counting imported logs of ${tab}`,
      async () => {
        const file = await this.kv.get<StatsBase>(statsBasePath(tab))
        const base = file?.data ?? emptyBase()

        await this.kv.put(
          statsBasePath(tab),
          {
            ...base,
            stats: sumStats([base.stats, added]),
            causeText: { ...base.causeText, ...texts },
          },
          file ? { ifMatch: file.etag } : { ifAbsent: true }
        )
      },
      this.wait
    )
  }

  private async snapshot(tab: Tab): Promise<Snapshot> {
    const base = await this.kv.get<StatsBase>(statsBasePath(tab))

    return { base, leaves: await this.deltaLeaves(tab, 20) }
  }

  /** The rows of the three status folders, or null when they need more than `maxCalls` listings. */
  private async rows(tab: Tab, maxCalls: number) {
    const sources = LOG_STATUSES.map(
      (s) => new IndexSource(this.kv, [filterPrefix(tab, statusFilter(s))])
    )

    const page = await readMerged(sources, Infinity, () => true, maxCalls)

    return page.hasNextPage ? null : page.rows
  }

  /**
   * One consistent look: the counts before and after listing every row are
   * the same (no write landed meanwhile), else it cannot tell.
   */
  private async look(tab: Tab, maxCalls: number): Promise<Look> {
    const before = await this.snapshot(tab)
    const rows = await this.rows(tab, maxCalls)

    if (!rows) return { ok: false, reason: 'TOO_MANY_ROWS' }
    const after = await this.snapshot(tab)

    if (!sameSnapshot(before, after)) return { ok: false, reason: 'BUSY' }
    const base = after.base?.data ?? emptyBase()
    const counted = sumDeltas(base, after.leaves)
    const listed = statsOfRows(rows)

    return {
      ok: true,
      after,
      counted,
      listed,
      drift: countDrift(counted, listed),
    }
  }

  /**
   * The self-check: compares the counts of a tab with the rows its status
   * folders list. Drift seen twice in a row, with no write landing during
   * either look, is repaired by rewriting the count base (If-Match) so that
   * base + pending changes equals the rows. Bounded: a tab needing more than
   * `maxListings` listings is not checked.
   */
  async check(
    tab: Tab,
    { repair = true, maxListings = 60 } = {}
  ): Promise<CountCheck> {
    const first = await this.look(tab, maxListings)

    if (!first.ok)
      return {
        tab,
        checked: false,
        reason: first.reason,
        drift: [],
        repaired: false,
      }
    if (first.drift.length === 0 || !repair)
      return { tab, checked: true, drift: first.drift, repaired: false }

    // Confirm: the same drift on a second look (not a write in flight).
    const second = await this.look(tab, maxListings)

    if (
      !second.ok ||
      JSON.stringify(second.drift) !== JSON.stringify(first.drift)
    ) {
      return {
        tab,
        checked: false,
        reason: 'BUSY',
        drift: first.drift,
        repaired: false,
      }
    }

    const { after, counted, listed } = second
    const base = after.base?.data ?? emptyBase()
    const stats = sumStats([base.stats, subtractStats(listed, counted)])

    try {
      await this.kv.put(
        statsBasePath(tab),
        { ...base, stats },
        after.base ? { ifMatch: after.base.etag } : { ifAbsent: true }
      )
    } catch {
      // Compaction or another check wrote it meanwhile: next time.
      return {
        tab,
        checked: false,
        reason: 'BUSY',
        drift: first.drift,
        repaired: false,
      }
    }

    return { tab, checked: true, drift: second.drift, repaired: true }
  }
}
