import type { Row } from '../domain/rows'
import { decodeRow, leafOf } from '../domain/rows'
import type { IndexSource, SourceState } from './indexReader'

/** Several index sources (indexReader.ts) read as one, newest first. */
export interface MergedPage {
  rows: Row[]
  states: SourceState[]
  /** The leaf of the last row taken from any source (returned or not). */
  last: string | null
  hasNextPage: boolean
  calls: number
}

/** Rows are compared by their leaf: order first, so newest first. */
const leafCompare = (a: string, b: string) => {
  const la = leafOf(a)
  const lb = leafOf(b)

  return la < lb ? -1 : la > lb ? 1 : 0
}

/**
 * Takes up to `want` rows passing `keep` from the merged sources, newest
 * first, in at most `maxCalls` listings (then returns what it has, with a
 * cursor; a filter that matches rarely never makes one request scan).
 *
 * `after` is where the previous page stopped, over all sources: a row that
 * sorts at or before it was either returned already or written since (a new
 * or moved log), so it is skipped, whichever source it comes from (a source
 * that returned nothing yet resumes from the start of its last listing).
 */
export async function readMerged(
  sources: IndexSource[],
  want: number,
  keep: (row: Row) => boolean,
  maxCalls = 24,
  after: string | null = null
): Promise<MergedPage> {
  const rows: Row[] = []
  let last = after
  // Listings made so far (a fill may list several prefixes of a date range, or none).
  const calls = () => sources.reduce((n, s) => n + s.calls, 0)

  while (rows.length < want) {
    const empty = sources.filter((s) => !s.ready && !s.done)

    if (empty.length > 0) {
      const needed = empty.reduce((n, s) => n + s.nextCalls, 0)
      const left = maxCalls - calls()

      if (needed > left) break
      const limit = want - rows.length + 2
      // The budget left is shared by the sources that must list.
      const share = Math.max(1, Math.floor(left / Math.max(1, needed)))

      await Promise.all(empty.map((s) => s.fill(limit, share)))
      // Every source must have a row (or be finished) before picking.
      continue
    }

    let best: IndexSource | null = null

    for (const s of sources) {
      const head = s.peek()

      if (head && (!best || leafCompare(head, best.peek()!) < 0)) best = s
    }

    if (!best) break
    const path = best.take()
    const leaf = leafOf(path)

    if (last !== null && leaf <= last) continue
    last = leaf
    const row = decodeRow(path)

    if (row && keep(row)) rows.push(row)
  }

  return {
    rows,
    last,
    states: sources.map((s) => s.state()),
    hasNextPage: sources.some((s) => !s.done),
    calls: calls(),
  }
}
