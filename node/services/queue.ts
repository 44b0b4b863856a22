import { appendTimeline } from '../domain/carrier'
import { orderTarget } from '../domain/channels/orderTarget'
import { priceTableOf } from '../domain/channels/channel'
import {
  productForChannel,
  sellsSku,
  stockForChannel,
  trackingForMarketplace,
} from '../domain/channels/payloads'
import { channelOf } from '../domain/channels/settingsChannel'
import { DomainError } from '../domain/errors'
import {
  classify,
  deliveryRequest,
  notConfigured,
  notSent,
  outcomeOf,
} from '../domain/delivery'
import type { IntegrationLog, LogKey, Outcome } from '../domain/log'
import {
  awaitsJob,
  buildLogId,
  canReprocess,
  completeJob,
  markQueued,
  notReprocessable,
  parseLogId,
  recordOutcome,
} from '../domain/log'
import { logNotFound, parseLogIds } from '../domain/logId'
import type { Job } from '../domain/queue'
import type { RetryDelays } from '../domain/export/retry'
import { DEFAULT_DELAYS, retryPlan } from '../domain/export/retry'
import { markRetrying } from '../domain/retrying'
import {
  JobBusy,
  claim,
  claimLeftMs,
  claimRefusal,
  exhausted,
  exportJobId,
  markSent,
  needsResend,
  newJob,
  scheduleRetry,
} from '../domain/queue'
import type { TrackingPayload } from '../domain/rules'
import {
  isBeyondInvoiced,
  isTrackingRegression,
  lastAcceptedQuantity,
  shouldExportStock,
  trackingUpdate,
} from '../domain/rules'
import type { BridgeSettings, MarketplaceConfig } from '../domain/settings'
import { configuredFor } from '../domain/settings'
import type { BroadcasterNotification, OrderStatusEvent } from '../domain/vtex'
import type {
  JobDispatcher,
  MarketplaceGateway,
  Scheduler,
  VtexSource,
} from './connector'
import { timerScheduler } from './connector'
import type { IntakeTarget } from './channelIntake'
import { catalogIntake, orderIntake } from './channelIntake'
import type { JobStore } from './jobStore'
import { LeaseKeeper } from './lease'
import type { LogStore } from './logStore'
import type { StoredFile } from './storage'
import { sleep } from './retry'
import { isPreconditionFailed } from './storage'

export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

export type JobResult =
  | 'done'
  | 'retrying'
  | 'skipped'
  | 'duplicate'
  | 'missing'
  | 'busy'
  | 'superseded'

export interface QueueDeps {
  logs: LogStore
  jobs: JobStore
  dispatcher: JobDispatcher
  source: VtexSource
  gateway: MarketplaceGateway
  settings: BridgeSettings
  clock?: Clock
  scheduler?: Scheduler
  delays?: RetryDelays
  /** Waits (real time by default; tests pass one that moves their clock). */
  wait?: (ms: number) => Promise<void>
  /**
   * Logs of VTEX's own systems (OMS, VTEX Tracking) in the Tracking tab: a
   * reprocess redoes that update instead of sending to a marketplace.
   */
  vtexTargets?: Record<
    string,
    (orderId: string) => Promise<{ payload: unknown; outcome: Outcome }>
  >
}

const SWEEP_BATCH = 25

