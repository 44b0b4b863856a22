import { countOf, topCauses } from './counts'
import type { TabStats } from './stats'

const stats: TabStats = {
  counts: {
    amazon: { SUCCESS: 5, ERROR: 3, QUEUED: 1 },
    magalu: { SUCCESS: 2, ERROR: 4 },
    mercadolivre: { PENDING: 2, ALERT: 3 },
  },
  abnormal: { amazon: 2, magalu: 1 },
  causes: { '0badcafe': 6, '1badcafe': 1, al2badcafe: 3 },
}

describe('what the counts answer for a filter', () => {
  it('status and marketplace, alone or together', () => {
    expect(countOf(stats, {})).toBe(20)
    expect(countOf(stats, { status: 'ALERT' })).toBe(3)
    expect(countOf(stats, { status: 'PENDING', marketplace: 'amazon' })).toBe(0)
    expect(countOf(stats, { status: 'ERROR' })).toBe(7)
    expect(countOf(stats, { marketplace: 'magalu' })).toBe(6)
    expect(countOf(stats, { status: 'QUEUED', marketplace: 'magalu' })).toBe(0)
    expect(countOf(stats, { marketplace: 'unknown' })).toBe(0)
  })

  it('abnormal latency: successes only', () => {
    expect(countOf(stats, { abnormalOnly: true })).toBe(3)
    expect(countOf(stats, { abnormalOnly: true, marketplace: 'amazon' })).toBe(
      2
    )
    expect(countOf(stats, { abnormalOnly: true, status: 'SUCCESS' })).toBe(3)
    expect(countOf(stats, { abnormalOnly: true, status: 'ERROR' })).toBe(0)
  })

  it('an error cause: errors only, never abnormal (regression: abnormal only + a cause counted the cause)', () => {
    expect(countOf(stats, { cause: '0badcafe' })).toBe(6)
    expect(countOf(stats, { cause: '0badcafe', status: 'ERROR' })).toBe(6)
    expect(countOf(stats, { cause: '0badcafe', status: 'SUCCESS' })).toBe(0)
    expect(countOf(stats, { cause: '0badcafe', abnormalOnly: true })).toBe(0)
    expect(countOf(stats, { cause: 'ffffffff' })).toBe(0)
  })

  it("an alert's cause: alerts only (the id names the status)", () => {
    expect(countOf(stats, { cause: 'al2badcafe' })).toBe(3)
    expect(countOf(stats, { cause: 'al2badcafe', status: 'ALERT' })).toBe(3)
    expect(countOf(stats, { cause: 'al2badcafe', status: 'ERROR' })).toBe(0)
    expect(countOf(stats, { cause: '0badcafe', status: 'ALERT' })).toBe(0)
  })

  it('cannot tell a search, a date range, or a cause within one marketplace', () => {
    expect(countOf(stats, { search: '1001' })).toBeNull()
    expect(countOf(stats, { from: '2026-11-20T00:00:00Z' })).toBeNull()
    expect(countOf(stats, { to: '2026-11-20T00:00:00Z' })).toBeNull()
    expect(
      countOf(stats, { cause: '0badcafe', marketplace: 'amazon' })
    ).toBeNull()
  })
})

describe('error groups', () => {
  it('most frequent first, ties by id, empty causes left out', () => {
    expect(
      topCauses({ counts: {}, causes: { b: 2, a: 2, c: 5, d: 0 } }, 3)
    ).toEqual([
      ['c', 5],
      ['a', 2],
      ['b', 2],
    ])
  })
})
