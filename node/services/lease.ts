import type { Job } from '../domain/queue'
import { RENEW_EVERY_MS, renewLease } from '../domain/queue'
import type { JobStore } from './jobStore'

/**
 * Keeps a claimed job's lease alive while its handler works: every
 * RENEW_EVERY_MS the claim is extended (If-Match, same owner only), so a
 * short lease never runs out under a live handler, and a dead one's runs
 * out within LEASE_MS. stop() waits for a renewal in flight, so the
 * handler's last write (done, retry, release) always comes after it.
 */
export class LeaseKeeper {
  private readonly timer: ReturnType<typeof setInterval>
  private pending: Promise<void> = Promise.resolve()
  private stopped = false

  constructor(
    private readonly jobs: JobStore,
    private readonly job: Job,
    private readonly now: () => number,
    everyMs = RENEW_EVERY_MS
  ) {
    this.timer = setInterval(() => {
      this.pending = this.pending.then(() => this.renew())
    }, everyMs)
    this.timer.unref?.()
  }

  private async renew() {
    if (this.stopped) return
    const file = await this.jobs.get(this.job.id).catch(() => null)

    if (!file || file.data.owner !== this.job.owner || this.stopped) return
    // A conflict means another writer changed it (a rival took over, or the
    // job moved on): nothing to renew. Any other failure: the next renewal
    // tries again.
    await this.jobs
      .replace(renewLease(file.data, this.now()), file.etag)
      .catch(() => undefined)
  }

  async stop() {
    this.stopped = true
    clearInterval(this.timer)
    await this.pending.catch(() => undefined)
  }
}
