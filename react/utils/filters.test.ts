import { EMPTY_FILTER, csvUrl, dayBound, filterVariables } from './filters'

describe('filters', () => {
  it('turns a day into the bounds of that day', () => {
    const from = dayBound('2026-11-20', false)!
    const to = dayBound('2026-11-20', true)!

    expect(Date.parse(to) - Date.parse(from)).toBe(86_400_000 - 1)
    expect(dayBound('20/11/2026', false)).toBeNull()
  })

  it('sends only what is set', () => {
    expect(filterVariables({ ...EMPTY_FILTER, status: 'ERROR' })).toEqual({
      status: 'ERROR',
      marketplace: null,
      search: null,
      from: null,
      to: null,
      abnormalOnly: null,
      cause: null,
    })
  })

  it('builds the CSV address with the filter', () => {
    expect(
      csvUrl('INVENTORY', {
        ...EMPTY_FILTER,
        status: 'ERROR',
        search: 'SKU 1',
        abnormalOnly: true,
      })
    ).toBe(
      '/_v/marketplace-bridge/logs.csv?tab=INVENTORY&status=ERROR&search=SKU+1&abnormalOnly=true'
    )
  })
})
