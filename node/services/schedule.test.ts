import type { ScheduleDefinition } from '../domain/schedule'
import { SECRET_HEADER } from '../domain/schedule'
import { MemoryStorage } from '../test/memoryStorage'
import {
  CHECK_EVERY_MS,
  MaintenanceSchedule,
  SCHEDULE_SECRET_PATH,
} from './schedule'

const t0 = Date.parse('2026-11-30T12:00:00.000Z')

class FakeScheduler {
  schedules = new Map<string, ScheduleDefinition>()
  calls: string[] = []
  async get(workspace: string, app: string, id: string) {
    this.calls.push(`GET ${workspace}/${app}/${id}`)

    return this.schedules.get(`${workspace}/${app}/${id}`) ?? null
  }

  async put(workspace: string, app: string, s: ScheduleDefinition) {
    this.calls.push(`PUT ${workspace}/${app}`)
    this.schedules.set(`${workspace}/${app}/${s.id}`, s)
  }
}

function setup(account = `acct-${Math.random()}`) {
  const kv = new MemoryStorage()
  const api = new FakeScheduler()
  let now = t0
  const schedule = () =>
    new MaintenanceSchedule({
      kv,
      api,
      account,
      workspace: 'master',
      app: 'vtex.marketplace-bridge',
      now: () => now,
    })

  return { kv, api, schedule, advance: (ms: number) => (now += ms) }
}

describe('the maintenance schedule', () => {
  it('creates a secret once and registers the schedule with it', async () => {
    const s = setup()

    expect(await s.schedule().storedSecret()).toBeNull()
    expect(await s.schedule().ensure({ force: true })).toBe('REGISTERED')
    const secret = await s.schedule().storedSecret()

    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    const [registered] = [...s.api.schedules.values()]

    expect(registered.request.headers[SECRET_HEADER]).toBe(secret)
    expect(await s.schedule().ensure({ force: true })).toBe('CURRENT')
    expect(await s.schedule().storedSecret()).toBe(secret)
  })

  it('an event checks at most every 10 minutes, and repairs a schedule that went missing', async () => {
    const s = setup()

    expect(await s.schedule().ensure()).toBe('REGISTERED')
    s.api.schedules.clear()
    expect(await s.schedule().ensure()).toBe('SKIPPED')
    s.advance(CHECK_EVERY_MS)
    expect(await s.schedule().ensure()).toBe('REGISTERED')
    expect(s.api.calls.filter((c) => c.startsWith('PUT'))).toHaveLength(2)
  })

  it('two replicas creating the secret at once end with one', async () => {
    const s = setup()
    const [a, b] = [s.schedule(), s.schedule()]

    await Promise.all([a.ensure({ force: true }), b.ensure({ force: true })])
    const stored = (await s.kv.get<{ secret: string }>(SCHEDULE_SECRET_PATH))!
      .data.secret

    const [registered] = [...s.api.schedules.values()]

    expect(registered.request.headers[SECRET_HEADER]).toBe(stored)
  })

  it('events arriving together share one check', async () => {
    const s = setup()

    await Promise.all([1, 2, 3, 4].map(() => s.schedule().ensure()))
    expect(s.api.calls).toEqual([
      'GET master/vtex.marketplace-bridge/marketplace-bridge-maintenance',
      'PUT master/vtex.marketplace-bridge',
    ])
  })
})