const newJobId = () =>
  `r.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

type Prepared = { payload: unknown } | { skip: string } | { invalid: string }

/**
 * The bridge's work queue. Every export (from a VTEX change) and every
 * reprocess (from the admin) is a job in VBase plus an IO event; run() is the
 * event handler's work: re-read the current state in VTEX, apply the rules,
 * send to the marketplace, retry transient failures with backoff, record the
 * outcome in the log.
 */
export class BridgeQueue {
  private readonly clock: Clock
  private readonly scheduler: Scheduler
  private readonly delays: RetryDelays
  /** Claims this handler holds, kept alive while it works (services/lease.ts). */
  private readonly leases = new Map<string, LeaseKeeper>()

  constructor(private readonly deps: QueueDeps) {
    this.clock = deps.clock ?? systemClock
    this.scheduler = deps.scheduler ?? timerScheduler
    this.delays = deps.delays ?? DEFAULT_DELAYS
    this.wait = deps.wait ?? sleep
  }

  private readonly wait: (ms: number) => Promise<void>

  private iso = () => new Date(this.clock.now()).toISOString()

  // ------------------------------------------------------------ sources

  /**
   * A catalog notification from vtex.broadcaster: one export job per tab and
   * marketplace whose trade policy sells the SKU (or that must deactivate it).
   */
  async onCatalogChange(n: BroadcasterNotification): Promise<JobResult[]> {
    const skuId = String(n.IdSku ?? '')

    if (!/^\d{1,18}$/.test(skuId))
      throw new DomainError(
        'INVALID_ARGUMENT',
        `Notification without a valid IdSku: ${JSON.stringify(n)}`
      )
    const changedAt = this.changeTime(n.DateModified)
    const targets = await catalogIntake(n, skuId, {
      settings: this.deps.settings,
      source: this.deps.source,
      listedOn: async (id) =>
        (await this.deps.logs.lookup('PRODUCTS', id))
          .filter((l) => l.status === 'SUCCESS')
          .map((l) => l.marketplace),
    })

    return this.enqueue(skuId, changedAt, targets)
  }

  /**
   * An order status change from vtex.orders-broadcast: one tracking job, for
   * the marketplace the order was sold on (none for the store's own site).
   */
  async onOrderStatus(e: OrderStatusEvent): Promise<JobResult[]> {
    if (
      !e ||
      typeof e.orderId !== 'string' ||
      !/^[A-Za-z0-9-]{1,64}$/.test(e.orderId)
    ) {
      throw new DomainError(
        'INVALID_ARGUMENT',
        `Order event without a valid orderId: ${JSON.stringify(e)}`
      )
    }

    return this.enqueue(
      e.orderId,
      this.changeTime(e.currentChangeDate),
      await orderIntake(e.orderId, this.deps)
    )
  }

  private changeTime(value: string | undefined) {
    const t = value ? Date.parse(value) : NaN

    return Number.isNaN(t) ? this.iso() : new Date(t).toISOString()
  }

  /**
   * One job per target (tab and marketplace). The source event is the
   * job's first delivery: the job is written already claimed by this handler
   * and runs at once (no second event for the common case); retries and
   * recoveries travel as the app's own job events. The same notification
   * delivered twice maps to the same job id, so it is queued once.
   */
  private async enqueue(
    entityId: string,
    changedAt: string,
    targets: readonly IntakeTarget[]
  ): Promise<JobResult[]> {
    const settled = await Promise.allSettled(
      targets.map(async ({ tab, marketplaceId, stockOnly }) => {
        const logId = buildLogId(tab, marketplaceId, entityId)
        const now = this.clock.now()
        const job = claim(
          newJob(
            exportJobId(logId, changedAt),
            logId,
            new Date(now).toISOString(),
            {
              kind: 'EXPORT',
              changedAt,
              stockOnly,
              sentAt: new Date(now).toISOString(),
            }
          ),
          now
        )!

        if (!(await this.deps.jobs.create(job))) {
          // Our own write may have landed with its answer lost: then it is ours.
          const existing = await this.deps.jobs.get(job.id)

          if (existing?.data.owner === job.owner) return this.process(job)

          // A redelivery of this notification: take the job over unless a
          // live handler holds it (its earlier handler may have failed).
          return this.run(job.id)
        }

        return this.process(job)
      })
    )

    // Every marketplace's job ran; one that could not (busy, failed) makes
    // the notification be delivered again, where the others find their
    // change already recorded.
    const failed = settled.find(
      (r): r is PromiseRejectedResult => r.status === 'rejected'
    )

    if (failed) throw failed.reason

    return settled.map((r) => (r as PromiseFulfilledResult<JobResult>).value)
  }

  // ------------------------------------------------------------ admin

  /** Queues the given error logs. Validates every id before changing anything. */
  async reprocess(ids: string[]): Promise<IntegrationLog[]> {
    const keys = parseLogIds(ids, 'reprocess')
    const current = await Promise.all(
      keys.map((k) => this.deps.logs.getByKey(k))
    )

    current.forEach((log, i) => {
      if (!log) throw logNotFound(ids[i])
      if (log.status !== 'QUEUED' && !canReprocess(log))
        throw notReprocessable(log)
    })

    const queued: IntegrationLog[] = []

    for (const key of keys) {
      // ALREADY: queued by an earlier request, whose job is still pending.
      const { log } = await this.queueOne(key)

      if (log) queued.push(log)
    }

    return queued
  }

  /**
   * Queues one log if it is an error (bulk actions go through here): writes
   * the job, sends its event. Never throws for a log in another state.
   */
  async queueOne(key: LogKey): Promise<{
    result: 'QUEUED' | 'ALREADY' | 'SKIPPED' | 'NOT_FOUND'
    log: IntegrationLog | null
  }> {
    const now = this.iso()
    const jobId = newJobId()
    const seen: { log: IntegrationLog | null } = { log: null }
    const log = await this.deps.logs.update(key, (cur) => {
      seen.log = cur
      if (!cur || !canReprocess(cur)) return null

      return markQueued(cur, jobId, now)
    })

    if (!log) {
      const current = seen.log

      if (!current) return { result: 'NOT_FOUND', log: null }

      return {
        result: current.status === 'QUEUED' ? 'ALREADY' : 'SKIPPED',
        log: current,
      }
    }

    await this.deps.jobs.create(
      newJob(jobId, log.id, now, {
        kind: 'REPROCESS',
        changedAt: log.changedAt,
      })
    )
    await this.send(jobId)

    return { result: 'QUEUED', log }
  }

  /** Sends a job's event and records the send. A failed send is left to the sweep. */
  private async send(jobId: string) {
    const file = await this.deps.jobs.get(jobId)

    if (!file) return
    try {
      await this.deps.dispatcher.dispatch(jobId, file.data.logId)
    } catch {
      return // sentAt unchanged: the sweep re-sends it
    }

    try {
      await this.deps.jobs.replace(
        markSent(file.data, this.clock.now()),
        file.etag
      )
    } catch (e) {
      if (!isPreconditionFailed(e)) throw e // a handler claimed it meanwhile: fine
    }
  }

  // ------------------------------------------------------------ handler

  /**
   * The event handler's work. Idempotent: replays and duplicates do
   * nothing. A job another handler holds is not acknowledged (JobBusy): the
   * bus delivers it again, when it is done or its holder's short lease ran
   * out because that holder died. A job whose retry is not due yet is left
   * to the retry's own event.
   */
  async run(jobId: string): Promise<JobResult> {
    let file = await this.deps.jobs.get(jobId)

    if (!file) return 'missing'
    let now = this.clock.now()
    let refusal = claimRefusal(file.data, now)

    if (refusal === 'STALE') {
      // Its holder stopped renewing (it died): wait for the claim to run out.
      await this.wait(claimLeftMs(file.data, now) + 50)
      file = await this.deps.jobs.get(jobId)
      if (!file) return 'missing'
      now = this.clock.now()
      refusal = claimRefusal(file.data, now)
    }

    if (refusal === 'CLAIMED' || refusal === 'STALE')
      throw new JobBusy(jobId, file.data.claimedUntil)
    if (refusal === 'NOT_DUE') return 'busy'
    const job = claim(file.data, now)!

    try {
      await this.deps.jobs.replace(job, file.etag)
    } catch (e) {
      if (isPreconditionFailed(e)) throw new JobBusy(jobId, null)
      throw e
    }

    return this.process(job)
  }

  /** Works a job this handler holds the claim of, renewing the claim meanwhile. */
  private async process(job: Job): Promise<JobResult> {
    const lease = new LeaseKeeper(this.deps.jobs, job, () => this.clock.now())

    this.leases.set(job.id, lease)
    try {
      return await this.work(job)
    } catch (e) {
      // Release the claim so the platform's redelivery can take the job at
      // once instead of waiting for the lease to run out (best effort).
      await this.releaseLease(job.id)
      await this.deps.jobs
        .save({ ...job, claimedUntil: null })
        .catch(() => undefined)
      throw e
    } finally {
      await this.releaseLease(job.id)
    }
  }

  /** Stops renewing a claim (before the handler's last write on the job). */
  private async releaseLease(jobId: string) {
    const lease = this.leases.get(jobId)

    this.leases.delete(jobId)
    await lease?.stop()
  }

  private async work(job: Job): Promise<JobResult> {
    const key = parseLogId(job.logId)
    const logFile = await this.deps.logs.getFile(key)
    const log = logFile?.data ?? null

    if (job.kind === 'REPROCESS' && !awaitsJob(log, job.id)) {
      return this.finish(job, 'superseded')
    }

    if (
      job.kind === 'EXPORT' &&
      log &&
      job.changedAt &&
      log.changedAt &&
      log.changedAt >= job.changedAt
    ) {
      return this.finish(job, 'duplicate') // this change, or a newer one, is already recorded
    }

    const trigger: Outcome['trigger'] =
      job.kind === 'REPROCESS' ? 'REPROCESS' : 'CHANGE'

    const vtexTarget =
      key.tab === 'TRACKING' ? this.deps.vtexTargets?.[key.marketplace] : null

    if (vtexTarget) {
      const done = await vtexTarget(key.entityId)

      await this.record(job, key, done.payload, { ...done.outcome, trigger })

      return this.finish(job, 'done')
    }

    const marketplace = configuredFor(
      this.deps.settings,
      key.tab,
      key.marketplace
    )

    if (!marketplace) {
      await this.record(
        job,
        key,
        log?.payload ?? null,
        notConfigured(key.marketplace, key.tab, this.iso(), trigger)
      )

      return this.finish(job, 'done')
    }

    const prepared = await this.prepare(job, key, log, marketplace)

    if ('skip' in prepared && job.kind === 'EXPORT') {
      return this.finish(job, 'skipped')
    }

    // Nothing to send: invalid in VTEX, or a reprocess the rules would skip.
    if (!('payload' in prepared)) {
      const reason = 'skip' in prepared ? prepared.skip : prepared.invalid

      await this.record(
        job,
        key,
        log?.payload ?? null,
        notSent(reason, this.iso(), trigger)
      )

      return this.finish(job, 'done')
    }

    const request = deliveryRequest(
      { tab: key.tab, entityId: key.entityId, payload: prepared.payload },
      marketplace
    )

    const response = await this.deps.gateway.send(marketplace, request)
    const now = this.clock.now()
    const verdict = classify(response, now)
    const outcome = outcomeOf(
      marketplace,
      request,
      response,
      new Date(now).toISOString(),
      trigger
    )

    const plan = retryPlan(
      job,
      verdict.kind === 'transient' ? verdict : null,
      this.deps.settings.maxRetries,
      this.delays
    )

    if (plan.kind === 'retry') {
      const next = scheduleRetry(job, now, plan.delayMs, outcome.message)

      await this.releaseLease(job.id)
      await this.deps.jobs.save(next)
      // The admin sees the retry as it happens (one log write per retry).
      await this.deps.logs.update(key, (cur) =>
        markRetrying(
          cur,
          key,
          prepared.payload,
          {
            attempt: plan.attempt,
            maxAttempts: plan.maxAttempts,
            nextAttemptAt: next.notBefore,
            lastError: outcome.message,
          },
          outcome.at,
          outcome.origin
        )
      )
      this.scheduler.later(plan.delayMs, () => {
        this.send(job.id).catch(() => undefined)
      })

      return 'retrying'
    }

    // Gave up: the attempts are data, the admin says it in its language.
    const final: Outcome = plan.retriesExhausted
      ? { ...outcome, retriesExhausted: plan.retriesExhausted }
      : outcome

    await this.record(job, key, prepared.payload, final, logFile)

    return this.finish(job, 'done')
  }

  /**
   * Re-reads the entity in VTEX (a reprocess never resends a stale payload)
   * and applies the rules. Exports skip what the marketplace already has and
   * stock-only changes outside the ≤ 5 rule; a reprocess always sends.
   */
  private async prepare(
    job: Job,
    key: LogKey,
    log: IntegrationLog | null,
    marketplace: MarketplaceConfig
  ): Promise<Prepared> {
    const exporting = job.kind === 'EXPORT'
    const unchanged = (payload: unknown) =>
      exporting && log?.status === 'SUCCESS' && same(log.lastAccepted, payload)

    const { source } = this.deps
    const channel = channelOf(marketplace)
    const tradePolicy = channel.salesChannel

    if (key.tab === 'PRODUCTS') {
      const sku = await source.sku(key.entityId)

      if (!sku)
        return {
          invalid: `SKU ${key.entityId} was not found in the VTEX catalog.`,
        }
      // Price of the marketplace's trade policy (none to read outside it).
      const price =
        tradePolicy && sellsSku(sku, channel)
          ? await source.price(key.entityId, priceTableOf(channel))
          : null

      const { payload } = productForChannel(sku, channel, price)

      return unchanged(payload) ? { skip: 'unchanged' } : { payload }
    }

    if (key.tab === 'INVENTORY') {
      const [inventory, setup, sku] = await Promise.all([
        source.inventory(key.entityId),
        tradePolicy ? source.logistics() : null,
        // A reprocess checks the SKU is still sold there (the intake did for exports).
        tradePolicy && !exporting ? source.sku(key.entityId) : null,
      ])

      if (!inventory)
        return {
          invalid: `SKU ${key.entityId} has no inventory in VTEX logistics.`,
        }
      if (sku && !sellsSku(sku, channel))
        return {
          invalid: `SKU ${key.entityId} is not in trade policy ${tradePolicy} of ${marketplace.name}: its stock is not sent there.`,
        }
      const payload = stockForChannel(inventory, setup, channel)

      if (!payload)
        return {
          invalid: `VTEX logistics has no docks or warehouses: the stock of trade policy ${tradePolicy} cannot be read.`,
        }
      const before = lastAcceptedQuantity(log)

      if (
        exporting &&
        job.stockOnly &&
        !shouldExportStock(before, payload.quantity)
      ) {
        return {
          skip: `stock ${before}→${payload.quantity} is above the 5-unit rule`,
        }
      }

      return unchanged(payload) ? { skip: 'unchanged' } : { payload }
    }

    const order = await source.order(key.entityId)

    if (!order)
      return { invalid: `Order ${key.entityId} was not found in VTEX OMS.` }
    // Only the marketplace the order was sold on hears of it.
    const target = orderTarget(order, this.deps.settings)

    if (target.marketplaceId !== key.marketplace)
      return {
        invalid: `Order ${key.entityId} was not sold on ${
          marketplace.name
        } (${soldOn(target)}): nothing is sent there.`,
      }
    const address = (update: TrackingPayload) =>
      trackingForMarketplace(update, order.orderId, target.marketplaceOrderId)

    // A reprocess of a carrier or partner update sends that update again
    // (OMS's workflow status stops at invoiced).
    const carried = log?.payload as TrackingPayload | null | undefined

    if (!exporting && carried && isBeyondInvoiced(carried.status))
      return { payload: address(carried) }

    const decision = trackingUpdate(order)

    if ('skip' in decision || 'invalid' in decision) return decision
    if (
      exporting &&
      isTrackingRegression(log?.lastAccepted ?? null, decision.send)
    ) {
      return { skip: `order is past ${decision.send.status}` }
    }

    const payload = address(decision.send)

    return unchanged(payload) ? { skip: 'unchanged' } : { payload }
  }

  private async record(
    job: Job,
    key: LogKey,
    payload: unknown,
    outcome: Outcome,
    known?: StoredFile<IntegrationLog> | null
  ) {
    const withChange = { ...outcome, changedAt: job.changedAt }
    // Tracking: a status the marketplace accepted goes on the order's
    // timeline; the log keeps the marketplace's order id.
    const sent = (recorded: IntegrationLog | null): IntegrationLog | null => {
      const log = withMarketplaceOrderId(recorded, key, payload)

      if (!log || key.tab !== 'TRACKING' || outcome.status !== 'SUCCESS')
        return log
      const status = String((payload as { status?: unknown })?.status ?? '')

      return {
        ...log,
        timeline: appendTimeline(log.timeline, [
          {
            at: outcome.at,
            kind: 'STATUS_SENT',
            status,
            description: outcome.message,
            source: 'VTEX',
          },
        ]),
      }
    }

    await this.deps.logs.update(
      key,
      (cur) => {
        if (job.kind === 'REPROCESS')
          return cur
            ? sent(completeJob(cur, job.id, withChange, payload))
            : null
        // A newer change already recorded wins over this one.
        if (cur?.changedAt && job.changedAt && cur.changedAt > job.changedAt)
          return null

        return sent(recordOutcome(cur, key, payload, withChange))
      },
      known
    )
  }

  private async finish(job: Job, result: JobResult): Promise<JobResult> {
    await this.releaseLease(job.id)
    await this.deps.jobs.delete(job.id)

    return result
  }

  /**
   * Re-sends jobs whose event or process went missing, and gives up on jobs
   * sent too many times (the log records the error and can be reprocessed).
   */
  async sweep(): Promise<{ resent: number; abandoned: number }> {
    const ids = await this.deps.jobs.pending(SWEEP_BATCH)
    let resent = 0
    let abandoned = 0

    for (const id of ids) {
      const file = await this.deps.jobs.get(id)

      if (!file || !needsResend(file.data, this.clock.now())) continue
      if (exhausted(file.data)) {
        await this.abandon(file.data)
        abandoned++
      } else {
        await this.send(id)
        resent++
      }
    }

    return { resent, abandoned }
  }

  private async abandon(job: Job) {
    const key = parseLogId(job.logId)
    const message = `The job was not delivered after ${
      job.deliveries
    } attempts${
      job.lastError ? ` (last error: ${job.lastError})` : ''
    }; reprocess it again.`

    await this.record(
      job,
      key,
      (await this.deps.logs.getByKey(key))?.payload ?? null,
      notSent(
        message,
        this.iso(),
        job.kind === 'REPROCESS' ? 'REPROCESS' : 'CHANGE'
      )
    )
    await this.deps.jobs.delete(job.id)
  }
}

/** Where an order was sold, for the log of a reprocess it does not concern. */
function soldOn(target: ReturnType<typeof orderTarget>) {
  if (!('reason' in target)) return `it was sold on ${target.marketplaceId}`

  return target.reason === 'OWN_CHANNEL'
    ? "it was sold on the store's own channel"
    : `no configured marketplace sold it: ${target.reason}`
}

/** A Tracking log keeps the marketplace's own order id its payload was addressed with. */
function withMarketplaceOrderId(
  log: IntegrationLog | null,
  key: LogKey,
  payload: unknown
): IntegrationLog | null {
  const id = (payload as TrackingPayload | null)?.marketplaceOrderId

  if (!log || key.tab !== 'TRACKING' || id === undefined) return log

  return { ...log, marketplaceOrderId: id }
}
