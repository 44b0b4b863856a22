import type { IntegrationOverviewQuery } from '../graphql/generated'
import type { LogsUrlState } from '../utils/urlState'
import { readUrlState } from '../utils/urlState'
import { reprocessAllScope } from './tabConfirmations'

const overview = {
  reprocessableStatuses: ['ERROR'],
  reprocessable: 26,
} as unknown as IntegrationOverviewQuery['integrationOverview']

const url = (patch: Partial<LogsUrlState> = {}): LogsUrlState => ({
  ...readUrlState({}),
  ...patch,
})

describe('"Reprocessar todos" over a filter, as the API states it', () => {
  it('no filter: offered, counting what the overview says can be reprocessed', () => {
    expect(reprocessAllScope(url(), overview, 300)).toEqual({
      offered: true,
      count: 26,
    })
  })

  it("a status the API lists: offered, the filter's matches", () => {
    expect(reprocessAllScope(url({ status: 'ERROR' }), overview, 7)).toEqual({
      offered: true,
      count: 7,
    })
  })

  it('another status: not offered; nor any status before the overview says which', () => {
    expect(reprocessAllScope(url({ status: 'ALERT' }), overview, 7)).toEqual({
      offered: false,
      count: 0,
    })
    expect(reprocessAllScope(url({ status: 'ERROR' }), null, 7).offered).toBe(
      false
    )
  })

  it('other filters without a status: offered, how many unknown', () => {
    expect(
      reprocessAllScope(url({ marketplace: 'amazon' }), overview, 40)
    ).toEqual({ offered: true, count: null })
  })
})
