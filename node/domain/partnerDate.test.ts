import {
  PARTNER_DATE_WINDOW,
  partnerEventDate,
  strictInstant,
} from './partnerDate'

const NOW = Date.parse('2026-11-30T12:00:00.000Z')
const DAY = 86_400_000

describe('strict ISO 8601 instants', () => {
  it('reads real instants with a zone', () => {
    expect(strictInstant('2026-11-24T10:00:00Z')).toBe(
      Date.parse('2026-11-24T10:00:00Z')
    )
    expect(strictInstant('2026-11-24T07:00:00-03:00')).toBe(
      Date.parse('2026-11-24T10:00:00Z')
    )
    expect(strictInstant('2024-02-29T10:00:00.123Z')).toBe(
      Date.parse('2024-02-29T10:00:00.123Z')
    )
    expect(strictInstant('2026-11-24T10:00Z')).toBe(
      Date.parse('2026-11-24T10:00:00Z')
    )
  })

  it('refuses what Date.parse would roll over or guess', () => {
    for (const bad of [
      '2026-02-30T10:00:00Z', // 30 February
      '2026-02-29T10:00:00Z', // not a leap year
      '2026-04-31T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-11-24T24:00:00Z',
      '2026-11-24T10:60:00Z',
      '2026-11-24T10:00:00', // no zone: which instant?
      '2026-11-24', // no time
      '+275760-09-13T00:00:00Z', // expanded year
      '1',
      'tomorrow',
      '',
      20261124,
      null,
    ])
      expect(strictInstant(bad)).toBeNull()
  })
})

describe('the partner-date rule', () => {
  it('keeps dates in the plausible window and names the window otherwise', () => {
    expect(partnerEventDate('2026-11-29T09:30:00-03:00', 'd', NOW)).toEqual({
      iso: '2026-11-29T12:30:00.000Z',
    })
    expect(
      partnerEventDate(
        new Date(NOW - (PARTNER_DATE_WINDOW.pastDays + 1) * DAY).toISOString(),
        'd',
        NOW
      )
    ).toMatchObject({ field: 'd', code: 'OUT_OF_RANGE' })
    expect(partnerEventDate('2026-12-02T12:00:00Z', 'd', NOW)).toMatchObject({
      code: 'OUT_OF_RANGE',
      params: { max: '2026-12-01T12:00:00.000Z' },
    })
    expect(partnerEventDate('2026-02-30T10:00:00Z', 'd', NOW)).toEqual({
      field: 'd',
      code: 'INVALID_DATE',
    })
  })
})
