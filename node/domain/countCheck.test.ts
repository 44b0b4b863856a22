import { countDrift, statsOfRows, subtractStats } from './countCheck'
import type { Row } from './rows'
import { sumStats } from './stats'

const row = (
  marketplace: string,
  status: Row['status'],
  extra: Partial<Row> = {}
): Row => ({
  order: '8204799999999',
  marketplace,
  entityId: '1',
  status,
  abnormal: false,
  attempts: 1,
  latencyMs: null,
  cause: status === 'ERROR' ? '0badcafe' : null,
  message: '',
  ...extra,
})

describe('counts against rows', () => {
  const rows = [
    row('amazon', 'ERROR'),
    row('amazon', 'ERROR', { cause: '1badcafe' }),
    row('amazon', 'SUCCESS', { abnormal: true }),
    row('magalu', 'QUEUED'),
  ]

  it('adds rows up the way the counts do', () => {
    expect(statsOfRows(rows)).toEqual({
      counts: { amazon: { ERROR: 2, SUCCESS: 1 }, magalu: { QUEUED: 1 } },
      abnormal: { amazon: 1 },
      causes: { '0badcafe': 1, '1badcafe': 1 },
    })
  })

  it('names every count that differs, and nothing when they agree', () => {
    const listed = statsOfRows(rows)

    expect(countDrift(listed, listed)).toEqual([])
    expect(
      countDrift(
        {
          counts: { amazon: { ERROR: 5, SUCCESS: 1 }, magalu: { QUEUED: 0 } },
          abnormal: { amazon: 1 },
          causes: { '0badcafe': 4, '1badcafe': 1 },
        },
        listed
      )
    ).toEqual([
      { what: 'cause.0badcafe', counted: 4, listed: 1 },
      { what: 'count.amazon.ERROR', counted: 5, listed: 2 },
      { what: 'count.magalu.QUEUED', counted: 0, listed: 1 },
    ])
  })

  it('the correction turns the counts into the rows', () => {
    const counted = {
      counts: { amazon: { ERROR: 5 }, mercadolivre: { SUCCESS: 2 } },
      abnormal: { amazon: 3 },
      causes: { '0badcafe': 4 },
    }

    const listed = statsOfRows(rows)
    const fixed = sumStats([counted, subtractStats(listed, counted)])

    expect(countDrift(fixed, listed)).toEqual([])
  })
})
