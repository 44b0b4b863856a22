import { appendTimeline } from '../carrier'
import type { IntegrationLog, Outcome } from '../log'
import { completeJob, recordOutcome } from '../log'
import type { LogKey } from '../logId'
import type { Job } from '../queue'

/**
 * How a job's outcome changes its log: a pure change for LogStore.update
 * (it may run once per write conflict). A reprocess completes the job the
 * log waits for (nothing when it waits for another); an export records the
 * outcome unless a newer change is already recorded. A tracking status the
 * marketplace accepted goes on the order's timeline.
 */
export function outcomeChange(
  job: Pick<Job, 'id' | 'kind' | 'changedAt'>,
  key: LogKey,
  payload: unknown,
  outcome: Outcome
): (current: IntegrationLog | null) => IntegrationLog | null {
  const withChange = { ...outcome, changedAt: job.changedAt }
  const sent = (log: IntegrationLog | null): IntegrationLog | null => {
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

  return (current) => {
    if (job.kind === 'REPROCESS')
      return current
        ? sent(completeJob(current, job.id, withChange, payload))
        : null
    // A newer change already recorded wins over this one.
    if (
      current?.changedAt &&
      job.changedAt &&
      current.changedAt > job.changedAt
    )
      return null

    return sent(recordOutcome(current, key, payload, withChange))
  }
}
