import { DomainError } from '../domain/errors'
import { IntegrationLog, completeJob, markQueued, parseLogId } from '../domain/log'
import { Job, claim, exhausted, markSent, needsResend, newJob } from '../domain/queue'
import { JobDispatcher, MarketplaceConnector } from './connector'
import { JobStore } from './jobStore'
import { LogStore, notFound } from './logStore'
import { isPreconditionFailed } from './storage'

export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

export type JobResult = 'done' | 'missing' | 'busy' | 'superseded'

const MAX_IDS = 100
const SWEEP_BATCH = 25

const newJobId = () =>
  `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

/**
 * Reprocessing: the request only queues (marks the log QUEUED, writes a job,
 * sends an event); the event handler does the delivery later and records the
 * outcome, which may be another error.
 */
export class ReprocessService {
  constructor(
    private readonly logs: LogStore,
    private readonly jobs: JobStore,
    private readonly dispatcher: JobDispatcher,
    private readonly clock: Clock = systemClock
  ) {}

  /** Queues the given error logs. Validates every id before changing anything. */
  async request(ids: string[]): Promise<IntegrationLog[]> {
    if (ids.length === 0 || ids.length > MAX_IDS) {
      throw new DomainError('INVALID_ARGUMENT', `Pass from 1 to ${MAX_IDS} log ids to reprocess.`)
    }
    const keys = ids.map(parseLogId)
    const current = await Promise.all(keys.map(k => this.logs.getByKey(k)))
    current.forEach((log, i) => {
      if (!log) throw notFound(ids[i])
      markQueued(log, 'validation', '') // throws for logs that are not errors
    })

    const queued: IntegrationLog[] = []
    for (const key of keys) {
      const now = new Date(this.clock.now()).toISOString()
      const jobId = newJobId()
      const log = await this.logs.update(key, cur => {
        if (!cur) return null
        const next = markQueued(cur, jobId, now)
        return next === cur ? null : next
      })
      // null: already queued by an earlier request, whose job is still pending.
      const result = log ?? (await this.logs.getByKey(key))
      if (!result) continue
      if (log) {
        await this.jobs.create(newJob(jobId, log.id, now))
        await this.send(jobId)
      }
      queued.push(result)
    }
    return queued
  }

  /** Sends a job's event and records the send. A failed send is left to the sweep. */
  private async send(jobId: string) {
    const file = await this.jobs.get(jobId)
    if (!file) return
    try {
      await this.dispatcher.dispatch(jobId, file.data.logId)
    } catch {
      return // the job stays pending with sentAt unchanged: the sweep re-sends it
    }
    try {
      await this.jobs.replace(markSent(file.data, this.clock.now()), file.etag)
    } catch (e) {
      if (!isPreconditionFailed(e)) throw e // a handler claimed it meanwhile: fine
    }
  }

  /** The event handler's work. Idempotent: replays and duplicates do nothing. */
  async run(jobId: string, connector: MarketplaceConnector): Promise<JobResult> {
    const file = await this.jobs.get(jobId)
    if (!file) return 'missing'
    const claimed = claim(file.data, this.clock.now())
    if (!claimed) return 'busy'
    try {
      await this.jobs.replace(claimed, file.etag)
    } catch (e) {
      if (isPreconditionFailed(e)) return 'busy'
      throw e
    }

    const key = parseLogId(claimed.logId)
    const log = await this.logs.getByKey(key)
    if (!log || log.status !== 'QUEUED' || log.jobId !== jobId) {
      await this.jobs.delete(jobId)
      return 'superseded'
    }
    const outcome = await connector.deliver(log, 'REPROCESS')
    await this.logs.update(key, cur => (cur ? completeJob(cur, jobId, outcome) : null))
    await this.jobs.delete(jobId)
    return 'done'
  }

  /**
   * Re-sends jobs whose event went missing, and gives up on jobs sent too
   * many times (the log goes back to ERROR saying so, and can be reprocessed).
   */
  async sweep(): Promise<{ resent: number; abandoned: number }> {
    const ids = await this.jobs.pending(SWEEP_BATCH)
    let resent = 0
    let abandoned = 0
    for (const id of ids) {
      const file = await this.jobs.get(id)
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
    const at = new Date(this.clock.now()).toISOString()
    await this.logs.update(parseLogId(job.logId), cur =>
      cur
        ? completeJob(cur, job.id, {
            status: 'ERROR',
            message: `Reprocess was not delivered after ${job.deliveries} attempts; reprocess it again.`,
            origin: null,
            at,
            trigger: 'REPROCESS',
          })
        : null
    )
    await this.jobs.delete(job.id)
  }
}
