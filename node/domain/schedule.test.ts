import {
  MAINTENANCE_PATH,
  SECRET_HEADER,
  maintenanceSchedule,
  needsRegistration,
  newSecret,
  secretMatches,
  storeHost,
} from './schedule'

const NOW = Date.parse('2026-11-30T12:00:00.000Z')
const DAY = 86_400_000

describe('the maintenance schedule', () => {
  it('calls the public maintenance route every minute with the secret', () => {
    expect(maintenanceSchedule('store', 'master', 's3cret', NOW)).toEqual({
      id: 'marketplace-bridge-maintenance',
      scheduler: { expression: '* * * * *', endDate: '2027-11-30T12:00:00' },
      request: {
        uri: `https://store.myvtex.com${MAINTENANCE_PATH}`,
        method: 'POST',
        headers: { [SECRET_HEADER]: 's3cret' },
        body: {},
      },
      retry: {
        delay: { addMinutes: 1, addHours: 0, addDays: 0 },
        times: 0,
        backOffRate: 1,
      },
    })
    expect(storeHost('store', 'dev1')).toBe('dev1--store.myvtex.com')
  })

  it('is registered again when missing, different or about to end', () => {
    const wanted = maintenanceSchedule('store', 'master', 's3cret', NOW)

    expect(needsRegistration(null, wanted, NOW)).toBe(true)
    expect(needsRegistration(wanted, wanted, NOW)).toBe(false)
    expect(
      needsRegistration(
        maintenanceSchedule('store', 'master', 'other', NOW),
        wanted,
        NOW
      )
    ).toBe(true)
    expect(
      needsRegistration(
        {
          ...wanted,
          scheduler: { ...wanted.scheduler, expression: '*/5 * * * *' },
        },
        wanted,
        NOW
      )
    ).toBe(true)
    expect(needsRegistration(wanted, wanted, NOW + 340 * DAY)).toBe(true)
  })
})

describe('the secret', () => {
  it('is 256 random bits', () => {
    expect(newSecret()).toMatch(/^[0-9a-f]{64}$/)
    expect(newSecret()).not.toBe(newSecret())
  })

  it('matches only itself, whatever the lengths', () => {
    const s = newSecret()

    expect(secretMatches(s, s)).toBe(true)
    expect(secretMatches(`${s}x`, s)).toBe(false)
    expect(secretMatches(s.slice(1), s)).toBe(false)
    expect(secretMatches('', s)).toBe(false)
    expect(secretMatches(undefined, s)).toBe(false)
    expect(secretMatches(s, null)).toBe(false)
  })
})
