import fc from 'fast-check'

import { causeOf } from '../domain/causes'
import { orderKey } from '../domain/layout'
import type { IntegrationLog, LogStatus } from '../domain/log'
import { recordOutcome } from '../domain/log'
import type { Tab } from '../domain/tabs'

/**
 * Random logs and filters for the property tests of the log store, and the
 * brute-force answer a listing must equal (filter + sort over the documents).
 */

/** The seed of every property run: fixed, or FC_SEED to replay a failure. */
export const SEED = Number(process.env.FC_SEED ?? 20261123)

/**
 * A time whose order key ends in eight zeros: the edges of the date-range
 * cover (GRAIN_DIGITS and coarser) fall right around it.
 */
export const BASE_MS =
  Math.floor(Date.UTC(2026, 10, 20) / 100_000_000) * 100_000_000 + 99_999_999

export const MARKETPLACES = ['amazon', 'magalu', 'mercadolivre'] as const
export const STATUSES: LogStatus[] = ['SUCCESS', 'ERROR', 'QUEUED']

/** Ids sharing prefixes (SKU, product and order ids), so prefix searches match several. */
export const ENTITY_IDS = [
  '1',
  '10',
  '100',
  '1001',
  '10011',
  '1002',
  '1300000007919-01',
  '1300000015838-01',
  '1300000015838-02',
  'A.b_c-1',
  'abc',
  'abd',
]

/** Error messages normalising to three causes. */
export const ERROR_MESSAGES = [
  'Amazon answered HTTP 400: SKU 1001 has no price',
  'Amazon answered HTTP 400: SKU 77 has no price',
  'Magalu answered HTTP 503',
  'connect ETIMEDOUT 10.0.0.1:443',
]

export const CAUSES = [...new Set(ERROR_MESSAGES.map((m) => causeOf(m).id))]

/**
 * Offsets from BASE_MS: exact cover edges (±1 ms around multiples of 10^6,
 * 10^7, 10^8), a few shared instants (identical times), and anything within
 * two days either side.
 */
export const offsetArb: fc.Arbitrary<number> = fc.oneof(
  fc
    .tuple(fc.integer({ min: -5, max: 5 }), fc.constantFrom(-1, 0, 1))
    .map(([k, d]) => k * 1_000_000 + d),
  fc
    .tuple(fc.integer({ min: -3, max: 3 }), fc.constantFrom(-1, 0, 1))
    .map(([k, d]) => k * 10_000_000 + d),
  fc
    .tuple(fc.integer({ min: -1, max: 1 }), fc.constantFrom(-1, 0, 1))
    .map(([k, d]) => k * 100_000_000 + d),
  fc.constantFrom(0, 1, 2, 500, 999_999),
  fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 })
)

export interface LogSpec {
  tab: Tab
  marketplace: string
  entityId: string
  status: LogStatus
  offset: number
  abnormal: boolean
  message: string
}

export const entityIdArb = fc.oneof(
  fc.constantFrom(...ENTITY_IDS),
  fc.stringMatching(/^1[0-2]{0,4}$/)
)

const specArb: fc.Arbitrary<LogSpec> = fc.record({
  tab: fc.constantFrom<Tab>('PRODUCTS', 'PRODUCTS', 'PRODUCTS', 'INVENTORY'),
  marketplace: fc.constantFrom(...MARKETPLACES),
  entityId: entityIdArb,
  status: fc.constantFrom(...STATUSES),
  offset: offsetArb,
  abnormal: fc.boolean(),
  message: fc.constantFrom(...ERROR_MESSAGES),
})

/** Up to `max` logs, one per (tab, marketplace, id). */
export const specsArb = (max: number) =>
  fc.uniqueArray(specArb, {
    maxLength: max,
    size: 'max',
    selector: (s) => `${s.tab}:${s.marketplace}:${s.entityId}`,
  })

export const isoOf = (ms: number) => new Date(ms).toISOString()

/** The stored document of a spec, listed at BASE_MS + offset. */
export function logOf(spec: LogSpec): IntegrationLog {
  const at = isoOf(BASE_MS + spec.offset)
  const key = {
    tab: spec.tab,
    marketplace: spec.marketplace,
    entityId: spec.entityId,
  }

  const failed = spec.status !== 'SUCCESS'
  const log = recordOutcome(
    null,
    key,
    { sku: spec.entityId },
    {
      status: failed ? 'ERROR' : 'SUCCESS',
      message: failed ? spec.message : 'Accepted',
      origin: null,
      at,
      trigger: 'CHANGE',
    }
  )

  return {
    ...log,
    status: spec.status,
    jobId: spec.status === 'QUEUED' ? 'job-1' : null,
    abnormal: spec.status === 'SUCCESS' && spec.abnormal,
    updatedAt: at,
  }
}

