import {
  currentStats,
  decodeDelta,
  emptyBase,
  encodeDelta,
  foldDeltas,
  applyStatsChange,
  countFor,
  emptyStats,
  mergeStats,
  overviewOf,
} from './stats'

describe('tab stats', () => {
  it('moves counts between statuses', () => {
    let s = emptyStats()

    s = applyStatsChange(s, { marketplace: 'amazon', from: null, to: 'ERROR' })
    s = applyStatsChange(s, { marketplace: 'amazon', from: null, to: 'ERROR' })
    s = applyStatsChange(s, {
      marketplace: 'amazon',
      from: 'ERROR',
      to: 'QUEUED',
    })
    s = applyStatsChange(s, {
      marketplace: 'magalu',
      from: null,
      to: 'SUCCESS',
    })
    s = applyStatsChange(s, { marketplace: 'magalu', from: 'QUEUED', to: null })
    expect(s.counts).toEqual({
      amazon: { ERROR: 1, QUEUED: 1 },
      magalu: { SUCCESS: 1, QUEUED: -1 },
    })
    s = applyStatsChange(s, {
      marketplace: 'magalu',
      from: 'SUCCESS',
      to: 'SUCCESS',
      abnormalFrom: false,
      abnormalTo: true,
    })
    expect(s.abnormal).toEqual({ magalu: 1 })
    const merged = mergeStats([s])

    expect(countFor(merged)).toBe(3)
    expect(countFor(merged, 'ERROR')).toBe(1)
    expect(countFor(merged, null, 'magalu')).toBe(1)
    expect(countFor(merged, 'SUCCESS', 'amazon')).toBe(0)
  })

  it('builds the overview per status and marketplace', () => {
    const o = overviewOf({
      counts: {
        b: { SUCCESS: 2, PENDING: 3 },
        a: { ERROR: 1, QUEUED: 1, ALERT: 2 },
        c: {},
      },
    })

    expect(o.total).toBe(9)
    expect(o.byStatus).toEqual({
      SUCCESS: 2,
      ERROR: 1,
      PENDING: 3,
      ALERT: 2,
      QUEUED: 1,
    })
    expect(o.byMarketplace.map((m) => [m.marketplace, m.total])).toEqual([
      ['a', 4],
      ['b', 5],
    ])
  })

  it('adds count sets together; one may be negative, a sum never is', () => {
    const split = mergeStats([
      { counts: { a: { ERROR: -1 } } },
      { counts: { a: { ERROR: 1, SUCCESS: 1 } } },
      { counts: { b: { QUEUED: -1 } } },
    ])

    expect(split.counts).toEqual({
      a: { ERROR: 0, SUCCESS: 1 },
      b: { QUEUED: 0 },
    })
  })

  it('adds count sets together', () => {
    const merged = mergeStats([
      { counts: { a: { SUCCESS: 1 } }, abnormal: { a: 1 } },
      { counts: { a: { SUCCESS: 2, ERROR: 1 }, b: { QUEUED: 1 } } },
    ])

    expect(merged).toEqual({
      counts: { a: { SUCCESS: 3, ERROR: 1 }, b: { QUEUED: 1 } },
      abnormal: { a: 1 },
      causes: {},
    })
    expect(overviewOf(merged).abnormal).toBe(1)
  })
})

describe('count deltas', () => {
  const t0 = Date.parse('2026-11-23T10:00:00Z')

  it('round-trips a change through its file name', () => {
    const change = {
      marketplace: 'amazon',
      from: 'ERROR' as const,
      to: 'SUCCESS' as const,
      abnormalFrom: false,
      abnormalTo: true,
      causeFrom: '0a1b2c3d',
      causeTo: null,
    }

    expect(decodeDelta(encodeDelta(change, t0, 'k3'))).toEqual(change)
    // A cause only counts while the log is an error.
    expect(
      decodeDelta(encodeDelta({ ...change, from: 'SUCCESS' }, t0, 'k3'))
        ?.causeFrom
    ).toBeNull()
    expect(decodeDelta('garbage')).toBeNull()
  })

  it('counts errors by cause', () => {
    let s = emptyStats()

    s = applyStatsChange(s, {
      marketplace: 'a',
      from: null,
      to: 'ERROR',
      causeTo: 'c1',
    })
    s = applyStatsChange(s, {
      marketplace: 'a',
      from: null,
      to: 'ERROR',
      causeTo: 'c1',
    })
    s = applyStatsChange(s, {
      marketplace: 'a',
      from: 'ERROR',
      to: 'ERROR',
      causeFrom: 'c1',
      causeTo: 'c2',
    })
    s = applyStatsChange(s, {
      marketplace: 'a',
      from: 'ERROR',
      to: 'QUEUED',
      causeFrom: 'c1',
    })
    expect(mergeStats([s]).causes).toEqual({ c2: 1 })
  })

  it('folding is idempotent and the sum never changes', () => {
    const d = (i: number, to: 'ERROR' | 'SUCCESS') =>
      encodeDelta({ marketplace: 'm', from: null, to }, t0 + i, 'aa')

    const leaves = [d(1, 'ERROR'), d(2, 'ERROR'), d(3, 'SUCCESS')]
    let base = emptyBase()

    expect(currentStats(base, leaves).counts.m).toEqual({
      ERROR: 2,
      SUCCESS: 1,
    })
    base = foldDeltas(base, leaves)
    expect(currentStats(base, leaves).counts.m).toEqual({
      ERROR: 2,
      SUCCESS: 1,
    })
    expect(foldDeltas(base, leaves)).toEqual(base)
    // The first two were deleted; a new one arrived.
    const later = [d(3, 'SUCCESS'), d(4, 'SUCCESS')]

    expect(currentStats(base, later).counts.m).toEqual({ ERROR: 2, SUCCESS: 2 })
    base = foldDeltas(base, later)
    expect(base.folded).toEqual(later)
    expect(currentStats(base, []).counts.m).toEqual({ ERROR: 2, SUCCESS: 2 })
  })
})
