import { TABS } from '../domain/tabs'
import type { CountCheck, LogCounts } from './logCounts'

/** The self-check of a tab's counts runs at most this often per process and account. */
export const SELF_CHECK_EVERY_MS = 10 * 60_000

const lastRun = new Map<string, number>()

/** Where maintenance reports a repair (ctx.vtex.logger). */
export interface RepairLogger {
  warn(entry: unknown): void
}

/**
 * Maintenance's self-check: each tab's counts against the rows it lists
 * (LogCounts.check), repaired when they drifted, and the repair logged.
 * Throttled, as it lists every row of a tab (bounded per pass). Never
 * rejects (a failure is logged), so it can run off the request.
 */
export async function selfCheck(
  counts: LogCounts,
  scope: string,
  now: () => number,
  logger?: RepairLogger
): Promise<CountCheck[]> {
  const checks: CountCheck[] = []

  for (const tab of TABS) {
    const key = `${scope}/${tab}`

    if (now() - (lastRun.get(key) ?? -Infinity) < SELF_CHECK_EVERY_MS) continue
    lastRun.set(key, now())
    let check: CountCheck

    try {
      check = await counts.check(tab)
    } catch (e) {
      logger?.warn({
        message: `Counts self-check of ${tab} failed`,
        error: String(e),
      })
      continue
    }

    if (check.repaired) {
      logger?.warn({
        message: `Counts of ${tab} had drifted from the logs listed; repaired.`,
        drift: check.drift,
      })
    }

    checks.push(check)
  }

  return checks
}
