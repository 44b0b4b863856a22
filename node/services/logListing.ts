import { entityFilter, filterPrefix } from '../domain/layout'
import { validateEntityId } from '../domain/log'
import type { ListPlan } from '../domain/listPlan'
import {
  assertCursorShape,
  invalidCursor,
  openCursor,
  sealCursor,
} from '../domain/pagination'
import type { Row } from '../domain/rows'
import { decodeRow, isTombstone, leafOf, tombstoneOf } from '../domain/rows'
import type { Tab } from '../domain/tabs'
import { cursorKey } from './cursorKey'
import type { SourceState } from './indexReader'
import { IndexSource } from './indexReader'
import { readMerged } from './mergedReader'
import type { KeyValueStore } from './storage'

/**
 * Entries a prefix search lists at once (one call). When the ids starting
 * with the term hold more, the page is read from the status folders instead.
 */
export const PREFIX_SCAN = 1000

/** What a cursor carries (signed, so it can be trusted once opened). */
interface CursorBody {
  /** The filter it belongs to (ListPlan.key). */
  f: string
  /** The leaf of the last row the walk went past, over all folders. */
  l: string | null
  /** Per folder, where to list from (absent: from the top). */
  s?: SourceState[]
  /** A prefix search read whole from its `e.` folders. */
  n?: true
}

export interface RowPage {
  rows: Row[]
  endCursor: string | null
  hasNextPage: boolean
  calls: number
}

/** Whether a cursor's per-folder states have the shape this reader writes. */
export function validStates(states: unknown, sources: number) {
  return (
    Array.isArray(states) &&
    states.length === sources &&
    states.every(
      (s) =>
        s &&
        Number.isInteger(s.p) &&
        s.p >= 0 &&
        (s.t === null || typeof s.t === 'string') &&
        (s.x === null || typeof s.x === 'string') &&
        (s.h === null || typeof s.h === 'string') &&
        (s.n === undefined ||
          (Number.isInteger(s.n) && s.n >= 0 && s.n <= 1000))
    )
  )
}

function readCursor(
  secret: Uint8Array,
  cursor: string,
  plan: ListPlan
): CursorBody {
  const body = openCursor(secret, cursor) as Partial<CursorBody> | null

  if (!body || body.f !== plan.key) {
    throw invalidCursor(
      'it belongs to another filter; start again from the first page.',
      'NOT_ALLOWED'
    )
  }

  if (
    (body.l !== null && typeof body.l !== 'string') ||
    (body.s !== undefined && !validStates(body.s, plan.folders.length)) ||
    (body.n !== undefined && body.n !== true)
  ) {
    throw invalidCursor('pass back pageInfo.endCursor as it was returned.')
  }

  return body as CursorBody
}

/** Live rows of a complete listing (an entry followed by its tombstone is superseded), with their leaves. */
function liveRows(paths: string[]) {
  const rows: Array<{ row: Row; leaf: string }> = []
  // A row is listed under its id and its alias: both may match a prefix.
  const seen = new Set<string>()

  paths.forEach((path, i) => {
    if (isTombstone(path) || paths[i + 1] === tombstoneOf(path)) return
    const row = decodeRow(path)
    const leaf = leafOf(path)

    if (row && !seen.has(leaf)) {
      seen.add(leaf)
      rows.push({ row, leaf })
    }
  })

  return rows
}

/**
 * Lists a page of a planned filter, newest first, from index folders only
 * (`eager`: a date range's cover listed at once, see IndexSource).
 * Cursors are signed with the account's key (read once per process); a
 * forged, edited or foreign one is refused before anything is listed.
 */
export async function listRows(
  kv: KeyValueStore,
  tab: Tab,
  plan: ListPlan,
  first: number,
  after: string | null | undefined,
  { eager = false } = {}
): Promise<RowPage> {
  // A cursor that cannot be one is refused before the key is even read.
  if (after) assertCursorShape(after)

  // Read in parallel with the first listing (cached after the first request).
  const key = cursorKey(kv)

  key.catch(() => undefined) // awaited below when needed
  const body = after ? readCursor(await key, after, plan) : null
  const last = body?.l ?? null
  const seal = async (b: CursorBody) => sealCursor(await key, b)
  let calls = 0

  if (plan.prefix && (!body || body.n)) {
    const listed = await kv.list(
      filterPrefix(tab, entityFilter(plan.prefix)).slice(0, -1),
      { limit: PREFIX_SCAN }
    )

    calls++
    if (!listed.next) {
      // Grouped by id in the listing: sorted here, newest first.
      const rows = liveRows(listed.paths)
        .filter((r) => plan.keep(r.row))
        .sort((a, b) => (a.leaf < b.leaf ? -1 : 1))
        .filter((r) => last === null || r.leaf > last)

      const page = rows.slice(0, first)
      const more = rows.length > first
      const end = page.length ? page[page.length - 1].leaf : last

      return {
        rows: page.map((r) => r.row),
        endCursor: more ? await seal({ f: plan.key, l: end, n: true }) : null,
        hasNextPage: more,
        calls,
      }
    }
  }

  const sources = plan.folders.map(
    (folder, i) =>
      new IndexSource(
        kv,
        plan.cover
          ? plan.cover.map((c) => filterPrefix(tab, folder) + c)
          : [filterPrefix(tab, folder)],
        body?.s?.[i],
        eager
      )
  )

  // Bounded work per request: a date range's cover may need each prefix once.
  const budget = Math.max(
    24,
    plan.folders.length * ((plan.cover?.length ?? 0) + 4)
  )

  const page = await readMerged(sources, first, plan.keep, budget, last)

  return {
    rows: page.rows,
    endCursor: page.hasNextPage
      ? await seal({ f: plan.key, l: page.last, s: page.states })
      : null,
    hasNextPage: page.hasNextPage,
    calls: calls + page.calls,
  }
}

/** The latest row of one id in each marketplace, newest first: one listing. */
export async function latestRows(
  kv: KeyValueStore,
  tab: Tab,
  entityId: string
) {
  const source = new IndexSource(kv, [
    filterPrefix(tab, entityFilter(validateEntityId(entityId))),
  ])

  const page = await readMerged([source], 100, () => true, 4)
  const seen = new Set<string>()

  // Newest first: the first row of a marketplace is its latest version.
  return page.rows.filter(
    (r) => !seen.has(r.marketplace) && Boolean(seen.add(r.marketplace))
  )
}
