import { durationParts } from './duration'

describe('durationParts', () => {
  it('uses seconds, minutes, then hours and minutes', () => {
    expect(durationParts(12_400)).toEqual({
      id: 'duration.s',
      values: { seconds: 12 },
    })
    expect(durationParts(5 * 60_000 + 20_000)).toEqual({
      id: 'duration.m',
      values: { minutes: 5 },
    })
    expect(durationParts(2 * 3600_000 + 5 * 60_000)).toEqual({
      id: 'duration.hm',
      values: { hours: 2, minutes: 5 },
    })
  })
})
