import { DomainError } from '../domain/errors'
import type { IntegrationLog, LogKey } from '../domain/log'
import {
  buildLogId,
  canReprocess,
  markQueued,
  notReprocessable,
} from '../domain/log'
import { logNotFound, parseLogIds } from '../domain/logId'
import { claim, exportJobId, newJob } from '../domain/queue'
import { tabsForCatalogChange } from '../domain/rules'
import { enabledFor } from '../domain/settings'
import type { Tab } from '../domain/tabs'
import type { BroadcasterNotification, OrderStatusEvent } from '../domain/vtex'
import type { JobResult } from './jobRunner'
import { ExportWorker } from './exportWorker'

export type { Clock, JobResult, QueueDeps } from './jobRunner'
export { systemClock } from './jobRunner'

const newJobId = () =>
  `r.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`

/**
 * The bridge's work queue. Every export (from a VTEX change) and every
 * reprocess (from the admin) is a job in VBase plus an IO event; run() is the
 * event handler's work: re-read the current state in VTEX, apply the rules,
 * send to the marketplace, retry transient failures with backoff, record the
 * outcome in the log. This class is the queue's two entry points: exports
 * from VTEX's changes (intake) and reprocesses from the admin; what a job
 * does is services/exportWorker.ts, the job mechanics services/jobRunner.ts.
 */
export class BridgeQueue extends ExportWorker {
  // ------------------------------------------------------------ sources

  /** A catalog notification from vtex.broadcaster: one export job per tab and marketplace. */
  async onCatalogChange(n: BroadcasterNotification): Promise<JobResult[]> {
    const skuId = String(n.IdSku ?? '')

    if (!/^\d{1,18}$/.test(skuId))
      throw new DomainError(
        'INVALID_ARGUMENT',
        `Notification without a valid IdSku: ${JSON.stringify(n)}`
      )
    const changedAt = this.changeTime(n.DateModified)
    const tabs = tabsForCatalogChange(n)
    const [products, inventory] = await Promise.all([
      tabs.products ? this.enqueue('PRODUCTS', skuId, changedAt, false) : [],
      tabs.inventory
        ? this.enqueue('INVENTORY', skuId, changedAt, tabs.stockOnly)
        : [],
    ])

    return [...products, ...inventory]
  }

  /** An order status change from vtex.orders-broadcast: one tracking job per marketplace. */
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
      'TRACKING',
      e.orderId,
      this.changeTime(e.currentChangeDate),
      false
    )
  }

  private changeTime(value: string | undefined) {
    const t = value ? Date.parse(value) : NaN

    return Number.isNaN(t) ? this.iso() : new Date(t).toISOString()
  }

  /**
   * One job per marketplace enabled for the tab. The source event is the
   * job's first delivery: the job is written already claimed by this handler
   * and runs at once (no second event for the common case); retries and
   * recoveries travel as the app's own job events. The same notification
   * delivered twice maps to the same job id, so it is queued once.
   */
  private async enqueue(
    tab: Tab,
    entityId: string,
    changedAt: string,
    stockOnly: boolean
  ): Promise<JobResult[]> {
    const settled = await Promise.allSettled(
      enabledFor(this.deps.settings, tab).map(async (marketplace) => {
        const logId = buildLogId(tab, marketplace.id, entityId)
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
}
