import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  parsePageSize,
} from './pagination'

describe('page size', () => {
  it('defaults when absent', () =>
    expect(parsePageSize(undefined)).toBe(DEFAULT_PAGE_SIZE))
  it('accepts 1 and the maximum', () => {
    expect(parsePageSize(1)).toBe(1)
    expect(parsePageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE)
  })
  it.each([0, -5, MAX_PAGE_SIZE + 1, 1_000_000, 2.5])('refuses %p', (size) => {
    expect(() => parsePageSize(size)).toThrow(/whole number from 1 to 100/)
  })
})

describe('cursors', () => {
  it('round-trips', () =>
    expect(decodeCursor(encodeCursor('idx/a/b'))).toBe('idx/a/b'))
  it('treats empty as the first page', () =>
    expect(decodeCursor('')).toBeUndefined())
  it.each(['garbage', Buffer.from('{"v":2,"c":"x"}').toString('base64url')])(
    'refuses %p',
    (c) => {
      expect(() => decodeCursor(c)).toThrow(/Invalid cursor/)
    }
  )
})
