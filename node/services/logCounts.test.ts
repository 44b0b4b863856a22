import { statsBasePath } from '../domain/layout'
import type { LogKey } from '../domain/log'
import { recordOutcome } from '../domain/log'
import type { StatsBase } from '../domain/stats'
import { MemoryStorage } from '../test/memoryStorage'
import { LogStore } from './logStore'
import type { KeyValueStore } from './storage'

const T0 = Date.UTC(2026, 10, 20, 10, 0)

const outcome = (ok: boolean, atMs: number) => ({
  status: ok ? ('SUCCESS' as const) : ('ERROR' as const),
  message: ok ? 'Accepted' : 'Amazon answered HTTP 503',
  origin: null,
  at: new Date(atMs).toISOString(),
  trigger: 'CHANGE' as const,
})

function setup(kv: KeyValueStore = new MemoryStorage()) {
  const clock = { now: T0 }
  const store = new LogStore(kv, () => clock.now, 0)
  const write = async (entityId: string, ok: boolean, atStore = store) => {
    const k: LogKey = { tab: 'PRODUCTS', marketplace: 'amazon', entityId }

    clock.now += 1000

    return atStore.update(k, (cur) =>
      recordOutcome(cur, k, {}, outcome(ok, clock.now))
    )
  }

  return { kv, clock, store, write }
}

/** Breaks the counts the way lost count changes would: the base says `errors` more. */
async function drift(kv: KeyValueStore, errors: number) {
  await new LogStore(kv, () => T0, 0).compact('PRODUCTS')
  const file = await kv.get<StatsBase>(statsBasePath('PRODUCTS'))
  const base = file!.data

  base.stats.counts.amazon = {
    ...base.stats.counts.amazon,
    ERROR: (base.stats.counts.amazon?.ERROR ?? 0) + errors,
  }
  await kv.put(statsBasePath('PRODUCTS'), base, { ifMatch: file!.etag })
}

describe('the counts self-check', () => {
  it('finds nothing to repair when counts and rows agree', async () => {
    const s = setup()

    await s.write('1', false)
    await s.write('2', true)
    await s.store.compact('PRODUCTS')
    expect(await s.store.checkCounts('PRODUCTS')).toEqual({
      tab: 'PRODUCTS',
      checked: true,
      drift: [],
      repaired: false,
    })
  })

  it('repairs drift by rewriting the count base, with changes still pending', async () => {
    const s = setup()

    await s.write('1', false)
    await s.write('2', false)
    await s.store.compact('PRODUCTS')
    await drift(s.kv, 3)
    await s.write('3', true) // a change not folded yet
    expect((await s.store.overview('PRODUCTS')).byStatus.ERROR).toBe(5)

    const check = await s.store.checkCounts('PRODUCTS')

    expect(check).toMatchObject({ checked: true, repaired: true })
    expect(check.drift).toEqual([
      { what: 'count.amazon.ERROR', counted: 5, listed: 2 },
    ])
    expect((await s.store.overview('PRODUCTS')).byStatus).toEqual({
      SUCCESS: 1,
      ERROR: 2,
      PENDING: 0,
      ALERT: 0,
      QUEUED: 0,
    })
    // The pending change is folded later, and nothing drifts again.
    await s.store.compact('PRODUCTS')
    expect((await s.store.checkCounts('PRODUCTS')).drift).toEqual([])
    expect(
      (await s.store.list({ tab: 'PRODUCTS', status: 'ERROR', first: 10 })).data
    ).toHaveLength(2)
  })

  it('reports what it cannot check in one pass, and changes nothing', async () => {
    const s = setup()

    for (let i = 0; i < 5; i++) await s.write(`${i}`, i % 2 === 0)
    await drift(s.kv, 1)
    expect(
      await s.store.checkCounts('PRODUCTS', { maxListings: 1 })
    ).toMatchObject({
      checked: false,
      reason: 'TOO_MANY_ROWS',
      repaired: false,
    })
    expect((await s.store.overview('PRODUCTS')).byStatus.ERROR).toBe(3)
    expect(
      await s.store.checkCounts('PRODUCTS', { repair: false })
    ).toMatchObject({ checked: true, repaired: false })
    expect((await s.store.overview('PRODUCTS')).byStatus.ERROR).toBe(3)
  })

  it('does not repair while writes land (a write in flight is not drift)', async () => {
    const mem = new MemoryStorage()
    const s = setup(mem)

    await s.write('1', false)
    await drift(mem, 2)
    // Every listing of the rows lands a new write first.
    let n = 0
    const busy: KeyValueStore = Object.create(mem)

    busy.list = async (prefix, options) => {
      if (prefix.includes('/s.') && n++ < 20) await s.write(`w${n}`, true)

      return mem.list(prefix, options)
    }

    const check = await new LogStore(busy, () => s.clock.now, 0).checkCounts(
      'PRODUCTS'
    )

    expect(check).toMatchObject({
      checked: false,
      reason: 'BUSY',
      repaired: false,
    })
  })

  it('maintenance runs it at most every 10 minutes per account, and logs a repair', async () => {
    const s = setup()
    const logged: unknown[] = []

    await s.write('1', false)
    await drift(s.kv, 1)
    const first = await s.store.selfCheck({ warn: (e) => logged.push(e) })

    expect(first.map((c) => [c.tab, c.repaired])).toEqual([
      ['PRODUCTS', true],
      ['INVENTORY', false],
      ['TRACKING', false],
    ])
    expect(logged).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/Counts of PRODUCTS .* repaired/),
      }),
    ])
    expect(await s.store.selfCheck()).toEqual([])
    s.clock.now += 10 * 60_000
    expect(await s.store.selfCheck()).toHaveLength(3)
  })
})

describe('compaction', () => {
  it('a compaction that lost the race re-reads the changes: one the winner folded, and has not deleted yet, is not counted twice', async () => {
    // Regression: the retry folded the listing made before the base it
    // re-read, and dropped from `folded` a change the winner had folded and
    // not deleted yet (its delete lost, or late): counted twice from then on.
    const mem = new MemoryStorage()
    const s = setup(mem)

    await s.write('late', false)
    const early = s.clock.now

    await s.write('1', false)
    await s.store.compact('PRODUCTS')
    await s.write('2', false)

    // A compaction lists the pending change, then waits before writing the base...
    let release: () => void = () => undefined
    let reached: () => void = () => undefined
    const held = new Promise<void>((r) => (release = r))
    const atPut = new Promise<void>((r) => (reached = r))
    let hold = true
    const slow: KeyValueStore = Object.create(mem)

    slow.put = async (path, data, options) => {
      if (path === statsBasePath('PRODUCTS') && hold) {
        hold = false
        reached()
        await held
      }

      return mem.put(path, data, options)
    }

    const loser = new LogStore(slow, () => s.clock.now, 0).compact('PRODUCTS')

    await atPut
    // ...a change whose name sorts before it lands (its writer's clock is behind)...
    await s.write('late', true, new LogStore(mem, () => early, 0))
    // ...another compaction folds both, and its deletes are lost...
    const noDeletes: KeyValueStore = Object.create(mem)

    noDeletes.delete = async () => undefined
    await new LogStore(noDeletes, () => s.clock.now, 0).compact('PRODUCTS')
    release()
    await loser
    expect((await s.store.overview('PRODUCTS')).byStatus).toEqual({
      SUCCESS: 1,
      ERROR: 2,
      PENDING: 0,
      ALERT: 0,
      QUEUED: 0,
    })
    expect(
      (await s.store.checkCounts('PRODUCTS', { repair: false })).drift
    ).toEqual([])
  })
})
