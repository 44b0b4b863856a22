import type { ScheduleDefinition, ScheduleSecret } from '../domain/schedule'
import {
  SCHEDULE_ID,
  maintenanceSchedule,
  needsRegistration,
  newSecret,
} from '../domain/schedule'
import type { KeyValueStore } from './storage'

/** Where the schedule's secret lives in the app's bucket (never read by any API). */
export const SCHEDULE_SECRET_PATH = 'v2/schedule'

export interface SchedulerApi {
  get(workspace: string, app: string, id: string): Promise<unknown | null>
  put(
    workspace: string,
    app: string,
    schedule: ScheduleDefinition
  ): Promise<unknown>
}

export interface ScheduleDeps {
  kv: KeyValueStore
  api: SchedulerApi
  account: string
  workspace: string
  /** The scheduler's name for the app's schedules (vendor.app). */
  app: string
  now: () => number
}

/** When each account/workspace's schedule was last known to be registered, per process. */
const confirmed = new Map<string, number>()
/** A check under way, shared by the events that arrive meanwhile. */
const checking = new Map<string, Promise<'REGISTERED' | 'CURRENT'>>()

/** An event checks the schedule at most this often per process (a GET to the Scheduler API). */
export const CHECK_EVERY_MS = 10 * 60_000

/**
 * The app's maintenance schedule (domain/schedule.ts): its secret, created
 * once and kept in VBase, and its registration with VTEX's Scheduler API,
 * done when the settings are saved and repaired by the next event when it
 * went missing.
 */
export class MaintenanceSchedule {
  constructor(private readonly deps: ScheduleDeps) {}

  private get key() {
    return `${this.deps.account}/${this.deps.workspace}`
  }

  /** The secret, or null before the first registration (nothing can match). */
  async storedSecret(): Promise<string | null> {
    return (
      (await this.deps.kv.get<ScheduleSecret>(SCHEDULE_SECRET_PATH))?.data
        .secret ?? null
    )
  }

  private async secret(): Promise<string> {
    const stored = await this.storedSecret()

    if (stored) return stored
    const created: ScheduleSecret = {
      secret: newSecret(),
      createdAt: new Date(this.deps.now()).toISOString(),
    }

    try {
      await this.deps.kv.put(SCHEDULE_SECRET_PATH, created, { ifAbsent: true })

      return created.secret
    } catch {
      // Another replica created it first: use theirs.
      const theirs = await this.storedSecret()

      if (!theirs) throw new Error('The schedule secret could not be created')

      return theirs
    }
  }

  /**
   * Registers the schedule unless VTEX's scheduler has it as wanted.
   * `force` checks now; otherwise at most every CHECK_EVERY_MS per process.
   */
  async ensure({ force = false } = {}): Promise<
    'REGISTERED' | 'CURRENT' | 'SKIPPED'
  > {
    const now = this.deps.now()
    const last = confirmed.get(this.key)

    if (!force && last != null && now - last < CHECK_EVERY_MS) return 'SKIPPED'
    const running = checking.get(this.key)

    if (running && !force) return running
    const check = this.check(now).finally(() => checking.delete(this.key))

    checking.set(this.key, check)

    return check
  }

  private async check(now: number): Promise<'REGISTERED' | 'CURRENT'> {
    const { account, workspace, app } = this.deps
    const wanted = maintenanceSchedule(
      account,
      workspace,
      await this.secret(),
      now
    )

    const registered = await this.deps.api.get(workspace, app, SCHEDULE_ID)

    if (!needsRegistration(registered, wanted, now)) {
      confirmed.set(this.key, now)

      return 'CURRENT'
    }

    await this.deps.api.put(workspace, app, wanted)
    confirmed.set(this.key, now)

    return 'REGISTERED'
  }
}
