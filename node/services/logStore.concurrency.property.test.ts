import fc from 'fast-check'

import { causeOf } from '../domain/causes'
import { LAYOUT_ROOT } from '../domain/layout'
import type { IntegrationLog, LogKey, LogStatus } from '../domain/log'
import {
  LOG_STATUSES,
  completeJob,
  markQueued,
  recordOutcome,
} from '../domain/log'
import { MARKER_STALE_MS, isRemovalMarker } from '../domain/removal'
import { SEED } from '../test/logArbitraries'
import { MemoryStorage } from '../test/memoryStorage'
import { LogStore } from './logStore'
import type { KeyValueStore } from './storage'

/**
 * Property: under any interleaving of removals, reprocess (mark queued),
 * outcomes, bulk chunks, compaction and the self-check on the same few logs,
 * the counts equal the listings' totals equal the rows listed, for every
 * status, marketplace, abnormal flag and cause; and of concurrent removers
 * of one log, exactly one reports it removed. fast-check's scheduler decides
 * the order in which every storage call lands (FC_SEED=… replays a failure).
 */
const T0 = Date.UTC(2026, 10, 20, 10, 0)
const TAB = 'PRODUCTS' as const
const MARKETS = ['amazon', 'magalu']
const IDS = ['1', '2', '3']
const MESSAGES = ['Amazon answered HTTP 503', 'SKU 1 has no price']

type Op =
  | { kind: 'remove'; log: number }
  | { kind: 'reprocess'; log: number }
  | {
      kind: 'outcome'
      log: number
      ok: boolean
      slow: boolean
      message: number
    }
  | { kind: 'complete'; log: number; ok: boolean }
  | { kind: 'bulk'; action: 'REMOVE' | 'REPROCESS'; status: LogStatus | null }
  | { kind: 'compact' }
  | { kind: 'check' }

const logIndex = fc.nat({ max: MARKETS.length * IDS.length - 1 })
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('remove' as const),
      log: logIndex,
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('reprocess' as const),
      log: logIndex,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('outcome' as const),
      log: logIndex,
      ok: fc.boolean(),
      slow: fc.boolean(),
      message: fc.nat({ max: MESSAGES.length - 1 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('complete' as const),
      log: logIndex,
      ok: fc.boolean(),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('bulk' as const),
      action: fc.constantFrom('REMOVE' as const, 'REPROCESS' as const),
      status: fc.constantFrom<LogStatus | null>(null, 'ERROR', 'SUCCESS'),
    }),
    weight: 1,
  },
  { arbitrary: fc.constant({ kind: 'compact' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'check' as const }), weight: 1 }
)

const keyOf = (i: number): LogKey => ({
  tab: TAB,
  marketplace: MARKETS[i % MARKETS.length],
  entityId: IDS[Math.floor(i / MARKETS.length)],
})

const idOf = (k: LogKey) => `${k.tab}:${k.marketplace}:${k.entityId}`

interface World {
  kv: MemoryStorage
  store: LogStore
  /** The same storage, where every multi-file upload fails: a process dying after its document write. */
  crashing: LogStore
  scheduler: { current: fc.Scheduler | null }
  clock: { now: number }
}

function world(): World {
  const scheduler: { current: fc.Scheduler | null } = { current: null }
  const clock = { now: T0 }
  const step = () =>
    scheduler.current
      ? scheduler.current.schedule(Promise.resolve())
      : new Promise<void>((resolve) => setImmediate(() => resolve()))

  const kv = new MemoryStorage({ tick: step })
  // Each read of the clock moves it by a millisecond; claims never go stale here.
  const store = new LogStore(kv, () => ++clock.now, 3_600_000, { wait: step })
  const failing: KeyValueStore = Object.create(kv)

  failing.putMany = async () => {
    await step()
    throw new Error('the process died')
  }

  const crashing = new LogStore(failing, () => ++clock.now, 3_600_000, {
    wait: step,
  })

  return { kv, store, crashing, scheduler, clock }
}

const outcomeAt = (w: World, ok: boolean, message: string, slow = false) => ({
  status: ok ? ('SUCCESS' as const) : ('ERROR' as const),
  message: ok ? 'Accepted' : message,
  origin: null,
  at: new Date(w.clock.now).toISOString(),
  trigger: 'CHANGE' as const,
  // More than an hour from the change to its acceptance: abnormal latency.
  changedAt: new Date(
    w.clock.now - (slow ? 2 * 3_600_000 : 60_000)
  ).toISOString(),
})

