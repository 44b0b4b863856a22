import {
  dayBound,
  filterOf,
  isFiltered,
  readUrlState,
  toQuery,
} from './urlState'

describe('the logs page in the URL', () => {
  it('reads every filter and the open log, ignoring what cannot be', () => {
    const s = readUrlState({
      tab: 'inventory',
      status: 'error',
      marketplace: 'amazon',
      q: '1003',
      from: '2026-11-20',
      to: '20/11/2026',
      abnormal: '1',
      log: 'INVENTORY:amazon:1003',
    })

    expect(s).toEqual({
      tab: 'INVENTORY',
      status: 'ERROR',
      marketplace: 'amazon',
      search: '1003',
      from: '2026-11-20',
      to: null,
      abnormalOnly: true,
      cause: null,
      log: 'INVENTORY:amazon:1003',
    })
    expect(readUrlState({ tab: 'orders', status: 'nope' })).toMatchObject({
      tab: 'PRODUCTS',
      status: null,
    })
  })

  it('writes it back, dropping what is not set', () => {
    const s = readUrlState({ tab: 'tracking', q: 'v1', cause: 'abcd1234' })

    expect(toQuery(s)).toEqual({
      tab: 'tracking',
      status: undefined,
      marketplace: undefined,
      q: 'v1',
      from: undefined,
      to: undefined,
      abnormal: undefined,
      cause: 'abcd1234',
      log: undefined,
    })
    expect(readUrlState(toQuery(s))).toEqual(s)
    expect(isFiltered(s)).toBe(true)
    expect(isFiltered(readUrlState({ tab: 'tracking' }))).toBe(false)
  })

  it('turns days into the bounds of those days for the API', () => {
    const from = dayBound('2026-11-20', false)!
    const to = dayBound('2026-11-20', true)!

    expect(Date.parse(to) - Date.parse(from)).toBe(86_400_000 - 1)
    expect(
      filterOf(readUrlState({ from: '2026-11-20', to: '2026-11-20' }))
    ).toEqual({
      status: null,
      marketplace: null,
      search: null,
      from,
      to,
      abnormalOnly: null,
      cause: null,
    })
  })
})
