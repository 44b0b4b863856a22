import { followUpExpired, recordFollowUp } from '../domain/followUp'
import type { IntegrationLog, Outcome } from '../domain/log'
import { followUpStep } from '../domain/statusModel'
import type { Tab } from '../domain/tabs'
import { TABS } from '../domain/tabs'
import type { LogStore } from './logStore'

/** Pending logs read per tab and pass (the maintenance pass runs every minute). */
export const FOLLOW_UP_READS = 50

export interface FollowUpDeps {
  logs: Pick<LogStore, 'list' | 'getByKey' | 'update'>
  /**
   * Asks the log's marketplace for the final answer of `ref` (its adapter's
   * `followUp`), as an outcome for the log; null when nobody can answer now
   * (the marketplace is no longer configured, or its kind has no
   * follow-up): the log waits, and gives up when its time is over.
   */
  followUp(log: IntegrationLog, ref: string): Promise<Outcome | null>
  marketplaceName(marketplaceId: string): string
  now(): number
}

export interface FollowUpReport {
  checked: number
  answered: number
  gaveUp: number
  waiting: number
  failed: number
}

/**
 * The follow-ups due, run by the maintenance pass: for each PENDING log
 * (at most FOLLOW_UP_READS per tab and pass), `followUpStep` decides; a due
 * one asks the marketplace and records the answer (`recordFollowUp`: a log
 * that moved on meanwhile is left alone), one past its time becomes an
 * error (`followUpExpired`). A marketplace that fails to answer leaves the
 * log pending for the next pass; nothing is lost.
 */
export async function runFollowUps(
  deps: FollowUpDeps,
  tabs: readonly Tab[] = TABS
): Promise<FollowUpReport> {
  const report: FollowUpReport = {
    checked: 0,
    answered: 0,
    gaveUp: 0,
    waiting: 0,
    failed: 0,
  }

  for (const tab of tabs) {
    const page = await deps.logs.list({
      tab,
      status: 'PENDING',
      first: FOLLOW_UP_READS,
    })

    for (const row of page.data) {
      const key = { tab, marketplace: row.marketplace, entityId: row.entityId }

      try {
        await followOne(deps, key, report)
      } catch {
        report.failed++
      }
    }
  }

  return report
}

async function followOne(
  deps: FollowUpDeps,
  key: { tab: Tab; marketplace: string; entityId: string },
  report: FollowUpReport
) {
  const log = await deps.logs.getByKey(key)
  const now = deps.now()
  const step = log ? followUpStep(log, now) : 'NONE'

  if (!log?.pending || step === 'NONE') return
  if (step === 'WAIT') {
    report.waiting++

    return
  }

  const { ref } = log.pending
  const at = new Date(now).toISOString()
  const outcome =
    step === 'GIVE_UP'
      ? followUpExpired(log, deps.marketplaceName(log.marketplace), at)
      : await deps.followUp(log, ref)

  if (step === 'CHECK') report.checked++
  if (!outcome) return
  const written = await deps.logs.update(key, (current) =>
    recordFollowUp(current, ref, outcome)
  )

  if (written && step === 'GIVE_UP') report.gaveUp++
  else if (written && outcome.status !== 'PENDING') report.answered++
}
