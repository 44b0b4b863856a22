import { causeOf } from '../domain/causes'
import { statsDeltaPrefix } from '../domain/layout'
import type { LogKey, Outcome } from '../domain/log'
import { markQueued, recordOutcome } from '../domain/log'
import { isTombstone } from '../domain/rows'
import { MemoryStorage } from '../test/memoryStorage'
import { LogStore } from './logStore'
import type { KeyValueStore } from './storage'

const T0 = Date.UTC(2026, 10, 20, 10, 0)
const minute = 60_000

const outcome = (
  status: 'SUCCESS' | 'ERROR',
  message = status === 'ERROR'
    ? 'Amazon answered HTTP 400: SKU 1001 has no price'
    : 'Accepted'
): Outcome => ({
  status,
  message,
  origin: null,
  at: new Date(T0).toISOString(),
  trigger: 'CHANGE',
})

const key = (marketplace: string, entityId: string): LogKey => ({
  tab: 'PRODUCTS',
  marketplace,
  entityId,
})

/** A store whose clock moves one minute before each write. */
function setup() {
  const kv = new MemoryStorage()
  let now = T0
  const store = new LogStore(kv, () => now, 0)
  const write = (
    marketplace: string,
    entityId: string,
    status: 'SUCCESS' | 'ERROR',
    message?: string
  ) => {
    const k = key(marketplace, entityId)

    now += minute

    return store.update(k, (cur) =>
      recordOutcome(cur, k, { entityId }, outcome(status, message))
    )
  }

  return {
    kv,
    store,
    write,
    at: (m: number) => new Date(T0 + m * minute).toISOString(),
  }
}

const ids = (page: { data: Array<{ entityId: string }> }) =>
  page.data.map((l) => l.entityId)

