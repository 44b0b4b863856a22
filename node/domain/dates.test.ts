import { parseStrictDate } from './dates'

const utc = (iso: string) => new Date(iso).getTime()

describe('strict ISO 8601 dates', () => {
  it('a calendar date is a whole UTC day: its first or its last millisecond', () => {
    expect(parseStrictDate('2025-02-28')).toBe(utc('2025-02-28T00:00:00.000Z'))
    expect(parseStrictDate('2025-02-28', 'end')).toBe(
      utc('2025-02-28T23:59:59.999Z')
    )
    expect(parseStrictDate('2024-02-29')).toBe(utc('2024-02-29T00:00:00.000Z'))
    expect(parseStrictDate('2000-02-29')).toBe(utc('2000-02-29T00:00:00.000Z'))
  })

  it('date-times with Z or an offset, to the millisecond', () => {
    expect(parseStrictDate('2025-02-28T10:15Z')).toBe(
      utc('2025-02-28T10:15:00.000Z')
    )
    expect(parseStrictDate('2025-02-28T10:15:30Z')).toBe(
      utc('2025-02-28T10:15:30.000Z')
    )
    expect(parseStrictDate('2025-02-28T10:15:30.1Z')).toBe(
      utc('2025-02-28T10:15:30.100Z')
    )
    expect(parseStrictDate('2025-02-28T10:15:30.123456789Z')).toBe(
      utc('2025-02-28T10:15:30.123Z')
    )
    expect(parseStrictDate('2025-02-28T10:15:30.123-03:00')).toBe(
      utc('2025-02-28T13:15:30.123Z')
    )
    expect(parseStrictDate('2025-03-01T01:00+05:30')).toBe(
      utc('2025-02-28T19:30:00.000Z')
    )
    // A date-time's bound is the instant itself.
    expect(parseStrictDate('2025-02-28T10:15Z', 'end')).toBe(
      utc('2025-02-28T10:15:00.000Z')
    )
  })

  it('years 0000–0099 are not read as 19xx', () => {
    expect(new Date(parseStrictDate('0050-06-01')!).getUTCFullYear()).toBe(50)
  })

  it.each([
    ['2025-02-30', 'a day February does not have'],
    ['2025-02-29', 'not a leap year'],
    ['1900-02-29', 'not a leap year (century)'],
    ['2025-13-01', 'month 13'],
    ['2025-00-10', 'month 0'],
    ['2025-04-31', 'April has 30 days'],
    ['2026-02-30T10:00:00Z', 'rolled over by Date.parse'],
    ['1', 'a bare number'],
    ['1700000000000', 'epoch milliseconds'],
    ['+275760-09-13T00:00:00.000Z', 'an expanded year'],
    ['-000001-01-01T00:00:00Z', 'a negative year'],
    ['2025-02-28T10:15:30', 'a local time without an offset'],
    ['2025-02-28T24:00Z', 'hour 24'],
    ['2025-02-28T10:60Z', 'minute 60'],
    ['2025-02-28T10:15:60Z', 'a leap second'],
    ['2025-02-28T10:15+24:00', 'offset hour 24'],
    ['2025-02-28 10:15Z', 'a space instead of T'],
    ['2025-02-28t10:15z', 'lowercase'],
    ['2025-2-28', 'one-digit month'],
    ['28/02/2025', 'a local format'],
    ['yesterday', 'words'],
    ['', 'empty'],
    [' 2025-02-28', 'surrounding space'],
    ['2025-02-28T10:15:30.1234567890Z', 'ten fraction digits'],
  ])('refuses %p (%s)', (value) => {
    expect(parseStrictDate(value)).toBeNull()
    expect(parseStrictDate(value, 'end')).toBeNull()
  })

  it('refuses what is not a string', () => {
    for (const value of [null, undefined, 1700000000000, {}, []])
      expect(parseStrictDate(value)).toBeNull()
  })
})
