/**
 * The pace of a bulk action (domain/bulk.ts has the action itself): how
 * many chunks one runBulk event works at once, how long it goes on, and
 * when a reprocess waits for the queue. nextChunk is the one decision.
 */

/** Chunks one event works at once (their progress is still committed in order). */
export const CHUNKS_AT_ONCE = 4
/** Logs of one chunk acted on at once. */
export const LOGS_AT_ONCE = 10
/**
 * An event starts no chunk that would end past this (by the slowest chunk
 * it has seen so far): it finishes the chunks it started, commits them and
 * sends the next event — a third of service.json's 30 s timeout, so a
 * machine twice as slow still ends far from it and from the 60 s lease.
 */
export const EVENT_BUDGET_MS = 10_000
/**
 * A reprocess queues no more chunks while this many jobs are pending: the
 * action goes at the pace the replicas work the jobs, instead of flooding
 * the events bus and the replicas' memory with jobs that cannot run yet.
 */
export const MAX_PENDING_JOBS = 100

export interface EventState {
  /** Since the event claimed the action. */
  elapsedMs: number
  /** The longest a chunk of this event took to be worked (0 before the first). */
  slowestChunkMs: number
  /** A commit found the action stopped, finished, or taken over. */
  stopped: boolean
  /** The last chunk has been taken (ids sliced to the end, or the listing's last page). */
  exhausted: boolean
  /** Chunks started and not committed yet. */
  running: number
  /** REPROCESS: jobs pending in the queue (null: not asked, REMOVE). */
  pendingJobs: number | null
}

/**
 * Whether the event starts another chunk now (START), after a chunk in
 * flight is committed or the queue drained a little (WAIT), or starts no
 * more (STOP: it then finishes what it started and hands over).
 */
export function nextChunk(s: EventState): 'START' | 'WAIT' | 'STOP' {
  if (s.stopped || s.exhausted) return 'STOP'
  if (s.elapsedMs + s.slowestChunkMs >= EVENT_BUDGET_MS) return 'STOP'
  if (s.running >= CHUNKS_AT_ONCE) return 'WAIT'
  if (s.pendingJobs != null && s.pendingJobs >= MAX_PENDING_JOBS) return 'WAIT'

  return 'START'
}
