import { LOG_STATUSES } from '../domain/logStatus'
import { recordOutcome } from '../domain/log'
import { msOfOrderKey } from '../domain/layout'
import { coverPrefixes, orderRangeOf } from '../domain/timeRange'
import { MemoryStorage } from '../test/memoryStorage'
import { planListing } from '../domain/listPlan'
import { listRows } from './logListing'
import { LogStore } from './logStore'

const T0 = Date.UTC(2026, 10, 20, 10, 0)

/** A log of PRODUCTS at `ms`, imported (so its row is at exactly that time). */
const logAt = (entityId: string, ms: number, status: 'SUCCESS' | 'ERROR') => {
  const at = new Date(ms).toISOString()
  const key = { tab: 'PRODUCTS' as const, marketplace: 'amazon', entityId }

  return {
    ...recordOutcome(
      null,
      key,
      {},
      {
        status,
        message: status === 'ERROR' ? 'Amazon answered HTTP 503' : 'Accepted',
        origin: null,
        at,
        trigger: 'CHANGE',
      }
    ),
    updatedAt: at,
  }
}

describe('IndexSource over a date range cover', () => {
  it('lists each cover prefix once: rows after a run of empty prefixes do not make it list the ones beyond again', async () => {
    // Regression (issue 14): the look-ahead listed up to 8 prefixes at once,
    // dropped those past the first with rows and listed them again later;
    // the re-listings ate the request's budget and the first page came back
    // short, missing logs inside the range.
    const from = new Date(T0 - 3.5 * 86_400_000).toISOString()
    const to = new Date(T0).toISOString()
    const cover = coverPrefixes(orderRangeOf({ from, to })!)
    // One log in the middle of every third prefix of the cover (inside the
    // range); the cover is newest first, so the logs are too.
    const logs = cover
      .map((prefix, i) => {
        const low = msOfOrderKey(prefix.padEnd(13, '9'))
        const high = msOfOrderKey(prefix.padEnd(13, '0'))
        const ms = Math.max(
          Date.parse(from),
          Math.min(Date.parse(to), Math.floor((low + high) / 2))
        )

        return i % 3 === 2
          ? logAt(`p${i}`, ms, i % 2 ? 'ERROR' : 'SUCCESS')
          : null
      })
      .filter(<T>(l: T | null): l is T => l !== null)

    const store = new LogStore(new MemoryStorage(), () => T0, 0)

    await store.importLogs('PRODUCTS', logs)
    const page = await store.list({ tab: 'PRODUCTS', from, to, first: 100 })

    expect(page.data.map((l) => l.entityId)).toEqual(
      logs.map((l) => l.entityId)
    )
    expect(page.hasNextPage).toBe(false)
    // One folder per status, each prefix of the cover listed at most once.
    expect(page.calls).toBeLessThanOrEqual(LOG_STATUSES.length * cover.length)
  })

  it('an eager sweep (retention) lists the whole cover at once, each prefix once, and finds every row in it', async () => {
    const to = new Date(T0 - 30 * 86_400_000).toISOString()
    const plan = planListing({ tab: 'PRODUCTS', status: 'SUCCESS', to })
    const old = [40, 200, 900, 3000].map((days, i) =>
      logAt(`old${i}`, T0 - days * 86_400_000, 'SUCCESS')
    )

    const kv = new MemoryStorage()

    await new LogStore(kv, () => T0, 0).importLogs('PRODUCTS', [
      ...old,
      logAt('recent', T0 - 86_400_000, 'SUCCESS'),
    ])
    const page = await listRows(kv, 'PRODUCTS', plan, 200, null, {
      eager: true,
    })

    expect(page.rows.map((r) => r.entityId)).toEqual([
      'old0',
      'old1',
      'old2',
      'old3',
    ])
    expect(page.hasNextPage).toBe(false)
    expect(page.calls).toBeLessThanOrEqual(plan.cover!.length)
  })
})
