import type { BulkAction, ChunkResult } from '../domain/bulk'
import { CHUNK } from '../domain/bulk'
import { LOGS_AT_ONCE } from '../domain/bulkPace'
import type { LogFilter } from './logStore'
import { parseLogFilter } from './logStore'

/** The logs of one chunk and where the action stands after it. */
export interface Chunk {
  ids: string[]
  cursor: string | null
  position: number
  /** Nothing is left after this chunk. */
  last: boolean
}

export const filterOf = (action: BulkAction): LogFilter =>
  parseLogFilter({ ...action.filter, tab: action.tab })

type ListPage = (
  query: LogFilter & {
    first: number
    after: string | null
  }
) => Promise<{
  data: Array<{ id: string }>
  endCursor: string | null
  hasNextPage: boolean
}>

/**
 * The chunks of an action from where it stands, one at a time: a slice of
 * its ids, or the next page of its filter (read as the filter walks, newest
 * to oldest; a log moved by an earlier chunk sorts newer and is not seen
 * again). Null once everything was taken.
 */
export function chunksOf(action: BulkAction, list: ListPage) {
  let { position, cursor } = action
  let done = false

  return async (): Promise<Chunk | null> => {
    if (done) return null

    if (action.ids) {
      const ids = action.ids.slice(position, position + CHUNK)

      position += ids.length
      done = position >= action.ids.length

      return { ids, cursor: null, position, last: done }
    }

    const page = await list({
      ...filterOf(action),
      first: CHUNK,
      after: cursor,
    })

    cursor = page.endCursor
    done = !page.hasNextPage

    return {
      ids: page.data.map((r) => r.id),
      cursor,
      position,
      last: done,
    }
  }
}

/**
 * Acts on a chunk's logs, LOGS_AT_ONCE at a time. `act` tells whether the
 * log was acted on (true) or had nothing to do (false); a failure is
 * counted with its message and the other logs go on.
 */
export async function workChunk(
  chunk: Chunk,
  act: (logId: string) => Promise<boolean>
): Promise<ChunkResult> {
  const result = {
    succeeded: 0,
    skipped: 0,
    failed: 0,
    lastError: null as string | null,
  }

  let next = 0
  const worker = async () => {
    while (next < chunk.ids.length) {
      const logId = chunk.ids[next++]

      try {
        if (await act(logId)) result.succeeded++
        else result.skipped++
      } catch (e) {
        result.failed++
        result.lastError = `${logId}: ${
          e instanceof Error ? e.message : String(e)
        }`
      }
    }
  }

  await Promise.all(
    Array.from({ length: Math.min(LOGS_AT_ONCE, chunk.ids.length) }, worker)
  )

  return {
    ...result,
    cursor: chunk.cursor,
    position: chunk.position,
    finished: chunk.last,
  }
}
