import { orderKey } from './layout'
import { GRAIN_DIGITS, coverPrefixes, inRange, orderRangeOf } from './timeRange'

const covered = (prefixes: string[], key: string) =>
  prefixes.some((p) => key.startsWith(p))

describe('date range → order-key prefixes', () => {
  it('covers every key inside the range, newest first, and little outside', () => {
    const range = orderRangeOf({
      from: '2026-11-20T00:00:00.000Z',
      to: '2026-11-22T23:59:59.999Z',
    })!

    const prefixes = coverPrefixes(range)

    expect([...prefixes].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(
      prefixes
    )
    expect(prefixes.length).toBeLessThan(40)
    for (const t of [
      '2026-11-20T00:00:00.000Z',
      '2026-11-21T13:14:15.161Z',
      '2026-11-22T23:59:59.999Z',
    ])
      expect(covered(prefixes, orderKey(t))).toBe(true)

    // Keys a day or more outside are never listed.
    expect(covered(prefixes, orderKey('2026-11-19T00:00:00.000Z'))).toBe(false)
    expect(covered(prefixes, orderKey('2026-11-24T00:00:00.000Z'))).toBe(false)
    // The reader still drops what the coarse cover lets in.
    expect(inRange(orderKey('2026-11-23T00:00:00.100Z'), range)).toBe(false)
    expect(inRange(orderKey('2026-11-21T00:00:00.000Z'), range)).toBe(true)
  })

  it('never splits below the grain', () => {
    const range = orderRangeOf({
      from: '2026-11-20T10:00:00.000Z',
      to: '2026-11-20T10:00:00.001Z',
    })!

    const prefixes = coverPrefixes(range)

    for (const p of prefixes)
      expect(p.length).toBeLessThanOrEqual(13 - GRAIN_DIGITS)
  })

  it('open ends and no filter', () => {
    expect(orderRangeOf({})).toBeNull()
    const since = orderRangeOf({ from: '2026-01-01T00:00:00Z' })!

    expect(coverPrefixes(since).length).toBeGreaterThan(0)
    expect(
      covered(coverPrefixes(since), orderKey(new Date().toISOString()))
    ).toBe(true)
  })

  it('rejects bad dates and reversed ranges', () => {
    expect(() => orderRangeOf({ from: 'yesterday' })).toThrow(/Invalid from/)
    expect(() =>
      orderRangeOf({ from: '2026-11-22T00:00:00Z', to: '2026-11-21T00:00:00Z' })
    ).toThrow(/after "to"/)
  })
})