const reprocess = (w: World, k: LogKey) =>
  w.store.update(k, (cur) =>
    cur?.status === 'ERROR'
      ? markQueued(cur, `job-${idOf(k)}`, new Date(w.clock.now).toISOString())
      : null
  )

async function run(w: World, op: Op): Promise<boolean | null> {
  switch (op.kind) {
    case 'remove':
      return w.store.remove(idOf(keyOf(op.log)))

    case 'reprocess':
      await reprocess(w, keyOf(op.log))

      return null

    case 'outcome': {
      const k = keyOf(op.log)

      await w.store.update(k, (cur) =>
        recordOutcome(
          cur,
          k,
          {},
          outcomeAt(w, op.ok, MESSAGES[op.message], op.slow)
        )
      )

      return null
    }

    case 'complete': {
      const k = keyOf(op.log)

      await w.store.update(k, (cur) =>
        cur
          ? completeJob(cur, `job-${idOf(k)}`, outcomeAt(w, op.ok, MESSAGES[0]))
          : null
      )

      return null
    }

    case 'bulk': {
      // One chunk of a bulk action: a page of the filter, acted on at once.
      const page = await w.store.list({ tab: TAB, status: op.status, first: 3 })

      await Promise.all(
        page.data.map((row) =>
          op.action === 'REMOVE'
            ? w.store.remove(row.id)
            : reprocess(w, {
                tab: TAB,
                marketplace: row.marketplace,
                entityId: row.entityId,
              })
        )
      )

      return null
    }

    case 'compact':
      await w.store.compact(TAB)

      return null

    default:
      await w.store.checkCounts(TAB)

      return null
  }
}

/** Every page of a filter, to the end. */
async function walk(
  store: LogStore,
  filter: Partial<Parameters<LogStore['list']>[0]>
) {
  const rows: Array<{ id: string; status: string }> = []
  let after: string | null = null

  do {
    const page: Awaited<ReturnType<LogStore['list']>> = await store.list({
      tab: TAB,
      first: 3,
      ...filter,
      after,
    })

    rows.push(...page.data.map((l) => ({ id: l.id, status: l.status })))
    after = page.endCursor
  } while (after)

  return rows
}

/** After crashes, listings may lag the documents by design; counts must still equal what is listed. */
async function expectCountsMatchRows(w: World) {
  const filters: Array<Partial<Parameters<LogStore['list']>[0]>> = [
    {},
    { abnormalOnly: true },
  ]

  for (const status of [null, ...LOG_STATUSES])
    for (const marketplace of [null, ...MARKETS])
      filters.push({ status, marketplace })
  for (const cause of new Set(MESSAGES.map((m) => causeOf(m).id)))
    filters.push({ cause })

  for (const f of filters) {
    const listed = await walk(w.store, f)

    expect({ f, total: await w.store.count({ tab: TAB, ...f }) }).toEqual({
      f,
      total: listed.length,
    })
  }
}

/** The documents: the truth every count and listing must agree with. */
function documents(kv: MemoryStorage): IntegrationLog[] {
  return [...kv.files.entries()]
    .filter(([path]) => path.startsWith(`${LAYOUT_ROOT}/log/${TAB}/`))
    .map(([, f]) => JSON.parse(f.body))
    .filter((d) => !isRemovalMarker(d))
}

/** overview = listing totals = rows listed = documents, for every filter the admin has. */
async function expectConsistent(w: World) {
  const docs = documents(w.kv)
  const sortIds = (ids: string[]) => [...ids].sort((a, b) => (a < b ? -1 : 1))
  const filters: Array<Partial<Parameters<LogStore['list']>[0]>> = [
    {},
    { abnormalOnly: true },
  ]

  for (const status of [null, ...LOG_STATUSES])
    for (const marketplace of [null, ...MARKETS])
      filters.push({ status, marketplace })
  for (const cause of new Set(MESSAGES.map((m) => causeOf(m).id)))
    filters.push({ cause })

  for (const f of filters) {
    const expected = docs.filter(
      (d) =>
        (!f.status || d.status === f.status) &&
        (!f.marketplace || d.marketplace === f.marketplace) &&
        (!f.abnormalOnly || d.abnormal) &&
        (!f.cause ||
          (d.status === 'ERROR' && causeOf(d.message).id === f.cause))
    )

    const listed = await walk(w.store, f)

    expect({
      f,
      listed: sortIds(listed.map((r) => `${r.id}:${r.status}`)),
    }).toEqual({
      f,
      listed: sortIds(expected.map((d) => `${d.id}:${d.status}`)),
    })
    expect({ f, total: await w.store.count({ tab: TAB, ...f }) }).toEqual({
      f,
      total: expected.length,
    })
  }

  const overview = await w.store.overview(TAB)

  expect(overview.total).toBe(docs.length)
  expect(overview.abnormal).toBe(docs.filter((d) => d.abnormal).length)
  const groups = await w.store.errorGroups(TAB)

  expect(groups.reduce((n, g) => n + g.count, 0)).toBe(
    docs.filter((d) => d.status === 'ERROR').length
  )
  // And the self-check finds nothing to repair.
  expect((await w.store.checkCounts(TAB, { repair: false })).drift).toEqual([])
}

