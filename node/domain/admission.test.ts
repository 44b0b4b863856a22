import { MAX_IN_FLIGHT, ReplicaBusy, admits } from './admission'

describe('back-pressure per replica', () => {
  it('takes deliveries up to the bound, and refuses the next one with 429', () => {
    expect(admits(0)).toBe(true)
    expect(admits(MAX_IN_FLIGHT - 1)).toBe(true)
    expect(admits(MAX_IN_FLIGHT)).toBe(false)
    expect(admits(3, 3)).toBe(false)
    const busy = new ReplicaBusy(MAX_IN_FLIGHT)

    expect(busy.status).toBe(429)
    expect(busy.message).toMatch(/deliver again later/)
  })
})
