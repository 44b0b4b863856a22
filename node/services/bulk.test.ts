import type { LogKey } from '../domain/log'
import { canReprocess, markQueued, recordOutcome } from '../domain/log'
import { MemoryStorage } from '../test/memoryStorage'
import { BulkRunner } from './bulk'
import { LogStore } from './logStore'

const T0 = Date.UTC(2026, 10, 23, 10)

async function setup(n: number) {
  const kv = new MemoryStorage()
  let now = T0
  const clock = () => now
  const logs = new LogStore(kv, clock, 0)
  const sent: string[] = []
  const rows = Array.from({ length: n }, (_, i) => {
    const key: LogKey = {
      tab: 'INVENTORY',
      marketplace: i % 2 ? 'amazon' : 'magalu',
      entityId: `s${i}`,
    }

    return {
      ...recordOutcome(
        null,
        key,
        {},
        {
          status: i % 4 === 0 ? 'SUCCESS' : 'ERROR',
          message: 'HTTP 500',
          origin: null,
          at: new Date(T0 - i * 1000).toISOString(),
          trigger: 'CHANGE',
        }
      ),
      updatedAt: new Date(T0 - i * 1000).toISOString(),
    }
  })

  await logs.importLogs('INVENTORY', rows)
  const runner = new BulkRunner({
    kv,
    logs,
    queueOne: async (key) => {
      const log = await logs.update(key, (cur) =>
        cur && canReprocess(cur)
          ? markQueued(cur, 'j', new Date(now).toISOString())
          : null
      )

      return { result: log ? 'QUEUED' : 'SKIPPED' }
    },
    dispatch: async (id) => {
      sent.push(id)
    },
    now: clock,
  })

  /** Delivers the pending events until none is left (each may send the next). */
  const drain = async () => {
    let runs = 0

    while (sent.length) {
      await runner.runChunk(sent.shift()!)
      runs++
    }

    return runs
  }

  return { kv, logs, runner, sent, drain, advance: (ms: number) => (now += ms) }
}

/** Alerts and pending logs of Mercado Livre, imported next to the setup's. */
async function addAlertsAndPending(logs: LogStore) {
  const at = new Date(T0 + 1000).toISOString()
  const key = (entityId: string): LogKey => ({
    tab: 'INVENTORY',
    marketplace: 'mercadolivre',
    entityId,
  })

  await logs.importLogs('INVENTORY', [
    ...['a1', 'a2'].map((id) => ({
      ...recordOutcome(
        null,
        key(id),
        {},
        {
          status: 'ALERT',
          action: 'LISTING_PAUSED',
          message: `Mercado Livre: listing of ${id} is paused`,
          origin: null,
          at,
          trigger: 'CHANGE',
        }
      ),
      updatedAt: at,
    })),
    {
      ...recordOutcome(
        null,
        key('p1'),
        {},
        {
          status: 'PENDING',
          followUp: { ref: 'r', afterMs: 60_000 },
          message: 'accepted',
          origin: null,
          at,
          trigger: 'CHANGE',
        }
      ),
      updatedAt: at,
    },
  ])
}

