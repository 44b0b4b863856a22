import type { DomainError } from './errors'
import { matchesSearch, parseSearch } from './search'

const refusal = (raw: unknown) => {
  try {
    parseSearch(raw)
  } catch (e) {
    const { reason, fields } = e as DomainError

    return { reason, fields }
  }

  return null
}

describe('search terms', () => {
  it('none when absent or blank', () => {
    expect(parseSearch(null)).toBeNull()
    expect(parseSearch(undefined)).toBeNull()
    expect(parseSearch('')).toBeNull()
    expect(parseSearch('   ')).toBeNull()
  })

  it('ids of 3 characters or more match by prefix, shorter ones exactly', () => {
    expect(parseSearch(' 1300000007919 ')).toEqual({
      term: '1300000007919',
      prefix: true,
    })
    expect(parseSearch('100')).toEqual({ term: '100', prefix: true })
    expect(parseSearch('12')).toEqual({ term: '12', prefix: false })
    expect(parseSearch('A.b_c-1')).toEqual({ term: 'A.b_c-1', prefix: true })
  })

  it('matches', () => {
    const partial = parseSearch('1300000007919')!
    const short = parseSearch('10')!

    expect(matchesSearch('1300000007919-01', partial)).toBe(true)
    expect(matchesSearch('1300000007919', partial)).toBe(true)
    expect(matchesSearch('130000000791', partial)).toBe(false)
    expect(matchesSearch('21300000007919', partial)).toBe(false)
    expect(matchesSearch('10', short)).toBe(true)
    expect(matchesSearch('100', short)).toBe(false)
  })

  it.each([
    ['<script>alert(1)</script>', 'INVALID_FORMAT'],
    ["'; DROP TABLE logs; --", 'INVALID_FORMAT'],
    ['1003/../..', 'INVALID_FORMAT'],
    ['📦1003', 'INVALID_FORMAT'],
    ['1003 1004', 'INVALID_FORMAT'],
    ['-01', 'INVALID_FORMAT'],
    ['..', 'INVALID_FORMAT'],
    ['x'.repeat(5000), 'TOO_LONG'],
    ['1'.repeat(65), 'TOO_LONG'],
  ])('refuses %p: INVALID_SEARCH, search %s', (raw, code) => {
    expect(refusal(raw)).toEqual({
      reason: 'INVALID_SEARCH',
      fields: [expect.objectContaining({ field: 'search', code })],
    })
  })

  it('refuses what is not text', () => {
    expect(refusal(42)).toMatchObject({ reason: 'INVALID_SEARCH' })
    expect(parseSearch('1'.repeat(64))).toMatchObject({ prefix: true })
  })
})