describe('LogStore', () => {
  let ctx: ReturnType<typeof setup>

  beforeEach(async () => {
    ctx = setup()
    await ctx.write('amazon', '1', 'SUCCESS')
    await ctx.write('amazon', '2', 'ERROR')
    await ctx.write('magalu', '3', 'ERROR', 'Magalu answered HTTP 503')
    await ctx.write('magalu', '4', 'SUCCESS')
    await ctx.write(
      'amazon',
      '5',
      'ERROR',
      'Amazon answered HTTP 400: SKU 5 has no price'
    )
  })

  it('lists newest first, merging the five status folders', async () => {
    const page = await ctx.store.list({ tab: 'PRODUCTS', first: 10 })

    expect(ids(page)).toEqual(['5', '4', '3', '2', '1'])
    expect(page.hasNextPage).toBe(false)
    expect(page.calls).toBe(5)
    expect(page.data[0]).toMatchObject({
      id: 'PRODUCTS:amazon:5',
      status: 'ERROR',
      message: 'Amazon answered HTTP 400: SKU 5 has no price',
      attempts: 1,
    })
    expect(await ctx.store.count({ tab: 'PRODUCTS' })).toBe(5)
  })

  it('filters by status, marketplace, both, in one listing when a status is given', async () => {
    const list = (status?: 'ERROR' | 'SUCCESS', marketplace?: string) =>
      ctx.store.list({ tab: 'PRODUCTS', status, marketplace, first: 10 })

    expect(ids(await list('ERROR'))).toEqual(['5', '3', '2'])
    expect((await list('ERROR')).calls).toBe(1)
    expect(ids(await list(undefined, 'amazon'))).toEqual(['5', '2', '1'])
    expect(ids(await list('ERROR', 'magalu'))).toEqual(['3'])
    expect(
      await ctx.store.count({
        tab: 'PRODUCTS',
        status: 'ERROR',
        marketplace: 'amazon',
      })
    ).toBe(2)
  })

  it('finds an id across marketplaces in one listing', async () => {
    await ctx.write('magalu', '2', 'SUCCESS')
    const { calls } = ctx.kv
    const rows = await ctx.store.lookup('PRODUCTS', '2')

    expect(ctx.kv.calls - calls).toBe(1)
    expect(rows.map((r) => `${r.marketplace}:${r.status}`)).toEqual([
      'magalu:SUCCESS',
      'amazon:ERROR',
    ])
    expect(
      ids(
        await ctx.store.list({
          tab: 'PRODUCTS',
          search: '2',
          status: 'ERROR',
          first: 5,
        })
      )
    ).toEqual(['2'])
  })

  it('filters by date range, newest first, dropping rows outside it', async () => {
    // Writes happened at T0+1..5 minutes.
    const page = await ctx.store.list({
      tab: 'PRODUCTS',
      from: ctx.at(2),
      to: ctx.at(4),
      first: 10,
    })

    expect(ids(page)).toEqual(['4', '3', '2'])
    expect(
      await ctx.store.count({ tab: 'PRODUCTS', from: ctx.at(2) })
    ).toBeNull()
  })

  it('groups errors by cause, and a cause is a filter', async () => {
    await ctx.write(
      'magalu',
      '6',
      'ERROR',
      'Amazon answered HTTP 400: SKU 6 has no price'
    )
    const groups = await ctx.store.errorGroups('PRODUCTS')

    expect(groups).toEqual([
      {
        cause: causeOf('Amazon answered HTTP 400: SKU 6 has no price').id,
        count: 3,
        text: 'Amazon answered HTTP 400: SKU # has no price',
        status: 'ERROR',
      },
      {
        cause: causeOf('Magalu answered HTTP 503').id,
        count: 1,
        text: 'Magalu answered HTTP 503',
        status: 'ERROR',
      },
    ])
    const page = await ctx.store.list({
      tab: 'PRODUCTS',
      cause: groups[0].cause,
      first: 10,
    })

    expect(ids(page)).toEqual(['6', '5', '2'])
    expect(
      ids(
        await ctx.store.list({
          tab: 'PRODUCTS',
          cause: groups[0].cause,
          marketplace: 'magalu',
          first: 10,
        })
      )
    ).toEqual(['6'])
  })

  it('PENDING and ALERT: listed, counted, filtered; alerts grouped by cause apart from errors; a follow-up moves the counts', async () => {
    const alertOf = (entityId: string): Outcome => ({
      status: 'ALERT',
      action: 'LISTING_PAUSED',
      message: `Mercado Livre: listing MLB${entityId} is paused`,
      origin: null,
      at: new Date(T0).toISOString(),
      trigger: 'CHANGE',
    })

    const pending: Outcome = {
      status: 'PENDING',
      followUp: { ref: 'sub-7', afterMs: 60_000 },
      message: 'Amazon accepted submission sub-7',
      origin: null,
      at: new Date(T0).toISOString(),
      trigger: 'CHANGE',
    }

    for (const [m, id, o] of [
      ['mercadolivre', '7', alertOf('7')],
      ['mercadolivre', '8', alertOf('8')],
      ['amazon', '9', pending],
    ] as const) {
      const k = key(m, id)

      await ctx.store.update(k, (cur) => recordOutcome(cur, k, { id }, o))
    }

    const overview = await ctx.store.overview('PRODUCTS')

    expect(overview.byStatus).toMatchObject({ PENDING: 1, ALERT: 2, ERROR: 3 })
    expect(overview.total).toBe(8)
    expect(
      ids(
        await ctx.store.list({ tab: 'PRODUCTS', status: 'ALERT', first: 10 })
      ).sort((a, b) => a.localeCompare(b))
    ).toEqual(['7', '8'])
    expect(await ctx.store.count({ tab: 'PRODUCTS', status: 'PENDING' })).toBe(
      1
    )

    const groups = await ctx.store.errorGroups('PRODUCTS')
    const alert = groups.find((g) => g.status === 'ALERT')!

    expect(alert).toEqual({
      cause: causeOf('Mercado Livre: listing MLB7 is paused', 'ALERT').id,
      count: 2,
      text: 'Mercado Livre: listing # is paused',
      status: 'ALERT',
    })
    expect(
      ids(
        await ctx.store.list({ tab: 'PRODUCTS', cause: alert.cause, first: 10 })
      ).sort((a, b) => a.localeCompare(b))
    ).toEqual(['7', '8'])
    expect(
      await ctx.store.count({
        tab: 'PRODUCTS',
        cause: alert.cause,
        status: 'ERROR',
      })
    ).toBe(0)

    // The pending log's final answer moves it between the counts.
    const k = key('amazon', '9')

    await ctx.store.update(k, (cur) =>
      recordOutcome(
        cur,
        k,
        { id: '9' },
        { ...outcome('SUCCESS'), trigger: 'FOLLOW_UP' }
      )
    )
    await ctx.store.compact('PRODUCTS')
    expect((await ctx.store.overview('PRODUCTS')).byStatus).toMatchObject({
      PENDING: 0,
      SUCCESS: 3,
    })
  })

  it('pages with a cursor that stays right while new logs arrive', async () => {
    const first = await ctx.store.list({ tab: 'PRODUCTS', first: 2 })

    expect(ids(first)).toEqual(['5', '4'])
    // A new log and a re-processed one arrive between pages: they go to the top.
    await ctx.write('amazon', '9', 'ERROR')
    await ctx.write('amazon', '1', 'ERROR')
    const second = await ctx.store.list({
      tab: 'PRODUCTS',
      first: 2,
      after: first.endCursor,
    })

    expect(ids(second)).toEqual(['3', '2'])
    // "1" moved to the top, so it is not listed again down here.
    expect(second.hasNextPage).toBe(false)
    expect(ids(await ctx.store.list({ tab: 'PRODUCTS', first: 10 }))).toEqual([
      '1',
      '9',
      '5',
      '4',
      '3',
      '2',
    ])
  })

  it('a folder that returned nothing yet does not hand back a log that moved to its top after the first page', async () => {
    // Regression (property test): the success folder's cursor restarted from
    // its first listing, so "1", written again after page 1, came back at
    // the top of page 2 although it sorts before the cursor.
    const seen: string[] = []
    let page = await ctx.store.list({ tab: 'PRODUCTS', first: 1 })

    seen.push(...ids(page))
    await ctx.write('amazon', '1', 'SUCCESS')
    while (page.endCursor) {
      page = await ctx.store.list({
        tab: 'PRODUCTS',
        first: 1,
        after: page.endCursor,
      })
      seen.push(...ids(page))
    }

    expect(seen).toEqual(['5', '4', '3', '2'])
  })

  it('pages a single folder exactly, with tombstones in it', async () => {
    for (let i = 10; i < 30; i++) await ctx.write('amazon', String(i), 'ERROR')
    for (let i = 10; i < 30; i += 3)
      await ctx.write('amazon', String(i), 'ERROR')
    const seen: string[] = []
    let after: string | null = null

    do {
      const page: Awaited<ReturnType<LogStore['list']>> = await ctx.store.list({
        tab: 'PRODUCTS',
        status: 'ERROR',
        first: 4,
        after,
      })

      seen.push(...ids(page))
      after = page.endCursor
    } while (after)

    expect(seen).toHaveLength(23)
    expect(new Set(seen).size).toBe(23)
    expect(seen.slice(0, 3)).toEqual(['28', '25', '22'])
  })

  it('moves a log to the top and to its new status; the old entries are hidden at once and deleted later', async () => {
    await ctx.write('amazon', '1', 'ERROR')
    // Right after the write, before anything else yields (the cleaner's delay is 0 here).
    expect([...ctx.kv.files.keys()].some(isTombstone)).toBe(true)
    expect(ids(await ctx.store.list({ tab: 'PRODUCTS', first: 1 }))).toEqual([
      '1',
    ])
    expect(
      ids(
        await ctx.store.list({ tab: 'PRODUCTS', status: 'SUCCESS', first: 10 })
      )
    ).toEqual(['4'])
    await ctx.store.settle()
    expect([...ctx.kv.files.keys()].some(isTombstone)).toBe(false)
    expect(
      ids(
        await ctx.store.list({ tab: 'PRODUCTS', status: 'SUCCESS', first: 10 })
      )
    ).toEqual(['4'])
  })

  it('writes an outcome in three calls (two when the read is handed back)', async () => {
    const k = key('amazon', '2')

    await ctx.store.settle()
    let { calls } = ctx.kv

    await ctx.store.update(k, (cur) =>
      recordOutcome(cur, k, {}, outcome('SUCCESS'))
    )
    expect(ctx.kv.calls - calls).toBe(3)
    const file = await ctx.store.getFile(k)

    await ctx.store.settle()
    calls = ctx.kv.calls
    await ctx.store.update(
      k,
      (cur) => recordOutcome(cur, k, {}, outcome('ERROR')),
      file
    )
    expect(ctx.kv.calls - calls).toBe(2)
  })

  it('removes a log: rows and counts follow', async () => {
    expect(await ctx.store.remove('PRODUCTS:amazon:2')).toBe(true)
    expect(await ctx.store.remove('PRODUCTS:amazon:2')).toBe(false)
    expect(ids(await ctx.store.list({ tab: 'PRODUCTS', first: 10 }))).toEqual([
      '5',
      '4',
      '3',
      '1',
    ])
    expect(await ctx.store.lookup('PRODUCTS', '2')).toEqual([])
    expect((await ctx.store.overview('PRODUCTS')).byStatus).toEqual({
      SUCCESS: 2,
      ERROR: 2,
      PENDING: 0,
      ALERT: 0,
      QUEUED: 0,
    })
  })

  it('an interrupted write (document written, index not) is repaired by the next write', async () => {
    const k = key('amazon', '1')
    const failing: KeyValueStore = Object.create(ctx.kv)

    failing.putMany = async () => {
      throw new Error('connection reset')
    }

    const broken = new LogStore(failing, () => T0 + 100 * minute, 0)

    await expect(
      broken.update(k, (cur) => recordOutcome(cur, k, {}, outcome('ERROR')))
    ).rejects.toThrow('connection reset')
    // The list still shows the previous version...
    expect((await ctx.store.lookup('PRODUCTS', '1'))[0].status).toBe('SUCCESS')
    // ...until the next write, which hides both older versions.
    await ctx.write('amazon', '1', 'ERROR')
    const rows = await ctx.store.list({ tab: 'PRODUCTS', first: 10 })

    expect(ids(rows).filter((i) => i === '1')).toHaveLength(1)
    expect(
      ids(
        await ctx.store.list({ tab: 'PRODUCTS', status: 'SUCCESS', first: 10 })
      )
    ).toEqual(['4'])
  })

  it('loses no update with 8 concurrent writers on one log', async () => {
    const k = key('amazon', 'hot')

    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        ctx.store.update(k, (cur) =>
          recordOutcome(cur, k, { i }, outcome(i % 2 ? 'ERROR' : 'SUCCESS'))
        )
      )
    )

    const log = await ctx.store.getByKey(k)

    expect(log?.attempts).toBe(8)
    expect(log?.history).toHaveLength(8)
    expect(await ctx.store.lookup('PRODUCTS', 'hot')).toHaveLength(1)
    const overview = await ctx.store.overview('PRODUCTS')

    expect(overview.total).toBe(6)
  })

  it('keeps counts exact through compaction, which is idempotent', async () => {
    const before = await ctx.store.overview('PRODUCTS')

    expect(await ctx.store.compact('PRODUCTS')).toBeGreaterThan(0)
    expect(await ctx.store.overview('PRODUCTS')).toEqual(before)
    expect(
      (await ctx.kv.list(statsDeltaPrefix('PRODUCTS'), { limit: 10 })).paths
    ).toEqual([])
    expect(await ctx.store.compact('PRODUCTS')).toBe(0)
    await ctx.write('magalu', '4', 'ERROR')
    const after = await ctx.store.overview('PRODUCTS')

    expect(after.byStatus).toEqual({
      SUCCESS: 1,
      ERROR: 4,
      PENDING: 0,
      ALERT: 0,
      QUEUED: 0,
    })
    expect(await ctx.store.errorGroups('PRODUCTS')).toHaveLength(2)
  })

  it('queued logs are a status of their own', async () => {
    const k = key('amazon', '2')

    await ctx.store.update(k, (cur) =>
      markQueued(cur!, 'job-1', new Date().toISOString())
    )
    expect(
      ids(
        await ctx.store.list({ tab: 'PRODUCTS', status: 'QUEUED', first: 10 })
      )
    ).toEqual(['2'])
    expect(await ctx.store.count({ tab: 'PRODUCTS', status: 'ERROR' })).toBe(2)
  })

  it('expires logs older than a date, by status', async () => {
    expect(await ctx.store.expire('PRODUCTS', 'SUCCESS', ctx.at(3))).toBe(1)
    expect(ids(await ctx.store.list({ tab: 'PRODUCTS', first: 10 }))).toEqual([
      '5',
      '4',
      '3',
      '2',
    ])
  })

  it('imports many logs at once with counts', async () => {
    const kv = new MemoryStorage()
    const store = new LogStore(kv, Date.now, 0)
    const logs = Array.from({ length: 30 }, (_, i) => {
      const k = key(i % 2 ? 'amazon' : 'magalu', `i${i}`)

      return {
        ...recordOutcome(null, k, {}, outcome(i % 3 ? 'SUCCESS' : 'ERROR')),
        updatedAt: new Date(T0 + i * 1000).toISOString(),
      }
    })

    await store.importLogs('PRODUCTS', logs, 7)
    expect((await store.overview('PRODUCTS')).byStatus).toEqual({
      SUCCESS: 20,
      ERROR: 10,
      PENDING: 0,
      ALERT: 0,
      QUEUED: 0,
    })
    expect(ids(await store.list({ tab: 'PRODUCTS', first: 3 }))).toEqual([
      'i29',
      'i28',
      'i27',
    ])
    expect(await store.errorGroups('PRODUCTS')).toEqual([
      expect.objectContaining({
        count: 10,
        text: 'Amazon answered HTTP 400: SKU # has no price',
      }),
    ])
  })

  it('refuses bad input with its reason and field, without touching storage', async () => {
    const refusal = (query: Partial<Parameters<LogStore['list']>[0]>) =>
      ctx.store.list({ tab: 'PRODUCTS', first: 5, ...query }).then(
        () => null,
        (e) => ({ reason: e.reason, fields: e.fields })
      )

    // A cursor of another filter (this also creates the account's cursor key).
    const other = await ctx.store.list({
      tab: 'PRODUCTS',
      status: 'ERROR',
      first: 1,
    })

    const [payload, signature] = other.endCursor!.split('.')
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString())
    const edited = (change: object) =>
      `${Buffer.from(JSON.stringify({ ...body, ...change })).toString(
        'base64url'
      )}.${signature}`

    // The same filter's cursor from another account (another key).
    const elsewhere = setup()

    await elsewhere.write('amazon', '8', 'ERROR')
    await elsewhere.write('amazon', '9', 'ERROR')
    const foreign = await elsewhere.store.list({
      tab: 'PRODUCTS',
      status: 'ERROR',
      first: 1,
    })

    const { calls } = ctx.kv
    const cursor = (code: string) => ({
      reason: 'INVALID_CURSOR',
      fields: [{ field: 'after', code }],
    })

    expect(await refusal({ after: 'garbage' })).toEqual(
      cursor('INVALID_FORMAT')
    )
    expect(await refusal({ after: '../../etc/passwd' })).toEqual(
      cursor('INVALID_FORMAT')
    )
    expect(await refusal({ after: 'x'.repeat(9000) })).toEqual(
      cursor('TOO_LONG')
    )
    expect(
      await refusal({
        status: 'ERROR',
        after: edited({ s: [{ p: -1, t: null, x: null, h: null }] }),
      })
    ).toEqual(cursor('INVALID_FORMAT'))
    expect(
      await refusal({
        status: 'ERROR',
        after: edited({ s: [{ p: 1e9, t: null, x: null, h: null }] }),
      })
    ).toEqual(cursor('INVALID_FORMAT'))
    expect(await refusal({ after: other.endCursor })).toEqual(
      cursor('NOT_ALLOWED')
    )
    expect(await refusal({ from: 'soon' })).toEqual({
      reason: 'INVALID_DATE_RANGE',
      fields: [{ field: 'from', code: 'INVALID_DATE' }],
    })
    expect(await refusal({ search: 'a b' })).toEqual({
      reason: 'INVALID_SEARCH',
      fields: [{ field: 'search', code: 'INVALID_FORMAT' }],
    })
    await expect(
      ctx.store.list({ tab: 'PRODUCTS', first: 5, cause: 'zz' })
    ).rejects.toThrow(/Invalid cause/)
    expect(
      await refusal({ status: 'ERROR', after: foreign.endCursor })
    ).toEqual(cursor('INVALID_FORMAT'))
    // Nothing listed; the key was read once, then cached for the process.
    expect(ctx.kv.calls - calls).toBe(0)
  })
})