describe('BulkRunner', () => {
  it('a bulk reprocess of everything skips alerts and pending logs; a bulk removal of the alerts removes them', async () => {
    const s = await setup(8)

    await addAlertsAndPending(s.logs)
    const reprocess = await s.runner.start({
      tab: 'INVENTORY',
      action: 'REPROCESS',
      filter: {},
    })

    await s.drain()
    expect(await s.runner.get(reprocess.id)).toMatchObject({
      status: 'DONE',
      processed: 11,
      succeeded: 6,
      skipped: 5,
    })
    expect(await s.logs.count({ tab: 'INVENTORY', status: 'ALERT' })).toBe(2)
    expect(await s.logs.count({ tab: 'INVENTORY', status: 'PENDING' })).toBe(1)

    const remove = await s.runner.start({
      tab: 'INVENTORY',
      action: 'REMOVE',
      filter: { status: 'ALERT' },
    })

    expect(remove.total).toBe(2)
    await s.drain()
    expect(await s.runner.get(remove.id)).toMatchObject({ succeeded: 2 })
    expect(await s.logs.count({ tab: 'INVENTORY', status: 'ALERT' })).toBe(0)
    expect(await s.logs.count({ tab: 'INVENTORY', status: 'PENDING' })).toBe(1)
  })

  it('reprocesses everything a filter shows, several chunks at once, to 100 %', async () => {
    const s = await setup(230)
    const action = await s.runner.start({
      tab: 'INVENTORY',
      action: 'REPROCESS',
      filter: { status: 'ERROR' },
    })

    expect(action).toMatchObject({
      status: 'RUNNING',
      total: 172,
      processed: 0,
      sends: 1,
    })
    // 172 logs in 4 chunks, worked by one event (well inside its time budget).
    expect(await s.drain()).toBe(1)
    const done = await s.runner.get(action.id)

    expect(done).toMatchObject({
      status: 'DONE',
      processed: 172,
      succeeded: 172,
      failed: 0,
      total: 172,
    })
    expect(await s.logs.count({ tab: 'INVENTORY', status: 'QUEUED' })).toBe(172)
    expect(await s.logs.count({ tab: 'INVENTORY', status: 'ERROR' })).toBe(0)
  })

  it('removes selected rows; ids already gone are skipped', async () => {
    const s = await setup(10)
    const ids = [
      'INVENTORY:magalu:s0',
      'INVENTORY:amazon:s1',
      'INVENTORY:amazon:s99',
    ]

    const action = await s.runner.start({
      tab: 'INVENTORY',
      action: 'REMOVE',
      ids,
    })

    await s.drain()
    expect(await s.runner.get(action.id)).toMatchObject({
      status: 'DONE',
      succeeded: 2,
      skipped: 1,
      total: 3,
    })
    expect((await s.logs.overview('INVENTORY')).total).toBe(8)
  })

  it('a duplicate event finds the lease taken and does nothing', async () => {
    const s = await setup(120)
    const action = await s.runner.start({
      tab: 'INVENTORY',
      action: 'REMOVE',
      filter: {},
    })

    const id = s.sent.shift()!
    // Two deliveries at once: one claims and works, the other sees the lease.
    const results = await Promise.all([
      s.runner.runChunk(id),
      s.runner.runChunk(id),
    ])

    expect(results.sort()).toEqual(['busy', 'done'])
    expect(await s.runner.get(action.id)).toMatchObject({
      status: 'DONE',
      processed: 120,
      succeeded: 120,
    })
    expect((await s.logs.overview('INVENTORY')).total).toBe(0)
  })

  it('an action whose next event was lost is re-sent by the sweep', async () => {
    const s = await setup(120)
    const action = await s.runner.start({
      tab: 'INVENTORY',
      action: 'REMOVE',
      filter: {},
    })

    // The start's event is lost; the action is quiet for a while.
    s.sent.length = 0
    expect(await s.runner.sweep()).toBe(0)
    s.advance(120_000)
    expect(await s.runner.sweep()).toBe(1)
    expect(await s.drain()).toBe(1)
    expect(await s.runner.get(action.id)).toMatchObject({
      status: 'DONE',
      processed: 120,
      sends: 2,
      owner: null,
      claimedUntil: null,
    })
  })

  it('stops, and resumes where it stopped', async () => {
    const s = await setup(150)
    const action = await s.runner.start({
      tab: 'INVENTORY',
      action: 'REMOVE',
      filter: {},
    })

    await s.runner.cancel(action.id)
    expect(await s.drain()).toBe(1) // the pending event does nothing
    expect(await s.runner.get(action.id)).toMatchObject({
      status: 'CANCELED',
      processed: 0,
    })
    await s.runner.resume(action.id)
    await s.drain()
    expect(await s.runner.get(action.id)).toMatchObject({
      status: 'DONE',
      processed: 150,
    })
  })

  it('refuses a bad filter and writes nothing', async () => {
    const s = await setup(3)
    const calls = s.kv.files.size

    await expect(
      s.runner.start({
        tab: 'INVENTORY',
        action: 'REMOVE',
        filter: { from: 'last week' },
      })
    ).rejects.toThrow(/Invalid from/)
    expect(s.kv.files.size).toBe(calls)
    expect(s.sent).toEqual([])
  })
})
