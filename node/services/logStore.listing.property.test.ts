import fc from 'fast-check'

import type { IntegrationLog } from '../domain/log'
import { recordOutcome } from '../domain/log'
import type { Tab } from '../domain/tabs'
import { TABS } from '../domain/tabs'
import type { FilterSpec, SearchMatch } from '../test/logArbitraries'
import {
  BASE_MS,
  SEED,
  idSearch,
  expectedIds,
  filterArb,
  isoOf,
  logOf,
  rowKey,
  specsArb,
} from '../test/logArbitraries'
import { MemoryStorage } from '../test/memoryStorage'
import { LogStore } from './logStore'

/**
 * Property: paging a filter to the end gives exactly what a brute-force
 * filter + sort over the same documents gives — every filter combination,
 * every page size, every page boundary (FC_SEED=… replays a failure).
 */
const matches: SearchMatch = idSearch

const pageSizeArb = fc.oneof(
  fc.integer({ min: 1, max: 4 }),
  fc.integer({ min: 1, max: 100 })
)

async function storeWith(
  logs: IntegrationLog[],
  now = BASE_MS,
  kv = new MemoryStorage()
) {
  const store = new LogStore(kv, () => now, 0)

  for (const tab of TABS)
    await store.importLogs(
      tab,
      logs.filter((l) => l.tab === tab)
    )

  return store
}

type Page = Awaited<ReturnType<LogStore['list']>>

/** Pages to the end; `between` runs after each page (logs arriving, moving, removed). */
async function walk(
  store: LogStore,
  f: FilterSpec,
  first: number,
  between: (page: number) => Promise<void> = async () => undefined,
  sizes: number[] = []
) {
  const seen: Page['data'] = []
  let after: string | null = null

  for (let n = 0; n < 500; n++) {
    const page: Page = await store.list({ ...f, first, after })

    expect(page.data.length).toBeLessThanOrEqual(first)
    seen.push(...page.data)
    sizes.push(page.data.length)
    if (!page.hasNextPage) {
      expect(page.endCursor).toBeNull()

      return seen
    }

    after = page.endCursor
    await between(n)
  }

  throw new Error('the walk did not end in 500 pages')
}

// Bounded runs (a few seconds alone); the timeout only absorbs a loaded machine.
const settings = { seed: SEED, numRuns: 100 }

jest.setTimeout(60_000)

