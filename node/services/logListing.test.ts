import { cursorKeyPath } from '../domain/layout'
import type { IntegrationLog } from '../domain/log'
import { recordOutcome } from '../domain/log'
import { MemoryStorage } from '../test/memoryStorage'
import { cursorKey } from './cursorKey'
import { PREFIX_SCAN } from './logListing'
import { LogStore } from './logStore'
import type { KeyValueStore } from './storage'

const T0 = Date.UTC(2026, 10, 20, 10, 0)

const log = (entityId: string, minutes: number, marketplace = 'amazon') => {
  const at = new Date(T0 + minutes * 60_000).toISOString()
  const key = { tab: 'TRACKING' as const, marketplace, entityId }

  return {
    ...recordOutcome(
      null,
      key,
      {},
      {
        status: minutes % 2 ? 'ERROR' : 'SUCCESS',
        message: minutes % 2 ? 'Magalu answered HTTP 503' : 'Accepted',
        origin: null,
        at,
        trigger: 'CHANGE',
      }
    ),
    updatedAt: at,
  }
}

async function storeWith(logs: IntegrationLog[]) {
  const kv = new MemoryStorage()
  const store = new LogStore(kv, () => T0, 0)

  await store.importLogs('TRACKING', logs)

  return { kv, store }
}

const ids = (page: {
  data: Array<{ marketplace: string; entityId: string }>
}) => page.data.map((l) => `${l.marketplace}:${l.entityId}`)

describe('search by id prefix', () => {
  const logs = [
    log('1300000007919-01', 1),
    log('1300000007919-02', 5),
    log('1300000007919-01', 3, 'magalu'),
    log('1300000015838-01', 4),
    log('130', 6),
    log('13', 2),
    log('2300000007919-01', 7),
  ]

  it('a partial order id finds every log whose id starts with it, newest first, in one listing', async () => {
    const { store } = await storeWith(logs)
    const page = await store.list({
      tab: 'TRACKING',
      search: '1300000007919',
      first: 10,
    })

    expect(ids(page)).toEqual([
      'amazon:1300000007919-02',
      'magalu:1300000007919-01',
      'amazon:1300000007919-01',
    ])
    expect(page.calls).toBe(1)
    expect(page.hasNextPage).toBe(false)
  })

  it('pages a prefix search with its cursor, with the other filters applied', async () => {
    const { store } = await storeWith(logs)
    const seen: string[] = []
    let after: string | null = null

    do {
      const page: Awaited<ReturnType<LogStore['list']>> = await store.list({
        tab: 'TRACKING',
        search: '130',
        marketplace: 'amazon',
        first: 1,
        after,
      })

      seen.push(...ids(page))
      after = page.endCursor
    } while (after)

    expect(seen).toEqual([
      'amazon:130',
      'amazon:1300000007919-02',
      'amazon:1300000015838-01',
      'amazon:1300000007919-01',
    ])
  })

  it('one or two characters find that exact id', async () => {
    const { store } = await storeWith(logs)

    expect(
      ids(await store.list({ tab: 'TRACKING', search: '13', first: 10 }))
    ).toEqual(['amazon:13'])
  })

  it(`a prefix shared by more than ${PREFIX_SCAN} entries is read from the status folders, still exact and newest first`, async () => {
    const many = Array.from({ length: PREFIX_SCAN + 50 }, (_, i) =>
      log(`777${String(i).padStart(5, '0')}`, i)
    )

    const { store } = await storeWith([
      ...many,
      log('7880001', PREFIX_SCAN + 60),
    ])

    const page = await store.list({ tab: 'TRACKING', search: '777', first: 5 })
    const next = await store.list({
      tab: 'TRACKING',
      search: '777',
      first: 5,
      after: page.endCursor,
    })

    const newest = many
      .slice(-10)
      .reverse()
      .map((l) => `amazon:${l.entityId}`)

    expect([...ids(page), ...ids(next)]).toEqual(newest)
  })
})

describe('the cursor key', () => {
  const view = (kv: KeyValueStore, scope?: string): KeyValueStore => ({
    scope,
    get: (p) => kv.get(p),
    put: (p, d, o) => kv.put(p, d, o),
    delete: (p, o) => kv.delete(p, o),
    list: (p, o) => kv.list(p, o),
    putMany: (f) => kv.putMany(f),
  })

  it('is created once however many processes race for it, then read once per process', async () => {
    const kv = new MemoryStorage()
    const keys = await Promise.all(
      Array.from({ length: 5 }, () => cursorKey(view(kv)))
    )

    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1)
    expect(keys[0]).toHaveLength(32)
    expect((await kv.get<{ key: string }>(cursorKeyPath))?.data.key).toBe(
      keys[0].toString('base64url')
    )

    // Requests of one account share the key read by the first.
    const { calls } = kv
    const first = await cursorKey(view(kv, 'acme/master/logs'))

    expect(kv.calls - calls).toBe(1)
    expect(await cursorKey(view(kv, 'acme/master/logs'))).toBe(first)
    expect(kv.calls - calls).toBe(1)
    expect(first.equals(keys[0])).toBe(true)
  })
})
