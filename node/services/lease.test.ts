import { LEASE_MS, claim, newJob } from '../domain/queue'
import { MemoryStorage } from '../test/memoryStorage'
import { JobStore } from './jobStore'
import { LeaseKeeper } from './lease'

const t0 = Date.parse('2026-11-20T10:00:00.000Z')
const wait = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(() => resolve(), ms)
  })

describe('a live handler keeps its claim', () => {
  it('renews the lease while working, and stops before the last write', async () => {
    const jobs = new JobStore(new MemoryStorage())
    let now = t0
    const job = claim(
      newJob('x.1', 'INVENTORY:amazon:1', new Date(t0).toISOString()),
      t0,
      'me'
    )!

    await jobs.create(job)
    const lease = new LeaseKeeper(jobs, job, () => now, 20)

    now = t0 + 5_000
    await wait(60)
    expect((await jobs.get('x.1'))?.data.claimedUntil).toBe(
      new Date(t0 + 5_000 + LEASE_MS).toISOString()
    )
    await lease.stop()
    await jobs.delete('x.1')
    now = t0 + 9_000
    await wait(60)
    // Stopped: no renewal brings a finished job back.
    expect(await jobs.get('x.1')).toBeNull()
  })

  it('never renews a claim another handler took over', async () => {
    const jobs = new JobStore(new MemoryStorage())
    const job = claim(
      newJob('x.2', 'INVENTORY:amazon:1', new Date(t0).toISOString()),
      t0,
      'me'
    )!

    await jobs.create(job)
    const file = await jobs.get('x.2')

    await jobs.replace(
      claim({ ...job, claimedUntil: null }, t0 + LEASE_MS, 'other')!,
      file!.etag
    )
    const lease = new LeaseKeeper(jobs, job, () => t0 + LEASE_MS + 1, 10)

    await wait(40)
    await lease.stop()
    expect((await jobs.get('x.2'))?.data.owner).toBe('other')
    expect((await jobs.get('x.2'))?.data.claimedUntil).toBe(
      new Date(t0 + 2 * LEASE_MS).toISOString()
    )
  })
})
