import type { LogKey, Outcome } from '../domain/log'
import { recordOutcome } from '../domain/log'
import { parseSettings } from '../domain/settings'
import type { BulkRunner } from '../services/bulk'
import type { CarrierTracker } from '../services/carrier'
import type { CsvExportService } from '../services/csvExports'
import { LogStore } from '../services/logStore'
import type { BridgeQueue } from '../services/queue'
import type { MaintenanceSchedule } from '../services/schedule'
import { MemoryStorage } from '../test/memoryStorage'
import { MaintenanceService } from './maintenance'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 10, 30, 12)

describe('the maintenance pass', () => {
  it('expires old successes, errors and alerts, never a PENDING log, runs the follow-ups and collects partner logs', async () => {
    const logs = new LogStore(new MemoryStorage(), () => T0, 0)
    const old = new Date(T0 - 200 * DAY).toISOString()
    const write = (entityId: string, outcome: Outcome) => {
      const key: LogKey = { tab: 'INVENTORY', marketplace: 'meli', entityId }

      return logs.importLogs('INVENTORY', [
        { ...recordOutcome(null, key, {}, outcome), updatedAt: old },
      ])
    }

    const base = {
      message: 'x',
      origin: null,
      at: old,
      trigger: 'CHANGE' as const,
    }

    await write('1', { ...base, status: 'SUCCESS' })
    await write('2', { ...base, status: 'ALERT', action: 'LISTING_PAUSED' })
    await write('3', {
      ...base,
      status: 'PENDING',
      followUp: { ref: 'r', afterMs: 60_000 },
    })
    let followUps = 0
    let partnerRuns = 0
    const service = new MaintenanceService({
      queue: { sweep: async () => ({ resent: 0 }) } as unknown as BridgeQueue,
      logs,
      settings: parseSettings({}),
      bulk: { sweep: async () => 0 } as unknown as BulkRunner,
      carrier: { runDue: async () => 0 } as unknown as CarrierTracker,
      csvExports: {
        maintain: async () => undefined,
      } as unknown as CsvExportService,
      schedule: {
        ensure: async () => undefined,
      } as unknown as MaintenanceSchedule,
      logger: undefined,
      followUps: async () => {
        followUps++

        return { checked: 1, answered: 0, gaveUp: 0, waiting: 0, failed: 0 }
      },
      partnerLogs: async () => {
        partnerRuns++

        return {
          shop: {
            written: 2,
            unchanged: 0,
            rejected: 0,
            overflow: 0,
            failure: null,
          },
        }
      },
      now: () => T0,
    })

    const report = await service.run()

    expect(followUps).toBe(1)
    expect(partnerRuns).toBe(1)
    expect(report).toMatchObject({
      followUps: { checked: 1 },
      partnerLogs: { shop: { written: 2 } },
    })
    await logs.compact('INVENTORY')
    expect((await logs.overview('INVENTORY')).byStatus).toMatchObject({
      SUCCESS: 0,
      ALERT: 0,
      PENDING: 1,
    })
  })
})
