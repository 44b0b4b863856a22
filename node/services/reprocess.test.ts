import { IntegrationLog, Outcome, recordOutcome } from '../domain/log'
import { RESEND_AFTER_MS } from '../domain/queue'
import { MemoryStorage } from '../test/memoryStorage'
import { JobDispatcher, MarketplaceConnector } from './connector'
import { JobStore } from './jobStore'
import { LogStore } from './logStore'
import { Clock, ReprocessService } from './reprocess'

const t0 = Date.parse('2026-11-20T10:00:00.000Z')

class FakeClock implements Clock {
  constructor(public t: number) {}
  now() {
    return this.t
  }
}

class RecordingDispatcher implements JobDispatcher {
  sent: Array<{ jobId: string; logId: string }> = []
  failNext = 0
  async dispatch(jobId: string, logId: string) {
    if (this.failNext > 0) {
      this.failNext--
      throw new Error('events unavailable')
    }
    this.sent.push({ jobId, logId })
  }
}

class ScriptedConnector implements MarketplaceConnector {
  delivered: IntegrationLog[] = []
  constructor(private result: 'SUCCESS' | 'ERROR') {}
  async deliver(log: IntegrationLog, trigger: Outcome['trigger']): Promise<Outcome> {
    this.delivered.push(log)
    return { status: this.result, message: this.result, origin: null, at: new Date(t0 + 60_000).toISOString(), trigger }
  }
}

describe('ReprocessService', () => {
  let logs: LogStore
  let jobs: JobStore
  let dispatcher: RecordingDispatcher
  let clock: FakeClock
  let service: ReprocessService

  const seed = async (entityId: string, status: 'SUCCESS' | 'ERROR') => {
    const key = { tab: 'INVENTORY' as const, marketplace: 'amazon', entityId }
    await logs.update(key, cur =>
      recordOutcome(cur, key, { quantity: 2 }, { status, message: status, origin: null, at: new Date(t0).toISOString(), trigger: 'CHANGE' })
    )
    return `INVENTORY:amazon:${entityId}`
  }

  beforeEach(() => {
    const kv = new MemoryStorage()
    logs = new LogStore(kv)
    jobs = new JobStore(kv)
    dispatcher = new RecordingDispatcher()
    clock = new FakeClock(t0)
    service = new ReprocessService(logs, jobs, dispatcher, clock)
  })

  it('queues an error log, sends one event, and the handler records the outcome', async () => {
    const id = await seed('1', 'ERROR')
    const [queued] = await service.request([id])
    expect(queued.status).toBe('QUEUED')
    expect(dispatcher.sent).toEqual([{ jobId: queued.jobId, logId: id }])

    const connector = new ScriptedConnector('SUCCESS')
    expect(await service.run(queued.jobId!, connector)).toBe('done')
    const log = await logs.get(id)
    expect(log).toMatchObject({ status: 'SUCCESS', attempts: 2, jobId: null })
    expect(connector.delivered[0].payload).toEqual({ quantity: 2 })
    expect(await jobs.get(queued.jobId!)).toBeNull()
  })

  it('may fail again', async () => {
    const id = await seed('1', 'ERROR')
    const [queued] = await service.request([id])
    await service.run(queued.jobId!, new ScriptedConnector('ERROR'))
    expect(await logs.get(id)).toMatchObject({ status: 'ERROR', attempts: 2 })
  })

  it('does the work once when the event is delivered twice', async () => {
    const id = await seed('1', 'ERROR')
    const [queued] = await service.request([id])
    const connector = new ScriptedConnector('SUCCESS')
    const results = await Promise.all([service.run(queued.jobId!, connector), service.run(queued.jobId!, connector)])
    expect(results.sort()).toEqual(['busy', 'done'])
    expect(await service.run(queued.jobId!, connector)).toBe('missing')
    expect(connector.delivered).toHaveLength(1)
  })

  it('queues only once when asked twice', async () => {
    const id = await seed('1', 'ERROR')
    const [a] = await service.request([id])
    const [b] = await service.request([id])
    expect(b.jobId).toBe(a.jobId)
    expect(dispatcher.sent).toHaveLength(1)
  })

  it('refuses the whole request, changing nothing, when one log is not an error', async () => {
    const bad = await seed('1', 'SUCCESS')
    const good = await seed('2', 'ERROR')
    await expect(service.request([good, bad])).rejects.toThrow(/only logs with errors can be reprocessed/)
    expect((await logs.get(good))!.status).toBe('ERROR')
    expect(dispatcher.sent).toEqual([])
  })

  it('refuses unknown ids and empty requests', async () => {
    await expect(service.request(['INVENTORY:amazon:404'])).rejects.toThrow(/was not found/)
    await expect(service.request([])).rejects.toThrow(/from 1 to 100/)
  })

  it('keeps the job when the event cannot be sent, and the sweep sends it later', async () => {
    const id = await seed('1', 'ERROR')
    dispatcher.failNext = 1
    const [queued] = await service.request([id])
    expect(queued.status).toBe('QUEUED')
    expect(dispatcher.sent).toEqual([])
    expect(await service.sweep()).toEqual({ resent: 1, abandoned: 0 })
    expect(dispatcher.sent).toEqual([{ jobId: queued.jobId, logId: id }])
    // Sent recently: not again until it goes quiet.
    expect(await service.sweep()).toEqual({ resent: 0, abandoned: 0 })
    clock.t += RESEND_AFTER_MS
    expect(await service.sweep()).toEqual({ resent: 1, abandoned: 0 })
  })

  it('gives up on a job never handled and puts the log back to error', async () => {
    const id = await seed('1', 'ERROR')
    await service.request([id])
    for (let i = 0; i < 12; i++) {
      clock.t += RESEND_AFTER_MS
      await service.sweep()
    }
    const log = await logs.get(id)
    expect(log).toMatchObject({ status: 'ERROR', jobId: null })
    expect(log!.message).toMatch(/not delivered after 10 attempts/)
  })

  it('does nothing for a job whose log was removed meanwhile', async () => {
    const id = await seed('1', 'ERROR')
    const [queued] = await service.request([id])
    await logs.remove(id)
    const connector = new ScriptedConnector('SUCCESS')
    expect(await service.run(queued.jobId!, connector)).toBe('superseded')
    expect(connector.delivered).toEqual([])
    expect(await logs.get(id)).toBeNull()
  })
})
