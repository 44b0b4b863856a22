import { MAX_CATCH_UP_DAYS, collectionPlan, statusParam } from './plan'

const now = Date.parse('2026-05-04T01:30:00Z')
const all = ['Success', 'Error', 'Alert', 'Pending'] as const

describe('collection plan', () => {
  it('collects the last days every run, oldest first, with status=all', () => {
    expect(
      collectionPlan({
        now,
        lookbackDays: 2,
        statuses: all,
        completeThrough: null,
      })
    ).toEqual({
      requests: [
        { dateAt: '2026-05-03', status: 'all' },
        { dateAt: '2026-05-04', status: 'all' },
      ],
      completeThrough: '2026-05-02',
    })
  })

  it('asks only the chosen statuses, in lower case', () => {
    expect(statusParam(['Alert', 'Error'])).toBe('error,alert')
    expect(
      collectionPlan({
        now,
        lookbackDays: 1,
        statuses: ['Error'],
        completeThrough: '2026-05-03',
      }).requests
    ).toEqual([{ dateAt: '2026-05-04', status: 'error' }])
  })

  it('catches up the days missed since the cursor, bounded', () => {
    expect(
      collectionPlan({
        now,
        lookbackDays: 2,
        statuses: all,
        completeThrough: '2026-04-29',
      }).requests.map((r) => r.dateAt)
    ).toEqual([
      '2026-04-30',
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
    ])
    const long = collectionPlan({
      now,
      lookbackDays: 2,
      statuses: all,
      completeThrough: '2025-01-01',
    })

    expect(long.requests).toHaveLength(MAX_CATCH_UP_DAYS)
    expect(long.requests[0].dateAt).toBe('2026-04-05')
  })

  it('a cursor ahead of the window or unreadable changes nothing', () => {
    expect(
      collectionPlan({
        now,
        lookbackDays: 2,
        statuses: all,
        completeThrough: '2026-05-04',
      }).requests
    ).toHaveLength(2)
    expect(
      collectionPlan({
        now,
        lookbackDays: 2,
        statuses: all,
        completeThrough: 'yesterday',
      }).requests
    ).toHaveLength(2)
  })
})
