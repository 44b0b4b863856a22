import { DomainError, invalidArgument } from './errors'
import { parseLogId } from './log'
import type { Tab } from './tabs'
import type { LogFilterInput } from '../typings/graphql'

/**
 * A bulk action: reprocess or remove many logs, chosen row by row (ids) or as
 * "everything the filter shows" (filter). It is a document in VBase that a
 * chain of events works through. Each event claims the action with a lease
 * (If-Match), works chunks of CHUNK logs, several at once, commits each
 * chunk's progress and cursor in chunk order, and hands over to the next
 * event after a time budget (domain/bulkPace.ts). Acting
 * twice on a log is harmless (a queued log is not queued again, a removed
 * one is not found), so a chunk redone after a crash changes nothing twice;
 * a restart loses nothing (the sweep re-sends actions whose lease ran out).
 */
export const BULK_ACTIONS = ['REPROCESS', 'REMOVE'] as const
export type BulkKind = (typeof BULK_ACTIONS)[number]

export type BulkStatus = 'RUNNING' | 'DONE' | 'CANCELED'

/**
 * The admin's log filter: the GraphQL input `LogFilterInput` (generated from
 * graphql/), the one filter shape the logs query, the CSV export and bulk
 * actions share; parseLogFilter validates it when listing.
 */
export type BulkFilter = LogFilterInput

export interface BulkAction {
  id: string
  tab: Tab
  action: BulkKind
  ids: string[] | null
  filter: BulkFilter | null
  status: BulkStatus
  /** Logs matched when it started (null when the counts cannot tell). */
  total: number | null
  processed: number
  succeeded: number
  skipped: number
  failed: number
  /** Filter mode: the listing cursor; ids mode: the next index. */
  cursor: string | null
  position: number
  lastError: string | null
  createdAt: string
  updatedAt: string
  claimedUntil: string | null
  owner: string | null
  /** Chunk events sent, and when the last one was. */
  sends: number
  sentAt: string | null
}

/**
 * The lease and re-send bookkeeping of a record worked by a chain of events,
 * one chunk each (bulk actions, CSV exports): the pure rules below apply to
 * any of them.
 */
export interface ChunkLease {
  status: string
  claimedUntil: string | null
  owner: string | null
  sends: number
  sentAt: string | null
  updatedAt: string
}

export const CHUNK = 50
export const MAX_BULK_IDS = 10_000
export const BULK_LEASE_MS = 60_000
/** A running action not heard of for this long gets its event again. */
export const BULK_RESEND_MS = 90_000

export interface BulkRequest {
  tab: Tab
  action: string
  ids?: string[] | null
  filter?: BulkFilter | null
}

export function newBulkAction(
  id: string,
  request: BulkRequest,
  total: number | null,
  now: string
): BulkAction {
  if (!(BULK_ACTIONS as readonly string[]).includes(request.action)) {
    throw invalidArgument(`Unknown bulk action "${request.action}".`)
  }

  const hasIds = Array.isArray(request.ids) && request.ids.length > 0

  if (hasIds === Boolean(request.filter)) {
    throw invalidArgument(
      'Pass either the selected log ids or a filter, not both.'
    )
  }

  if (hasIds) {
    if (request.ids!.length > MAX_BULK_IDS) {
      throw invalidArgument(
        `Select at most ${MAX_BULK_IDS} logs, or use the filter.`
      )
    }

    for (const logId of request.ids!) {
      if (parseLogId(logId).tab !== request.tab) {
        throw invalidArgument(`Log ${logId} is not in the ${request.tab} tab.`)
      }
    }
  }

  return {
    id,
    tab: request.tab,
    action: request.action as BulkKind,
    ids: hasIds ? [...new Set(request.ids!)] : null,
    filter: hasIds ? null : request.filter!,
    status: 'RUNNING',
    total: hasIds ? new Set(request.ids!).size : total,
    processed: 0,
    succeeded: 0,
    skipped: 0,
    failed: 0,
    cursor: null,
    position: 0,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    claimedUntil: null,
    owner: null,
    sends: 0,
    sentAt: null,
  }
}

