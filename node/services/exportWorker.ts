import type {
  ExportDecision,
  ExportInput,
  TargetView,
  VtexFacts,
} from '../domain/export/decide'
import { decideExport } from '../domain/export/decide'
import { notConfigured, notSent } from '../domain/export/outcome'
import { retryPlan } from '../domain/export/retry'
import type { IntegrationLog, LogKey, Outcome } from '../domain/log'
import { parseLogId } from '../domain/log'
import type { Job } from '../domain/queue'
import { scheduleRetry } from '../domain/queue'
import { markRetrying } from '../domain/retrying'
import type { MarketplaceConfig } from '../domain/settings'
import { configuredFor } from '../domain/settings'
import type { Tab } from '../domain/tabs'
import type { VtexSource } from './connector'
import type { JobResult } from './jobRunner'
import { JobRunner } from './jobRunner'
import type { StoredFile } from './storage'

/** What VTEX says about a log's entity, for the export decision. */
async function readVtex(
  source: VtexSource,
  tab: Tab,
  id: string
): Promise<VtexFacts> {
  if (tab === 'PRODUCTS') return { tab, sku: await source.sku(id) }
  if (tab === 'INVENTORY') return { tab, inventory: await source.inventory(id) }

  return { tab, order: await source.order(id) }
}

/**
 * What an export or reprocess job does: the export decision, VTEX read when
 * it asks, the marketplace's adapter, the retry policy, the log.
 */
export abstract class ExportWorker extends JobRunner {
  /**
   * decide → operation → adapter.perform → outcome → record: the export
   * decision (domain/export/decide.ts) says what the job does; VTEX is read
   * only when it asks; the marketplace's adapter performs the operation; a
   * transient failure goes through the one retry policy (retryPlan).
   */
  protected async work(job: Job): Promise<JobResult> {
    const key = parseLogId(job.logId)
    const logFile = await this.deps.logs.getFile(key)
    const log = logFile?.data ?? null
    const trigger: Outcome['trigger'] =
      job.kind === 'REPROCESS' ? 'REPROCESS' : 'CHANGE'

    const system =
      key.tab === 'TRACKING' ? this.deps.systems?.[key.marketplace] : null

    const marketplace = system
      ? null
      : configuredFor(this.deps.settings, key.tab, key.marketplace)

    const target: TargetView | null = system
      ? { kind: 'system' }
      : marketplace
      ? this.deps.marketplaces.view(marketplace)
      : null

    const input: ExportInput = { job, key, log, target }
    let decision = decideExport(input)

    if (decision.kind === 'read')
      decision = decideExport({
        ...input,
        vtex: await readVtex(this.deps.source, decision.tab, key.entityId),
      })

    if (decision.kind === 'superseded' || decision.kind === 'duplicate')
      return this.finish(job, decision.kind)
    if (decision.kind === 'skip') return this.finish(job, 'skipped')
    if (decision.kind === 'read')
      throw new Error(`The export decision asked VTEX twice (${job.id})`)
    if (decision.kind === 'send')
      return this.perform(job, key, marketplace!, decision, logFile)

    const outcome =
      decision.kind === 'replay'
        ? await system!.replay(key.entityId)
        : {
            payload: log?.payload ?? null,
            outcome:
              decision.kind === 'invalid'
                ? notSent(decision.reason, this.iso(), trigger)
                : notConfigured(key.marketplace, key.tab, this.iso(), trigger),
          }

    await this.record(job, key, outcome.payload, {
      ...outcome.outcome,
      trigger,
    })

    return this.finish(job, 'done')
  }

  /** Performs the decided operation; a transient failure is retried by the policy. */
  protected async perform(
    job: Job,
    key: LogKey,
    marketplace: MarketplaceConfig,
    decision: Extract<ExportDecision, { kind: 'send' }>,
    logFile: StoredFile<IntegrationLog> | null
  ): Promise<JobResult> {
    const trigger: Outcome['trigger'] =
      job.kind === 'REPROCESS' ? 'REPROCESS' : 'CHANGE'

    const { outcome, transient } = await this.deps.marketplaces.perform(
      marketplace,
      decision.operation,
      trigger
    )

    const now = Date.parse(outcome.at)
    const plan = retryPlan(
      job,
      transient,
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
          decision.payload,
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

    await this.record(job, key, decision.payload, final, logFile)

    return this.finish(job, 'done')
  }
}
