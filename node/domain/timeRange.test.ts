import fc from 'fast-check'

import { SEED } from '../test/logArbitraries'
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
    expect(orderRangeOf({ from: '', to: null })).toBeNull()
    const since = orderRangeOf({ from: '2026-01-01T00:00:00Z' })!
    const prefixes = coverPrefixes(since)

    // From the newest possible key up to the start of 2026: now is covered,
    // the first millisecond of 2026 too, and a day before is not.
    expect(since.lo).toBe('0000000000000')
    expect(since.hi).toBe(orderKey('2026-01-01T00:00:00.000Z'))
    expect(prefixes[0]).toBe('0')
    expect(covered(prefixes, orderKey(new Date().toISOString()))).toBe(true)
    expect(covered(prefixes, orderKey('2026-01-01T00:00:00.000Z'))).toBe(true)
    expect(covered(prefixes, orderKey('2025-12-31T00:00:00.000Z'))).toBe(false)
    expect(prefixes.length).toBeLessThanOrEqual(9 * (13 - GRAIN_DIGITS))
  })

  it('a calendar date is its whole UTC day', () => {
    const day = orderRangeOf({ from: '2026-11-20', to: '2026-11-20' })!

    expect(inRange(orderKey('2026-11-20T00:00:00.000Z'), day)).toBe(true)
    expect(inRange(orderKey('2026-11-20T23:59:59.999Z'), day)).toBe(true)
    expect(inRange(orderKey('2026-11-21T00:00:00.000Z'), day)).toBe(false)
    expect(inRange(orderKey('2026-11-19T23:59:59.999Z'), day)).toBe(false)
  })

  it('refuses bad dates naming every bad field, and reversed ranges on "from"', () => {
    const refusal = (range: { from?: string; to?: string }) => {
      try {
        orderRangeOf(range)
      } catch (e) {
        return e
      }

      return null
    }

    expect(refusal({ from: 'yesterday' })).toMatchObject({
      reason: 'INVALID_DATE_RANGE',
      fields: [{ field: 'from', code: 'INVALID_DATE' }],
    })
    expect(refusal({ from: '2025-02-30', to: '1' })).toMatchObject({
      reason: 'INVALID_DATE_RANGE',
      fields: [
        { field: 'from', code: 'INVALID_DATE' },
        { field: 'to', code: 'INVALID_DATE' },
      ],
    })
    expect(refusal({ to: '+275760-09-13T00:00:00.000Z' })).toMatchObject({
      fields: [{ field: 'to', code: 'INVALID_DATE' }],
    })
    expect(
      refusal({ from: '2026-11-22T00:00:00Z', to: '2026-11-21T00:00:00Z' })
    ).toMatchObject({
      reason: 'INVALID_DATE_RANGE',
      fields: [{ field: 'from', code: 'OUT_OF_RANGE' }],
    })
  })
})

describe('date range cover (property)', () => {
  const key = fc
    .tuple(
      fc.integer({ min: 0, max: 9_999_999 }),
      fc.integer({ min: 0, max: 999_999 })
    )
    .map(([hi, lo]) => String(hi * 1_000_000 + lo).padStart(13, '0'))

  // Keys near the edges of the cover's prefixes, and anywhere.
  const edgy = fc.oneof(
    key,
    fc
      .tuple(fc.integer({ min: 1, max: 9_999_999 }), fc.constantFrom(-1, 0, 1))
      .map(([k, d]) => String(k * 1_000_000 + d).padStart(13, '0'))
  )

  it('covers every key of the range, and nothing a grain or more outside it', () => {
    // fc.assert throws the counterexample and its seed when one fails.
    const run = () =>
      fc.assert(
        fc.property(edgy, edgy, edgy, (a, b, probe) => {
          const range = { lo: a < b ? a : b, hi: a < b ? b : a }
          const prefixes = coverPrefixes(range)
          const n = Number(probe)
          const grain = 10 ** GRAIN_DIGITS
          const lo = Math.floor(Number(range.lo) / grain) * grain
          const hi = Math.floor(Number(range.hi) / grain) * grain + grain - 1

          // Ascending and disjoint: listed one after the other, newest first.
          const ordered = prefixes.every(
            (p, i) =>
              i === 0 || (prefixes[i - 1] < p && !p.startsWith(prefixes[i - 1]))
          )

          const inside = probe >= range.lo && probe <= range.hi
          const isCovered = covered(prefixes, probe)

          // Every key inside is listed; nothing outside the range rounded out
          // to whole grains is; the reader drops exactly what is outside.
          return (
            ordered &&
            (!inside || isCovered) &&
            !(isCovered && (n < lo || n > hi)) &&
            inRange(probe, range) === inside
          )
        }),
        { seed: SEED, numRuns: 1000 }
      )

    expect(run).not.toThrow()
  })
})