/** Takes the lease, or null when another handler holds it or it is finished. */
export function claimBulk<A extends ChunkLease>(
  action: A,
  nowMs: number,
  owner: string
): A | null {
  if (action.status !== 'RUNNING') return null
  if (action.claimedUntil && Date.parse(action.claimedUntil) > nowMs)
    return null

  return {
    ...action,
    owner,
    claimedUntil: new Date(nowMs + BULK_LEASE_MS).toISOString(),
  }
}

export interface ChunkResult {
  succeeded: number
  skipped: number
  failed: number
  lastError: string | null
  /** Where the next chunk starts; null when there is nothing left. */
  cursor: string | null
  position: number
  finished: boolean
}

/**
 * One chunk's progress, committed in chunk order by the event that holds the
 * lease (which it keeps until releaseBulk). A cancel that came meanwhile is
 * kept, unless this was the last chunk: then nothing is left to stop and the
 * action is done, every log counted once.
 */
export function applyChunk(
  action: BulkAction,
  result: ChunkResult,
  now: string
): BulkAction {
  const processed =
    action.processed + result.succeeded + result.skipped + result.failed

  return {
    ...action,
    processed,
    succeeded: action.succeeded + result.succeeded,
    skipped: action.skipped + result.skipped,
    failed: action.failed + result.failed,
    lastError: result.lastError ?? action.lastError,
    cursor: result.cursor,
    position: result.position,
    // A filter's count was an estimate: never show more than 100 %.
    total:
      action.total == null || result.finished
        ? processed
        : Math.max(action.total, processed),
    status: result.finished ? 'DONE' : action.status,
    updatedAt: now,
  }
}

/** Whether this event's lease still holds the action (nobody took it over). */
export const holdsBulk = (action: ChunkLease, owner: string) =>
  action.owner === owner

export const markBulkSent = <A extends ChunkLease>(
  action: A,
  now: string
): A => ({
  ...action,
  sends: action.sends + 1,
  sentAt: now,
})

/**
 * The end of an event: the lease is given back; an action still running
 * (not done, not stopped — or resumed meanwhile) is marked sent, as its next
 * event goes out right after this write (if that send fails, the sweep
 * re-sends it BULK_RESEND_MS later).
 */
export function releaseBulk<A extends ChunkLease>(action: A, now: string): A {
  const released = { ...action, claimedUntil: null, owner: null }

  return action.status === 'RUNNING' ? markBulkSent(released, now) : released
}

export function cancelBulk(action: BulkAction, now: string): BulkAction {
  if (action.status !== 'RUNNING') {
    throw new DomainError(
      'INVALID_TRANSITION',
      `Bulk action ${action.id} is ${action.status}: only a running one can be stopped.`
    )
  }

  return { ...action, status: 'CANCELED', updatedAt: now }
}

/**
 * A stopped action goes on from where it stopped. The lease is kept: an
 * event still finishing its chunks sees the action running again when it
 * releases it, and sends the next event itself.
 */
export function resumeBulk(action: BulkAction, now: string): BulkAction {
  if (action.status !== 'CANCELED') {
    throw new DomainError(
      'INVALID_TRANSITION',
      `Bulk action ${action.id} is ${action.status}: only a stopped one can be resumed.`
    )
  }

  return { ...action, status: 'RUNNING', updatedAt: now }
}

/** Running, not claimed, and quiet for a while: its event went missing or its handler died. */
export const needsResend = (action: ChunkLease, nowMs: number) =>
  action.status === 'RUNNING' &&
  !(action.claimedUntil && Date.parse(action.claimedUntil) > nowMs) &&
  nowMs - Date.parse(action.sentAt ?? action.updatedAt) > BULK_RESEND_MS

export const progressOf = (a: BulkAction) =>
  a.total && a.total > 0
    ? Math.min(1, a.processed / a.total)
    : a.status === 'DONE'
    ? 1
    : 0
