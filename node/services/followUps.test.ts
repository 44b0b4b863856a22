import type { IntegrationLog, LogKey, Outcome } from '../domain/log'
import { recordOutcome } from '../domain/log'
import { FOLLOW_UP_MAX_AGE_MS } from '../domain/statusModel'
import { MemoryStorage } from '../test/memoryStorage'
import { runFollowUps } from './followUps'
import { LogStore } from './logStore'

const T0 = Date.UTC(2026, 10, 30, 12)
const key = (entityId: string): LogKey => ({
  tab: 'INVENTORY',
  marketplace: 'amazon',
  entityId,
})

async function setup() {
  let now = T0
  const logs = new LogStore(new MemoryStorage(), () => now, 0)
  const asked: string[] = []
  let answer: (ref: string) => Outcome | null = () => ({
    status: 'SUCCESS',
    message: 'Amazon: AMAZON_LISTING_UPDATED',
    origin: null,
    at: new Date(now).toISOString(),
    trigger: 'FOLLOW_UP',
  })

  const pending = (entityId: string) =>
    logs.update(key(entityId), (cur) =>
      recordOutcome(
        cur,
        key(entityId),
        { quantity: 3 },
        {
          status: 'PENDING',
          followUp: { ref: `sub-${entityId}`, afterMs: 60_000 },
          message: `Amazon accepted sub-${entityId}`,
          origin: null,
          at: new Date(now).toISOString(),
          trigger: 'CHANGE',
        }
      )
    )

  const run = () =>
    runFollowUps(
      {
        logs,
        followUp: async (_log: IntegrationLog, ref: string) => {
          asked.push(ref)

          return answer(ref)
        },
        marketplaceName: () => 'Amazon',
        now: () => now,
      },
      ['INVENTORY']
    )

  return {
    logs,
    asked,
    pending,
    run,
    advance: (ms: number) => (now += ms),
    answerWith: (f: (ref: string) => Outcome | null) => (answer = f),
    status: async (id: string) => (await logs.getByKey(key(id)))?.status,
  }
}

describe('follow-ups on the maintenance schedule', () => {
  it('waits until due, then records the final answer once', async () => {
    const s = await setup()

    await s.pending('1')
    expect(await s.run()).toMatchObject({ waiting: 1, checked: 0 })
    expect(s.asked).toEqual([])

    s.advance(60_000)
    expect(await s.run()).toMatchObject({ checked: 1, answered: 1 })
    expect(s.asked).toEqual(['sub-1'])
    expect(await s.status('1')).toBe('SUCCESS')
    const log = await s.logs.getByKey(key('1'))

    expect(log?.history.map((h) => h.trigger)).toEqual(['FOLLOW_UP', 'CHANGE'])
    expect(await s.logs.count({ tab: 'INVENTORY', status: 'PENDING' })).toBe(0)

    // Nothing pending any more: nothing asked again.
    s.advance(60_000)
    await s.run()
    expect(s.asked).toEqual(['sub-1'])
  })

  it('still pending: asks again later; a marketplace that fails keeps the log pending', async () => {
    const s = await setup()

    await s.pending('2')
    s.answerWith((ref) => ({
      status: 'PENDING',
      followUp: { ref, afterMs: 120_000 },
      message: 'Amazon: AMAZON_SUBMISSION_PROCESSING',
      origin: null,
      at: new Date(T0).toISOString(),
      trigger: 'FOLLOW_UP',
    }))
    s.advance(60_000)
    expect(await s.run()).toMatchObject({ checked: 1, answered: 0 })
    expect(await s.status('2')).toBe('PENDING')
    expect((await s.logs.getByKey(key('2')))?.pending?.checks).toBe(1)

    s.answerWith(() => {
      throw new Error('socket hang up')
    })
    s.advance(120_000)
    expect(await s.run()).toMatchObject({ failed: 1 })
    expect(await s.status('2')).toBe('PENDING')
  })

  it('gives up after its time as an error saying so, without asking', async () => {
    const s = await setup()

    await s.pending('3')
    s.advance(FOLLOW_UP_MAX_AGE_MS)
    expect(await s.run()).toMatchObject({ gaveUp: 1, checked: 0 })
    expect(s.asked).toEqual([])
    const log = await s.logs.getByKey(key('3'))

    expect(log?.status).toBe('ERROR')
    expect(log?.message).toMatch(
      /Amazon accepted the update but gave no final answer within 24 h/
    )
  })

  it('nobody to ask (marketplace gone): the log waits, then gives up', async () => {
    const s = await setup()

    await s.pending('4')
    s.answerWith(() => null)
    s.advance(60_000)
    expect(await s.run()).toMatchObject({ checked: 1, answered: 0 })
    expect(await s.status('4')).toBe('PENDING')
  })
})