async function seeded(initial: Array<{ ok: boolean; slow: boolean }>) {
  const w = world()

  for (const [i, o] of initial.entries()) {
    const k = keyOf(i)

    await w.store.update(k, (cur) =>
      recordOutcome(cur, k, {}, outcomeAt(w, o.ok, MESSAGES[i % 2], o.slow))
    )
  }

  return w
}

const initialArb = fc.array(
  fc.record({ ok: fc.boolean(), slow: fc.boolean() }),
  {
    minLength: 1,
    maxLength: MARKETS.length * IDS.length,
  }
)

// Bounded runs (a few seconds alone); the timeout only absorbs a loaded machine.
jest.setTimeout(60_000)

describe('LogStore under concurrency (property)', () => {
  it('counts = listing totals = rows listed after any interleaving of removals, reprocess, outcomes, bulk chunks, compaction and self-checks', async () => {
    // fc.assert rejects with the counterexample and its seed (expectConsistent asserts).
    const property = fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        initialArb,
        fc.array(opArb, { minLength: 2, maxLength: 8 }),
        async (s, initial, ops) => {
          const w = await seeded(initial)

          w.scheduler.current = s
          const runs = Promise.all(ops.map((op) => run(w, op)))

          await s.waitFor(runs)
          w.scheduler.current = null
          await w.store.settle()
          await expectConsistent(w)
          // Folding the counts changes nothing they say.
          await w.store.compact(TAB)
          await expectConsistent(w)
        }
      ),
      { seed: SEED, numRuns: 60 }
    )

    await expect(property).resolves.toBeUndefined()
  })

  it('of concurrent removers of one log, exactly one reports it removed, whatever else runs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        initialArb,
        fc.integer({ min: 2, max: 8 }),
        fc.array(
          // Nothing else removes or writes it anew.
          opArb.filter(
            (op) =>
              op.kind !== 'outcome' &&
              op.kind !== 'remove' &&
              !(op.kind === 'bulk' && op.action === 'REMOVE')
          ),
          { maxLength: 4 }
        ),
        async (s, initial, removers, others) => {
          const w = await seeded(initial)

          w.scheduler.current = s
          const removals = Promise.all(
            Array.from({ length: removers }, () =>
              w.store.remove(idOf(keyOf(0)))
            )
          )

          const rest = Promise.all(others.map((op) => run(w, op)))
          const [results] = await s.waitFor(Promise.all([removals, rest]))

          w.scheduler.current = null
          await w.store.settle()
          expect(results.filter(Boolean)).toHaveLength(1)
          expect(documents(w.kv).some((d) => d.id === idOf(keyOf(0)))).toBe(
            false
          )
          await expectConsistent(w)
        }
      ),
      { seed: SEED, numRuns: 40 }
    )
  })

  it('after processes die between their document write and their upload, the self-check brings the counts back to the rows listed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        initialArb,
        fc.array(fc.tuple(opArb, fc.boolean()), { minLength: 2, maxLength: 8 }),
        fc.array(opArb, { maxLength: 4 }),
        async (s, initial, ops, later) => {
          const w = await seeded(initial)

          w.scheduler.current = s
          const runs = Promise.all(
            ops.map(([op, dies]) =>
              run({ ...w, store: dies ? w.crashing : w.store }, op).catch(
                () => null
              )
            )
          )

          await s.waitFor(runs)
          w.scheduler.current = null
          // Claims of removers that died go stale; later writes build on what was left.
          w.clock.now += MARKER_STALE_MS
          for (const op of later) await run(w, op)
          await w.store.settle()
          const check = await w.store.checkCounts(TAB)

          expect(check.checked).toBe(true)
          expect(
            (await w.store.checkCounts(TAB, { repair: false })).drift
          ).toEqual([])
          await expectCountsMatchRows(w)
        }
      ),
      { seed: SEED, numRuns: 40 }
    )
  })
})