describe('LogStore paging across merged folders', () => {
  async function imported(n: number, errorEvery: number) {
    const kv = new MemoryStorage()
    const store = new LogStore(kv, Date.now, 0)
    const logs = Array.from({ length: n }, (_, i) => {
      const k = key(i % 3 ? 'amazon' : 'magalu', `o${i}`)
      // Times shuffled, so folders interleave unevenly.
      const at = new Date(T0 + ((i * 7919) % n) * 1000).toISOString()

      return {
        ...recordOutcome(
          null,
          k,
          {},
          { ...outcome(i % errorEvery ? 'SUCCESS' : 'ERROR'), at }
        ),
        updatedAt: at,
      }
    })

    await store.importLogs('PRODUCTS', logs)

    return store
  }

  async function walk(store: LogStore, first: number) {
    const seen: string[] = []
    let after: string | null = null
    let pages = 0

    do {
      const page: Awaited<ReturnType<LogStore['list']>> = await store.list({
        tab: 'PRODUCTS',
        first,
        after,
      })

      seen.push(...ids(page))
      after = page.endCursor
      pages++
    } while (after && pages < 1000)

    return seen
  }

  it.each([
    [30, 3, 5],
    [31, 2, 7],
    [100, 10, 20],
  ])(
    '%i logs, an error every %i, pages of %i: each log once, in order',
    async (n, every, first) => {
      const store = await imported(n, every)
      const all = ids(await store.list({ tab: 'PRODUCTS', first: 100 }))

      expect(all).toHaveLength(n)
      expect(await walk(store, first)).toEqual(all)
    }
  )

  it('deep pages of a lopsided split stay exact (a folder with few rows is not re-read from its start)', async () => {
    const store = await imported(1200, 40)
    const seen = await walk(store, 20)

    expect(seen).toHaveLength(1200)
    expect(new Set(seen).size).toBe(1200)
  })
})

describe('LogStore date ranges over sparse data', () => {
  it('finds every row of a week-long range in one page, however sparse', async () => {
    const kv = new MemoryStorage()
    const store = new LogStore(kv, Date.now, 0)
    const week = 7 * 86_400_000
    const logs = Array.from({ length: 60 }, (_, i) => {
      const k = key(i % 2 ? 'amazon' : 'magalu', `w${i}`)
      const at = new Date(T0 - Math.floor((i / 60) * week * 1.5)).toISOString()

      return {
        ...recordOutcome(
          null,
          k,
          {},
          { ...outcome(i % 4 ? 'SUCCESS' : 'ERROR'), at }
        ),
        updatedAt: at,
      }
    })

    await store.importLogs('PRODUCTS', logs)
    const from = new Date(T0 - week).toISOString()
    const to = new Date(T0).toISOString()
    const expected = logs
      .filter((l) => l.updatedAt >= from && l.updatedAt <= to)
      .map((l) => l.entityId)

    const page = await store.list({ tab: 'PRODUCTS', from, to, first: 100 })

    expect(page.data.map((l) => l.entityId)).toEqual(expected)
    expect(page.hasNextPage).toBe(false)
  })
})
