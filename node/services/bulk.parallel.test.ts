import type { BulkAction } from '../domain/bulk'
import { CHUNK } from '../domain/bulk'
import {
  CHUNKS_AT_ONCE,
  EVENT_BUDGET_MS,
  LOGS_AT_ONCE,
  MAX_PENDING_JOBS,
} from '../domain/bulkPace'
import { buildLogId } from '../domain/log'
import { MemoryStorage } from '../test/memoryStorage'
import type { BulkDeps } from './bulk'
import { BulkRunner } from './bulk'
import { LogStore } from './logStore'
import { PreconditionFailed } from './storage'

/**
 * Progress and cancellation stay exact while chunks are worked at once:
 * logs finish in a scrambled order (each act takes a pseudo-random number
 * of event-loop turns), yet every committed state of the action counts
 * exactly the logs before its position, each log is acted on once, and a
 * stop lets no new chunk start.
 */
const T0 = Date.UTC(2026, 10, 23, 10)
const ids = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    buildLogId('INVENTORY', 'magalu', `s${i}`)
  )

/** A fixed pseudo-random sequence (no flaky orders). */
function turns(seed: number) {
  let x = seed

  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31

    return x % 7
  }
}

const yieldTimes = async (n: number) => {
  for (let i = 0; i < n; i++)
    await new Promise<void>((r) => setImmediate(() => r()))
}

class Recorder extends MemoryStorage {
  /** Every state of the bulk action as written. */
  public states: BulkAction[] = []
  public failNextBulkWrite = 0

  async put<T>(path: string, data: T, options = {}) {
    if (path.startsWith('v2/bulk/') && this.failNextBulkWrite > 0) {
      this.failNextBulkWrite--
      throw new Error('VBase answered 500')
    }

    await super.put(path, data, options)
    if (path.startsWith('v2/bulk/'))
      this.states.push(JSON.parse(JSON.stringify(data)))
  }
}

function setup(extra: Partial<BulkDeps> = {}) {
  const kv = new Recorder()
  let now = T0
  const sent: string[] = []
  const acted: string[] = []
  const queued = new Set<string>()
  let inFlight = 0
  let maxInFlight = 0
  const delay = turns(7)
  let onAct: (n: number) => Promise<void> | void = () => undefined

  const runner = new BulkRunner({
    kv,
    logs: new LogStore(kv, () => now, 0),
    queueOne: async (key) => {
      const id = buildLogId(key.tab, key.marketplace, key.entityId)

      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      await yieldTimes(delay())
      acted.push(id)
      const fresh = !queued.has(id)

      queued.add(id)
      inFlight--
      await onAct(acted.length)

      return { result: fresh ? 'QUEUED' : 'ALREADY' }
    },
    dispatch: async (id) => {
      sent.push(id)
    },
    now: () => now,
    ...extra,
  })

  const drain = async () => {
    let runs = 0

    while (sent.length) {
      await runner.runChunk(sent.shift()!)
      runs++
    }

    return runs
  }

  return {
    kv,
    runner,
    sent,
    acted,
    drain,
    advance: (ms: number) => (now += ms),
    now: () => now,
    stats: () => ({ maxInFlight }),
    onAct: (fn: typeof onAct) => (onAct = fn),
  }
}

/** In ids mode the position is the next id: what is before it was acted on, and counted once. */
function expectExact(state: BulkAction, acted: string[]) {
  const done = new Set(acted)

  expect(state.processed).toBe(state.position)
  expect(state.succeeded + state.skipped + state.failed).toBe(state.processed)
  for (const id of state.ids!.slice(0, state.position))
    expect(done.has(id)).toBe(true)
}