/** What a store filter asks (LogFilter without the tab's parsing). */
export interface FilterSpec {
  tab: Tab
  status: LogStatus | null
  marketplace: string | null
  search: string | null
  from: string | null
  to: string | null
  abnormalOnly: boolean
  cause: string | null
}

const timeArb = (logs: IntegrationLog[]) =>
  logs.length === 0
    ? offsetArb.map((o) => BASE_MS + o)
    : fc.oneof(
        fc.constantFrom(...logs.map((l) => Date.parse(l.updatedAt!))),
        offsetArb.map((o) => BASE_MS + o)
      )

/** Null three times in four: filters that combine everything still match something. */
const sometimes = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof(
    { arbitrary: fc.constant(null), weight: 3 },
    { arbitrary: arb, weight: 1 }
  )

/** Every combination the integrationLogs query accepts, biased to values that match. */
export function filterArb(logs: IntegrationLog[]): fc.Arbitrary<FilterSpec> {
  const times = timeArb(logs)
  const ids = logs.length
    ? fc.oneof(
        fc.constantFrom(...logs.map((l) => l.entityId)),
        fc
          .tuple(
            fc.constantFrom(...logs.map((l) => l.entityId)),
            fc.integer({ min: 1, max: 16 })
          )
          .map(([id, n]) => id.slice(0, n)),
        entityIdArb
      )
    : entityIdArb

  const range = fc.oneof(
    { arbitrary: fc.constant({ from: null, to: null }), weight: 4 },
    times.map((t) => ({ from: isoOf(t), to: null })),
    times.map((t) => ({ from: null, to: isoOf(t) })),
    times.map((t) => ({ from: isoOf(t), to: isoOf(t) })),
    fc.tuple(times, times).map(([a, b]) => ({
      from: isoOf(Math.min(a, b)),
      to: isoOf(Math.max(a, b)),
    }))
  )

  return fc
    .record({
      tab: fc.constantFrom<Tab>(
        'PRODUCTS',
        'PRODUCTS',
        'PRODUCTS',
        'INVENTORY'
      ),
      status: sometimes(fc.constantFrom(...STATUSES)),
      marketplace: sometimes(fc.constantFrom(...MARKETPLACES, 'other')),
      search: sometimes(ids),
      range,
      abnormalOnly: fc.constantFrom(false, false, false, true),
      cause: sometimes(fc.constantFrom(...CAUSES, 'deadbeef')),
    })
    .map(({ range: r, ...f }) => ({ ...f, ...r }))
}

/** Whether a log's id answers a search (prefix from 3 characters, else exact). */
export type SearchMatch = (entityId: string, term: string) => boolean

/** The documented rule (domain/search.ts): 3 characters or more match a prefix. */
export const idSearch: SearchMatch = (id, term) =>
  term.length >= 3 ? id.startsWith(term) : id === term

/** The sort key of a log's row (its leaf up to the id, "~" included): newest first, then marketplace and id. */
export const rowKey = (l: IntegrationLog) =>
  `${orderKey(l.updatedAt ?? l.processedAt)}~${l.marketplace}~${l.entityId}~`

/** The brute-force answer: every document matching the filter, newest first. */
export function expectedIds(
  logs: IntegrationLog[],
  f: FilterSpec,
  matches: SearchMatch
): string[] {
  const fromMs = f.from ? Date.parse(f.from) : -Infinity
  const toMs = f.to ? Date.parse(f.to) : Infinity

  return logs
    .filter((l) => {
      const t = Date.parse(l.updatedAt ?? l.processedAt)

      return (
        l.tab === f.tab &&
        (!f.status || l.status === f.status) &&
        (!f.marketplace || l.marketplace === f.marketplace) &&
        (!f.search || matches(l.entityId, f.search)) &&
        t >= fromMs &&
        t <= toMs &&
        (!f.abnormalOnly || l.abnormal) &&
        (!f.cause ||
          (l.status === 'ERROR' && causeOf(l.message).id === f.cause))
      )
    })
    .sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : 1))
    .map((l) => l.id)
}
