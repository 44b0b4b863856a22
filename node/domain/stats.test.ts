import {
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
      counts: { b: { SUCCESS: 2 }, a: { ERROR: 1, QUEUED: 1 }, c: {} },
    })

    expect(o.total).toBe(4)
    expect(o.byStatus).toEqual({ SUCCESS: 2, ERROR: 1, QUEUED: 1 })
    expect(o.byMarketplace.map((m) => [m.marketplace, m.total])).toEqual([
      ['a', 2],
      ['b', 2],
    ])
  })

  it('adds shards together; a shard may be negative, a sum never is', () => {
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

  it('adds shards together', () => {
    const merged = mergeStats([
      { counts: { a: { SUCCESS: 1 } }, abnormal: { a: 1 } },
      { counts: { a: { SUCCESS: 2, ERROR: 1 }, b: { QUEUED: 1 } } },
    ])

    expect(merged).toEqual({
      counts: { a: { SUCCESS: 3, ERROR: 1 }, b: { QUEUED: 1 } },
      abnormal: { a: 1 },
    })
    expect(overviewOf(merged).abnormal).toBe(1)
  })
})
