import type { Row } from './rows'
import { nextVersionTime } from './rows'

/**
 * Removing a log is two steps that cannot be one: the document goes, then
 * one upload tombstones its rows and uncounts it. A plain delete cannot tell
 * concurrent removers apart (a DELETE with If-Match on a file already gone
 * succeeds), so each would uncount the log again. A removal therefore first
 * *claims* the log by writing this marker over the document with If-Match
 * (only one writer wins), uploads its index change, and deletes the marker a
 * little later. A remover that finds a marker knows the log is taken.
 *
 * The marker keeps what is needed to finish the removal if its remover
 * stopped between the claim and the upload: the removed row (still listed
 * then, and still counted) and the time the removal was given, which also
 * names its count change (so finishing it twice writes the same file).
 */
export interface RemovalMarker {
  removing: true
  /** Who claimed it (the delete of the marker checks it is still theirs). */
  claim: string
  /** The removal's version time (after the removed version's). */
  at: string
  claimedAt: string
  /** The row removed (null: an orphan clear, see orphanClaim). */
  row: Row | null
  previousRow: Row | null
}

/** A claim older than this is a remover that stopped: another may finish it. */
export const MARKER_STALE_MS = 30_000

export function isRemovalMarker(value: unknown): value is RemovalMarker {
  return Boolean(
    value &&
      typeof value === 'object' &&
      (value as { removing?: unknown }).removing === true
  )
}

/** The claim a removal writes over the document it removes. */
export function removalClaim(
  removed: { updatedAt?: string; processedAt: string },
  row: Row,
  previousRow: Row | null,
  nowMs: number,
  claim: string
): RemovalMarker {
  return {
    removing: true,
    claim,
    at: nextVersionTime(removed.updatedAt ?? removed.processedAt, nowMs),
    claimedAt: new Date(nowMs).toISOString(),
    row,
    previousRow,
  }
}

/**
 * The claim over a log whose document is gone but whose rows are still
 * listed (left by a removal of an earlier release whose upload failed, which
 * had deleted the document first): written with If-None-Match, so one
 * remover clears them.
 */
export function orphanClaim(nowMs: number, claim: string): RemovalMarker {
  const at = new Date(nowMs).toISOString()

  return {
    removing: true,
    claim,
    at,
    claimedAt: at,
    row: null,
    previousRow: null,
  }
}

export const isStale = (marker: RemovalMarker, nowMs: number) =>
  nowMs - Date.parse(marker.claimedAt) >= MARKER_STALE_MS

/** A stale claim taken over: the same removal, a new claimant. */
export const takeOver = (
  marker: RemovalMarker,
  nowMs: number,
  claim: string
): RemovalMarker => ({
  ...marker,
  claim,
  claimedAt: new Date(nowMs).toISOString(),
})
