import {
  MARKER_STALE_MS,
  isRemovalMarker,
  isStale,
  orphanClaim,
  removalClaim,
  takeOver,
} from './removal'
import type { Row } from './rows'

const T = Date.UTC(2026, 10, 20, 10, 0)
const row = { order: '8204799999999' } as Row

describe('removal claims', () => {
  it('a removal is given a version time after the removed one, even on a clock behind', () => {
    const claim = removalClaim(
      { processedAt: 'x', updatedAt: new Date(T).toISOString() },
      row,
      null,
      T - 5000,
      'c1'
    )

    expect(claim).toMatchObject({ removing: true, claim: 'c1', row })
    expect(Date.parse(claim.at)).toBe(T + 1)
    expect(claim.claimedAt).toBe(new Date(T - 5000).toISOString())
  })

  it('is told apart from a log, goes stale after 30 s, and a takeover keeps the removal', () => {
    const claim = orphanClaim(T, 'c1')

    expect(isRemovalMarker(claim)).toBe(true)
    expect(isRemovalMarker({ id: 'PRODUCTS:amazon:1', status: 'ERROR' })).toBe(
      false
    )
    expect(isRemovalMarker(null)).toBe(false)
    expect(isStale(claim, T + MARKER_STALE_MS - 1)).toBe(false)
    expect(isStale(claim, T + MARKER_STALE_MS)).toBe(true)
    const taken = takeOver(claim, T + MARKER_STALE_MS, 'c2')

    expect(taken).toEqual({
      ...claim,
      claim: 'c2',
      claimedAt: new Date(T + MARKER_STALE_MS).toISOString(),
    })
    expect(isStale(taken, T + MARKER_STALE_MS + 1)).toBe(false)
  })
})