describe('BulkRunner, chunks at once', () => {
  it('works several chunks at once, bounded, and every committed state is exact', async () => {
    const s = setup()
    const all = ids(1000)
    const action = await s.runner.start({
      tab: 'INVENTORY',
      action: 'REPROCESS',
      ids: all,
    })

    expect(await s.drain()).toBe(1)
    // More than one chunk's logs at once, never more than the bound.
    expect(s.stats().maxInFlight).toBeGreaterThan(LOGS_AT_ONCE)
    expect(s.stats().maxInFlight).toBeLessThanOrEqual(
      CHUNKS_AT_ONCE * LOGS_AT_ONCE
    )
    const progress = s.kv.states.filter((st) => st.processed > 0)

    // One write per chunk (plus the claim and the release).
    expect(progress).toHaveLength(1000 / CHUNK + 1)
    for (const state of progress) expectExact(state, s.acted)
    expect(progress.map((st) => st.processed)).toEqual(
      [...progress.map((st) => st.processed)].sort((a, b) => a - b)
    )
    expect(await s.runner.get(action.id)).toMatchObject({
      status: 'DONE',
      processed: 1000,
      succeeded: 1000,
      total: 1000,
      owner: null,
    })
    expect(s.acted).toHaveLength(1000) // each log once
  })

  it('hands over to the next event after its time budget, losing and repeating nothing', async () => {
    const s = setup()

    // Each log takes 40 ms of the clock: 8 s is about 200 logs.
    s.onAct(() => {
      s.advance(40)
    })
    const action = await s.runner.start({
      tab: 'INVENTORY',
      action: 'REPROCESS',
      ids: ids(1000),
    })

    let events = 0
    let longest = 0

    while (s.sent.length) {
      const before = s.now()

      await s.runner.runChunk(s.sent.shift()!)
      longest = Math.max(longest, s.now() - before)
      events++
    }

    expect(events).toBeGreaterThan(2)
    expect(await s.runner.get(action.id)).toMatchObject({
      status: 'DONE',
      processed: 1000,
      succeeded: 1000,
      sends: events,
    })
    expect(s.acted).toHaveLength(1000)
    // No chunk started after the budget: past it, at most the chunks in
    // flight then were finished (40 ms of clock per log).
    expect(longest).toBeLessThanOrEqual(
      EVENT_BUDGET_MS + CHUNKS_AT_ONCE * CHUNK * 40
    )
  })

  it('a stop lets no new chunk start; the count is exact; resume goes on from there, each log once', async () => {
    const s = setup()
    const all = ids(1000)
    let canceledAt = -1
    let bulkId = ''

    s.onAct(async (n) => {
      if (n === 120) {
        canceledAt = n
        await s.runner.cancel(bulkId)
      }
    })
    const action = await s.runner.start({
      tab: 'INVENTORY',
      action: 'REPROCESS',
      ids: all,
    })

    bulkId = action.id
    await s.drain()
    const stopped = (await s.runner.get(action.id))!

    expect(stopped.status).toBe('CANCELED')
    expectExact(stopped, s.acted)
    // Exactly the logs acted on are counted, and they are the first ones.
    expect(stopped.processed).toBe(s.acted.length)
    expect(new Set(s.acted)).toEqual(new Set(all.slice(0, stopped.position)))
    // Only chunks already started when the stop was seen were finished.
    expect(s.acted.length - canceledAt).toBeLessThanOrEqual(
      CHUNKS_AT_ONCE * CHUNK
    )
    expect(stopped.processed).toBeLessThan(1000)

    s.onAct(() => undefined)
    await s.runner.resume(action.id)
    await s.drain()
    expect(await s.runner.get(action.id)).toMatchObject({
      status: 'DONE',
      processed: 1000,
      succeeded: 1000,
    })
    expect(s.acted).toHaveLength(1000)
    expect(new Set(s.acted).size).toBe(1000)
  })

  it('resumed while its event still finishes: that event carries on', async () => {
    const s = setup()
    let bulkId = ''

    s.onAct(async (n) => {
      if (n === 60) {
        await s.runner.cancel(bulkId)
        await s.runner.resume(bulkId)
      }
    })
    const action = await s.runner.start({
      tab: 'INVENTORY',
      action: 'REPROCESS',
      ids: ids(600),
    })

    bulkId = action.id

    await s.drain()
    expect(await s.runner.get(action.id)).toMatchObject({
      status: 'DONE',
      processed: 600,
      succeeded: 600,
    })
    expect(s.acted).toHaveLength(600)
  })

  it('a commit that fails stops the event, gives the lease back, and the redelivery counts each log once', async () => {
    const s = setup()
    const action = await s.runner.start({
      tab: 'INVENTORY',
      action: 'REPROCESS',
      ids: ids(500),
    })

    s.kv.failNextBulkWrite = 0
    s.onAct((n) => {
      if (n === 130) s.kv.failNextBulkWrite = 1
    })
    const id = s.sent.shift()!

    await expect(s.runner.runChunk(id)).rejects.toThrow(/500/)
    const after = (await s.runner.get(action.id))!

    expectExact(after, s.acted)
    expect(after.owner).toBeNull() // the redelivery needs no lease to run out
    s.onAct(() => undefined)
    expect(await s.runner.runChunk(id)).toBe('done')
    const done = (await s.runner.get(action.id))!

    expect(done).toMatchObject({ status: 'DONE', processed: 500 })
    // Redone logs were already queued: counted once, as skipped.
    expect(done.succeeded).toBe(new Set(s.acted).size - done.skipped)
    expect(done.succeeded + done.skipped).toBe(500)
  })

  it('a reprocess waits while the queue holds MAX_PENDING_JOBS jobs, and hands over', async () => {
    let pending = MAX_PENDING_JOBS
    const asked: number[] = []
    const s = setup({
      pendingJobs: async (limit) => {
        asked.push(limit)

        return pending
      },
      wait: async (ms) => {
        s.advance(ms)
      },
    })

    const action = await s.runner.start({
      tab: 'INVENTORY',
      action: 'REPROCESS',
      ids: ids(200),
    })

    // The queue is full for a whole event: nothing started, next event sent.
    await s.runner.runChunk(s.sent.shift()!)
    expect(s.acted).toEqual([])
    expect(await s.runner.get(action.id)).toMatchObject({
      status: 'RUNNING',
      processed: 0,
      owner: null,
    })
    expect(s.sent).toEqual([action.id])
    expect(asked[0]).toBe(MAX_PENDING_JOBS)
    pending = 3
    await s.drain()
    expect(await s.runner.get(action.id)).toMatchObject({
      status: 'DONE',
      processed: 200,
    })
  })

  it('a removal does not wait for the queue', async () => {
    const s = setup({
      pendingJobs: async () => {
        throw new PreconditionFailed('never asked')
      },
    })

    const action = await s.runner.start({
      tab: 'INVENTORY',
      action: 'REMOVE',
      ids: ids(120),
    })

    await s.drain()
    expect(await s.runner.get(action.id)).toMatchObject({
      status: 'DONE',
      processed: 120,
      skipped: 120, // nothing stored under these ids
    })
  })
})