describe('LogStore listing (property)', () => {
  it('pages to exactly the brute-force filter + sort, with the count agreeing', async () => {
    await fc.assert(
      fc.asyncProperty(
        specsArb(40).chain((specs) => {
          const logs = specs.map(logOf)

          return fc.tuple(fc.constant(logs), filterArb(logs), pageSizeArb)
        }),
        async ([logs, f, first]) => {
          const store = await storeWith(logs)
          const expected = expectedIds(logs, f, matches)
          const pages: number[] = []
          const seen = await walk(store, f, first, async () => undefined, pages)

          expect(seen.map((l) => l.id)).toEqual(expected)
          // Pages are full but the last, unless several criteria are checked in
          // memory (a rare match may then return a short page and a cursor).
          const inMemory =
            f.search ||
            (f.cause && (f.marketplace || f.status)) ||
            (f.abnormalOnly && (f.cause || f.status))

          expect(
            inMemory ? [] : pages.slice(0, -1).filter((n) => n < first)
          ).toEqual([])
          const total = await store.count(f)

          // The counts answer every filter but a search, a date range or a cause within a marketplace.
          expect([null, expected.length]).toContain(total)
          expect(total === null).toBe(
            Boolean(
              f.search ||
                f.from ||
                f.to ||
                (f.cause &&
                  f.marketplace &&
                  !f.abnormalOnly &&
                  (!f.status || f.status === 'ERROR'))
            )
          )
        }
      ),
      settings
    )
  })

  it('from = to = one log’s exact time lists the logs of that instant, and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(
        specsArb(30)
          .filter((s) => s.length > 0)
          .chain((specs) =>
            fc.tuple(
              fc.constant(specs.map(logOf)),
              fc.nat({ max: specs.length - 1 }),
              pageSizeArb
            )
          ),
        async ([logs, i, first]) => {
          const target = logs[i]
          const f: FilterSpec = {
            tab: target.tab,
            status: null,
            marketplace: null,
            search: null,
            from: target.updatedAt!,
            to: target.updatedAt!,
            abnormalOnly: false,
            cause: null,
          }

          const seen = await walk(await storeWith(logs), f, first)

          expect(seen.map((l) => l.id)).toEqual(expectedIds(logs, f, matches))
          expect(seen.map((l) => l.id)).toContain(target.id)
        }
      ),
      settings
    )
  })

  it('pages read while logs arrive, move and are removed: every unchanged log once, no log twice, order kept', async () => {
    type Change =
      | { kind: 'add'; tab: Tab; marketplace: string; entityId: string }
      | { kind: 'move' | 'remove'; index: number; ok: boolean }

    const changeArb: fc.Arbitrary<Change> = fc.oneof(
      fc.record({
        kind: fc.constant('add' as const),
        tab: fc.constantFrom<Tab>('PRODUCTS', 'INVENTORY'),
        marketplace: fc.constantFrom('amazon', 'magalu'),
        entityId: fc.stringMatching(/^n[0-9]{1,3}$/),
      }),
      fc.record({
        kind: fc.constantFrom('move' as const, 'remove' as const),
        index: fc.nat(),
        ok: fc.boolean(),
      })
    )

    await fc.assert(
      fc.asyncProperty(
        specsArb(40).chain((specs) => {
          const logs = specs.map(logOf)

          return fc.tuple(
            fc.constant(logs),
            filterArb(logs),
            pageSizeArb,
            fc.array(fc.array(changeArb, { maxLength: 3 }), { maxLength: 12 })
          )
        }),
        async ([logs, f, first, changes]) => {
          let now = BASE_MS + 3 * 86_400_000
          const kv = new MemoryStorage()
          const store = await storeWith(logs, now, kv)
          // Writes during the walk happen later than every seeded log.
          const tick = new LogStore(kv, () => (now += 1000), 0)
          const changed = new Set<string>()

          const apply = async (c: Change) => {
            if (c.kind === 'add') {
              const k = {
                tab: c.tab,
                marketplace: c.marketplace,
                entityId: c.entityId,
              }

              changed.add(`${c.tab}:${c.marketplace}:${c.entityId}`)
              await tick.update(k, (cur) =>
                recordOutcome(
                  cur,
                  k,
                  {},
                  {
                    status: 'SUCCESS',
                    message: 'Accepted',
                    origin: null,
                    at: isoOf(now),
                    trigger: 'CHANGE',
                  }
                )
              )

              return
            }

            if (logs.length === 0) return
            const log = logs[c.index % logs.length]

            changed.add(log.id)
            if (c.kind === 'remove') {
              await tick.remove(log.id)

              return
            }

            const k = {
              tab: log.tab,
              marketplace: log.marketplace,
              entityId: log.entityId,
            }

            await tick.update(k, (cur) =>
              recordOutcome(
                cur,
                k,
                {},
                {
                  status: c.ok ? 'SUCCESS' : 'ERROR',
                  message: c.ok ? 'Accepted' : 'Magalu answered HTTP 503',
                  origin: null,
                  at: isoOf(now),
                  trigger: 'CHANGE',
                }
              )
            )
          }

          const seen = await walk(store, f, first, async (n) => {
            for (const c of changes[n] ?? []) await apply(c)
          })

          const ids = seen.map((l) => l.id)

          expect(new Set(ids).size).toBe(ids.length)
          const unchanged = expectedIds(logs, f, matches).filter(
            (id) => !changed.has(id)
          )

          expect(ids.filter((id) => !changed.has(id))).toEqual(unchanged)
          // Newest first through the whole walk: nothing sorts before a row already returned.
          const keys = seen.map((l) =>
            rowKey({ ...l, updatedAt: l.processedAt } as IntegrationLog)
          )

          expect([...keys].sort((a, b) => (a < b ? -1 : 1))).toEqual(keys)
        }
      ),
      settings
    )
  })
})
