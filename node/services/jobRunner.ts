import type { RetryDelays } from '../domain/export/retry'
import { DEFAULT_DELAYS } from '../domain/export/retry'
import { notSent } from '../domain/export/outcome'
import { outcomeChange } from '../domain/export/record'
import type { IntegrationLog, LogKey, Outcome } from '../domain/log'
import { parseLogId } from '../domain/log'
import type { Job } from '../domain/queue'
import {
  JobBusy,
  claim,
  claimLeftMs,
  claimRefusal,
  exhausted,
  markSent,
  needsResend,
} from '../domain/queue'
import type { BridgeSettings } from '../domain/settings'
import type {
  JobDispatcher,
  Scheduler,
  SystemTarget,
  VtexSource,
} from './connector'
import { timerScheduler } from './connector'
import type { JobStore } from './jobStore'
import { LeaseKeeper } from './lease'
import type { LogStore } from './logStore'
import type { MarketplaceSender } from './marketplaceSender'
import { sleep } from './retry'
import type { StoredFile } from './storage'
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
  /** Marketplaces, through their adapters (services/marketplaceSender.ts). */
  marketplaces: MarketplaceSender
  settings: BridgeSettings
  clock?: Clock
  scheduler?: Scheduler
  delays?: RetryDelays
  /** Waits (real time by default; tests pass one that moves their clock). */
  wait?: (ms: number) => Promise<void>
  /**
   * VTEX's own targets of the Tracking tab's logs (OMS, VTEX Tracking), by
   * the log's marketplace id: a reprocess redoes that update.
   */
  systems?: Record<string, SystemTarget>
}

const SWEEP_BATCH = 25

/**
 * The queue's job mechanics: a job is a file in VBase plus an IO event;
 * claim (If-Match), lease renewal while a handler works, release, the
 * sweep that re-sends jobs gone quiet and abandons jobs sent too often, and
 * the one write of an outcome on its log. What a job does is `work`
 * (services/exportWorker.ts).
 */
export abstract class JobRunner {
  protected readonly clock: Clock
  protected readonly scheduler: Scheduler
  protected readonly delays: RetryDelays
  /** Claims this handler holds, kept alive while it works (services/lease.ts). */
  protected readonly leases = new Map<string, LeaseKeeper>()

  constructor(protected readonly deps: QueueDeps) {
    this.clock = deps.clock ?? systemClock
    this.scheduler = deps.scheduler ?? timerScheduler
    this.delays = deps.delays ?? DEFAULT_DELAYS
    this.wait = deps.wait ?? sleep
  }

  protected readonly wait: (ms: number) => Promise<void>

  protected iso = () => new Date(this.clock.now()).toISOString()

  /** What a job does, once this handler holds its claim. */
  protected abstract work(job: Job): Promise<JobResult>

  /** Sends a job's event and records the send. A failed send is left to the sweep. */
  protected async send(jobId: string) {
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
  protected async process(job: Job): Promise<JobResult> {
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
  protected async releaseLease(jobId: string) {
    const lease = this.leases.get(jobId)

    this.leases.delete(jobId)
    await lease?.stop()
  }

  protected async record(
    job: Job,
    key: LogKey,
    payload: unknown,
    outcome: Outcome,
    known?: StoredFile<IntegrationLog> | null
  ) {
    await this.deps.logs.update(
      key,
      outcomeChange(job, key, payload, outcome),
      known
    )
  }

  protected async finish(job: Job, result: JobResult): Promise<JobResult> {
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

  protected async abandon(job: Job) {
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
