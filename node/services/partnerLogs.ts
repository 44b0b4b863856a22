import type { PartnerLogRecord } from '../marketplaces/partner/messages'
import type { HttpTransport } from '../marketplaces/adapter'
import { collectDay } from '../marketplaces/partner/collect'
import { collectionPlan } from '../marketplaces/partner/plan'
import type { PartnerConnectorConfig } from '../marketplaces/partner/settings'
import {
  COLLECTION_ENTITY,
  collectionLogChange,
  partnerEntity,
  partnerLogChange,
} from '../domain/partnerLog'
import type { LogStore } from './logStore'
import type { KeyValueStore } from './storage'

/** The last day fully collected, per partner marketplace (the logs bucket). */
export const partnerCursorPath = (marketplaceId: string) =>
  `v2/partner/${marketplaceId}`

export interface PartnerCollectDeps {
  kv: KeyValueStore
  logs: Pick<LogStore, 'update'>
  http: HttpTransport
  /** The VTEX account: the connector serves `{urlBase}/{account}/logs`. */
  account: string
  now(): number
}

export interface PartnerRun {
  written: number
  unchanged: number
  rejected: number
  overflow: number
  /** Why the run stopped early (the cursor stays: the days are asked again next run). */
  failure: string | null
}

type PartnerLogRecordExchange = Parameters<
  typeof collectionLogChange
>[1]['exchange']

const collectionLogKey = (marketplaceId: string) => ({
  tab: 'PRODUCTS' as const,
  marketplace: marketplaceId,
  entityId: COLLECTION_ENTITY,
})

/**
 * One collection run of a partner connector's logs, on the maintenance
 * schedule: the plan's days (collectionPlan), one request each; every
 * message upserted as a log by its idempotency key (partnerLogChange: the
 * same message twice is one log, written once); the cursor advanced only
 * when every day was collected. A failure the store must fix shows as a log
 * of the marketplace (collectionLogChange); an outage waits for the next run.
 */
export async function collectPartnerLogs(
  deps: PartnerCollectDeps,
  marketplace: { id: string; name: string; config: PartnerConnectorConfig }
): Promise<PartnerRun> {
  const run: PartnerRun = {
    written: 0,
    unchanged: 0,
    rejected: 0,
    overflow: 0,
    failure: null,
  }

  const path = partnerCursorPath(marketplace.id)
  const cursor = await deps.kv.get<{ completeThrough?: string }>(path)
  const { config } = marketplace
  const plan = collectionPlan({
    now: deps.now(),
    lookbackDays: config.lookbackDays,
    statuses: config.statuses,
    completeThrough: cursor?.data.completeThrough ?? null,
  })

  const at = () => new Date(deps.now()).toISOString()
  let last: { day: string; exchange: PartnerLogRecordExchange } | null = null

  for (const planned of plan.requests) {
    const day = await collectDay(
      deps.http,
      config,
      { account: deps.account, marketplace: marketplace.id },
      planned
    )

    last = { day: planned.dateAt, exchange: day.exchange }
    if (!day.ok) {
      run.failure = day.reason
      if (!day.transient)
        await deps.logs.update(
          collectionLogKey(marketplace.id),
          collectionLogChange(
            marketplace,
            {
              ok: false,
              reason: day.reason,
              day: planned.dateAt,
              exchange: day.exchange,
            },
            at()
          )
        )

      return run
    }

    run.rejected += day.rejected.length
    run.overflow += day.overflow
    for (const record of day.records) await upsert(deps, record, at(), run)
  }

  if (last)
    await deps.logs.update(
      collectionLogKey(marketplace.id),
      collectionLogChange(
        marketplace,
        { ok: true, reason: null, day: last.day, exchange: last.exchange },
        at()
      )
    )
  await deps.kv.put(path, { completeThrough: plan.completeThrough })

  return run
}

async function upsert(
  deps: PartnerCollectDeps,
  record: PartnerLogRecord,
  at: string,
  run: PartnerRun
) {
  const written = await deps.logs.update(
    {
      tab: record.tab,
      marketplace: record.marketplace,
      entityId: partnerEntity(record),
    },
    partnerLogChange(record, at)
  )

  if (written) run.written++
  else run.unchanged++
}
