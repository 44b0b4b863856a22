import { docPath } from '../domain/layout'
import type { LogKey } from '../domain/log'
import { markQueued, recordOutcome } from '../domain/log'
import { MARKER_STALE_MS } from '../domain/removal'
import { entryPaths, rowOf } from '../domain/rows'
import { MemoryStorage } from '../test/memoryStorage'
import { LogStore } from './logStore'
import type { KeyValueStore } from './storage'

const T0 = Date.UTC(2026, 10, 20, 10, 0)
const key = (entityId: string): LogKey => ({
  tab: 'PRODUCTS',
  marketplace: 'amazon',
  entityId,
})

function setup() {
  const kv = new MemoryStorage()
  const clock = { now: T0 }
  const store = new LogStore(kv, () => clock.now, 0)
  const write = async (entityId: string, status: 'SUCCESS' | 'ERROR') => {
    const k = key(entityId)

    clock.now += 60_000

    return store.update(k, (cur) =>
      recordOutcome(
        cur,
        k,
        {},
        {
          status,
          message: status === 'ERROR' ? 'Amazon answered HTTP 503' : 'Accepted',
          origin: null,
          at: new Date(clock.now).toISOString(),
          trigger: 'CHANGE',
        }
      )
    )
  }

  /** The same storage, whose multi-file uploads fail (a removal stops after its claim). */
  const failingUploads = () => {
    const failing: KeyValueStore = Object.create(kv)

    failing.putMany = async () => {
      throw new Error('connection reset')
    }

    return new LogStore(failing, () => clock.now, 0)
  }

  const errors = async () =>
    (
      await store.list({ tab: 'PRODUCTS', status: 'ERROR', first: 50 })
    ).data.map((l) => l.entityId)

  const errorCount = async () =>
    (await store.overview('PRODUCTS')).byStatus.ERROR

  return { kv, clock, store, write, failingUploads, errors, errorCount }
}

describe('removing a log', () => {
  it('8 removers at once: one reports it removed, the counts fall by one', async () => {
    const s = setup()

    await s.write('1', 'ERROR')
    await s.write('2', 'ERROR')
    const results = await Promise.all(
      Array.from({ length: 8 }, () => s.store.remove('PRODUCTS:amazon:1'))
    )

    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await s.errors()).toEqual(['2'])
    expect(await s.errorCount()).toBe(1)
    await s.store.settle()
    // The claim is deleted a little later; the log is gone.
    expect(await s.kv.get(docPath('PRODUCTS', 'amazon', '1'))).toBeNull()
    expect(await s.store.remove('PRODUCTS:amazon:1')).toBe(false)
    expect(await s.errorCount()).toBe(1)
  })

  it('removers racing reprocess and new outcomes never count a log twice', async () => {
    const s = setup()

    await s.write('1', 'ERROR')
    const k = key('1')

    await Promise.all([
      s.store.remove('PRODUCTS:amazon:1'),
      s.store.update(k, (cur) =>
        cur?.status === 'ERROR' ? markQueued(cur, 'job-1', 'now') : null
      ),
      s.store.remove('PRODUCTS:amazon:1'),
      s.write('1', 'SUCCESS'),
      s.store.remove('PRODUCTS:amazon:1'),
    ])
    await s.store.settle()
    const log = await s.store.getByKey(k)
    const overview = await s.store.overview('PRODUCTS')
    const listed = await s.store.list({ tab: 'PRODUCTS', first: 10 })

    expect(overview.total).toBe(log ? 1 : 0)
    expect(listed.data.map((l) => l.status)).toEqual(log ? [log.status] : [])
  })

  it('an interrupted removal (claimed, upload lost) is left to its remover for 30 s, then finished once', async () => {
    const s = setup()

    await s.write('1', 'ERROR')
    await s.write('2', 'ERROR')
    await expect(
      s.failingUploads().remove('PRODUCTS:amazon:1')
    ).rejects.toThrow('connection reset')

    // Still listed and counted: nothing is half shown.
    expect(await s.errors()).toEqual(['2', '1'])
    expect(await s.errorCount()).toBe(2)
    expect(await s.store.getByKey(key('1'))).toBeNull()
    expect(await s.store.remove('PRODUCTS:amazon:1')).toBe(false)

    s.clock.now += MARKER_STALE_MS
    const again = await Promise.all([
      s.store.remove('PRODUCTS:amazon:1'),
      s.store.remove('PRODUCTS:amazon:1'),
    ])

    expect(again.filter(Boolean)).toHaveLength(1)
    expect(await s.errors()).toEqual(['2'])
    expect(await s.errorCount()).toBe(1)
  })

  it('a claim left behind after its upload (restart before the delete) is cleared without uncounting again', async () => {
    const s = setup()

    await s.write('1', 'ERROR')
    await s.write('2', 'ERROR')
    const noCleanup = new LogStore(s.kv, () => s.clock.now, 3_600_000)

    expect(await noCleanup.remove('PRODUCTS:amazon:1')).toBe(true)
    expect(await s.errorCount()).toBe(1)
    s.clock.now += MARKER_STALE_MS
    expect(await s.store.remove('PRODUCTS:amazon:1')).toBe(false)
    await s.store.settle()
    expect(await s.kv.get(docPath('PRODUCTS', 'amazon', '1'))).toBeNull()
    expect(await s.errors()).toEqual(['2'])
    expect(await s.errorCount()).toBe(1)
  })

  it('rows left without a document (an earlier release deleted it first) are cleared and uncounted by one remover', async () => {
    const s = setup()
    const log = (await s.write('1', 'ERROR'))!

    await s.write('2', 'ERROR')
    await s.kv.delete(docPath('PRODUCTS', 'amazon', '1'))
    expect(await s.errors()).toEqual(['2', '1'])

    const results = await Promise.all([
      s.store.remove('PRODUCTS:amazon:1'),
      s.store.remove('PRODUCTS:amazon:1'),
      s.store.remove('PRODUCTS:amazon:1'),
    ])

    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await s.errors()).toEqual(['2'])
    expect(await s.errorCount()).toBe(1)
    // Its entries are hidden by tombstones, then deleted.
    await s.store.settle()
    for (const p of entryPaths('PRODUCTS', rowOf(log)))
      expect(await s.kv.get(p)).toBeNull()
  })

  it('a new outcome written over a claim makes the log anew, counted once', async () => {
    const s = setup()

    await s.write('1', 'ERROR')
    const noCleanup = new LogStore(s.kv, () => s.clock.now, 3_600_000)

    expect(await noCleanup.remove('PRODUCTS:amazon:1')).toBe(true)
    await s.write('1', 'SUCCESS')
    await noCleanup.settle()
    expect((await s.store.getByKey(key('1')))?.status).toBe('SUCCESS')
    expect(
      (await s.store.list({ tab: 'PRODUCTS', first: 10 })).data.map(
        (l) => `${l.entityId}:${l.status}`
      )
    ).toEqual(['1:SUCCESS'])
    expect((await s.store.overview('PRODUCTS')).byStatus).toEqual({
      SUCCESS: 1,
      ERROR: 0,
      PENDING: 0,
      ALERT: 0,
      QUEUED: 0,
    })
  })
})
