import type { Outcome } from '../domain/log'
import { buildLogId, recordOutcome } from '../domain/log'
import { MemoryStorage } from '../test/memoryStorage'
import { LogStore } from './logStore'

const at = (minute: number) =>
  new Date(Date.UTC(2026, 10, 20, 10, minute)).toISOString()

const outcome = (status: 'SUCCESS' | 'ERROR', minute: number): Outcome => ({
  status,
  message: status,
  origin: null,
  at: at(minute),
  trigger: 'CHANGE',
})

async function seed(
  store: LogStore,
  rows: Array<[string, string, 'SUCCESS' | 'ERROR', number]>
) {
  for (const [marketplace, entityId, status, minute] of rows) {
    const key = { tab: 'PRODUCTS' as const, marketplace, entityId }

    await store.update(key, (cur) =>
      recordOutcome(cur, key, { entityId }, outcome(status, minute))
    )
  }
}

describe('LogStore', () => {
  let kv: MemoryStorage
  let store: LogStore

  beforeEach(async () => {
    kv = new MemoryStorage()
    store = new LogStore(kv)
    await seed(store, [
      ['amazon', '1', 'SUCCESS', 1],
      ['amazon', '2', 'ERROR', 2],
      ['magalu', '3', 'ERROR', 3],
      ['magalu', '4', 'SUCCESS', 4],
      ['amazon', '5', 'ERROR', 5],
    ])
  })

  it('lists newest first with counts', async () => {
    const page = await store.list({ tab: 'PRODUCTS', first: 10 })

    expect(page.data.map((l) => l.entityId)).toEqual(['5', '4', '3', '2', '1'])
    expect(page.total).toBe(5)
    expect(page.hasNextPage).toBe(false)
  })

  it('filters by status, by marketplace and by both', async () => {
    const ids = async (status?: 'ERROR' | 'SUCCESS', marketplace?: string) =>
      (
        await store.list({ tab: 'PRODUCTS', status, marketplace, first: 10 })
      ).data.map((l) => l.entityId)

    expect(await ids('ERROR')).toEqual(['5', '3', '2'])
    expect(await ids(undefined, 'magalu')).toEqual(['4', '3'])
    expect(await ids('ERROR', 'amazon')).toEqual(['5', '2'])
    expect(
      (
        await store.list({
          tab: 'PRODUCTS',
          status: 'ERROR',
          marketplace: 'amazon',
          first: 1,
        })
      ).total
    ).toBe(2)
    expect((await store.list({ tab: 'TRACKING', first: 10 })).data).toEqual([])
  })

  it('pages with a cursor', async () => {
    const first = await store.list({ tab: 'PRODUCTS', first: 2 })

    expect(first.data.map((l) => l.entityId)).toEqual(['5', '4'])
    expect(first.hasNextPage).toBe(true)
    const second = await store.list({
      tab: 'PRODUCTS',
      first: 2,
      after: first.endCursor,
    })

    expect(second.data.map((l) => l.entityId)).toEqual(['3', '2'])
    const third = await store.list({
      tab: 'PRODUCTS',
      first: 2,
      after: second.endCursor,
    })

    expect(third.data.map((l) => l.entityId)).toEqual(['1'])
    expect(third.hasNextPage).toBe(false)
  })

  it('moves a log to the top and to its new status when it is processed again', async () => {
    const key = {
      tab: 'PRODUCTS' as const,
      marketplace: 'amazon',
      entityId: '2',
    }

    await store.update(key, (cur) =>
      recordOutcome(cur, key, {}, outcome('SUCCESS', 9))
    )
    const all = await store.list({ tab: 'PRODUCTS', first: 10 })

    expect(all.data.map((l) => l.entityId)).toEqual(['2', '5', '4', '3', '1'])
    const errors = await store.list({
      tab: 'PRODUCTS',
      status: 'ERROR',
      first: 10,
    })

    expect(errors.data.map((l) => l.entityId)).toEqual(['5', '3'])
    expect(await store.overview('PRODUCTS')).toMatchObject({
      total: 5,
      byStatus: { SUCCESS: 3, ERROR: 2, QUEUED: 0 },
    })
  })

  it('removes a log, its index entries and its count', async () => {
    expect(await store.remove(buildLogId('PRODUCTS', 'magalu', '3'))).toBe(true)
    expect(await store.remove(buildLogId('PRODUCTS', 'magalu', '3'))).toBe(
      false
    )
    expect(await store.get('PRODUCTS:magalu:3')).toBeNull()
    expect(
      (await store.list({ tab: 'PRODUCTS', first: 10 })).data.map(
        (l) => l.entityId
      )
    ).toEqual(['5', '4', '2', '1'])
    expect([...kv.files.keys()].filter((k) => k.includes('_magalu_3'))).toEqual(
      []
    )
    expect((await store.overview('PRODUCTS')).byStatus.ERROR).toBe(2)
  })

  it('skips stale index entries left by an interrupted write', async () => {
    // An index entry whose document moved on (as after a crash between writes).
    await kv.put('idx/PRODUCTS/all/0000000000001_amazon_2', {
      id: 'PRODUCTS:amazon:2',
    })
    const page = await store.list({ tab: 'PRODUCTS', first: 10 })

    expect(page.data.map((l) => l.entityId)).toEqual(['5', '4', '3', '2', '1'])
  })

  it('loses no update with 8 concurrent writers on one log', async () => {
    const key = {
      tab: 'INVENTORY' as const,
      marketplace: 'amazon',
      entityId: '777',
    }

    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.update(key, (cur) =>
          recordOutcome(
            cur,
            key,
            { i },
            outcome(i % 2 ? 'ERROR' : 'SUCCESS', 10 + i)
          )
        )
      )
    )
    const log = await store.getByKey(key)

    expect(log!.attempts).toBe(8)
    expect(log!.history).toHaveLength(8)
    const overview = await store.overview('INVENTORY')

    expect(overview.total).toBe(1)
  })

  it('keeps counts exact with concurrent writers on different logs', async () => {
    await Promise.all(
      Array.from({ length: 16 }, (_, i) => {
        const key = {
          tab: 'TRACKING' as const,
          marketplace: i % 2 ? 'amazon' : 'magalu',
          entityId: `o-${i}`,
        }

        return store.update(key, (cur) =>
          recordOutcome(cur, key, {}, outcome('ERROR', i))
        )
      })
    )
    const overview = await store.overview('TRACKING')

    expect(overview.byStatus.ERROR).toBe(16)
    expect(overview.byMarketplace.map((m) => m.total)).toEqual([8, 8])
  })

  it('refuses a malformed cursor without touching storage state', async () => {
    const before = new Map(kv.files)

    await expect(
      store.list({ tab: 'PRODUCTS', first: 5, after: 'nope' })
    ).rejects.toThrow(/Invalid cursor/)
    expect(kv.files).toEqual(before)
  })
})
