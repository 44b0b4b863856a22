import { MAX_IN_FLIGHT, ReplicaBusy } from '../domain/admission'
import { admitted, deliveriesInFlight } from './admission'

describe('admitted (one replica)', () => {
  it('works up to the bound at once, refuses the next before any work, takes more as they finish', async () => {
    const release: Array<() => void> = []
    const held = Array.from({ length: MAX_IN_FLIGHT }, () =>
      admitted(
        () =>
          new Promise<string>((resolve) => release.push(() => resolve('done')))
      )
    )

    expect(deliveriesInFlight()).toBe(MAX_IN_FLIGHT)
    let ran = false

    await expect(
      admitted(async () => {
        ran = true
      })
    ).rejects.toBeInstanceOf(ReplicaBusy)
    expect(ran).toBe(false)

    release.shift()!()
    await held[0]
    await expect(admitted(async () => 'next')).resolves.toBe('next')

    // A failed delivery frees its place too.
    release.forEach((r) => r())
    await Promise.all(held)
    await expect(
      admitted(async () => {
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
    expect(deliveriesInFlight()).toBe(0)
  })
})
