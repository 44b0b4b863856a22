import type { DomainError } from './errors'
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  openCursor,
  parsePageSize,
  sealCursor,
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

describe('signed cursors', () => {
  const key = Buffer.alloc(32, 7)
  const other = Buffer.alloc(32, 8)
  const body = { f: '["PRODUCTS",null]', l: 'leaf', s: [{ p: 0, t: 'x' }] }
  const reason = (fn: () => unknown) => {
    try {
      fn()
    } catch (e) {
      const { reason: r, fields } = e as DomainError

      return { reason: r, fields }
    }

    return null
  }

  it('round-trips what this key sealed', () => {
    const cursor = sealCursor(key, body)

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    expect(openCursor(key, cursor)).toEqual(body)
  })

  const sealed = sealCursor(key, body)
  const [payload, signature] = sealed.split('.')
  const edited = Buffer.from(
    JSON.stringify({ ...body, s: [{ p: -1, t: null }] })
  ).toString('base64url')

  it.each([
    ['another key', () => sealCursor(other, body), 'INVALID_FORMAT'],
    ['an edited body', () => `${edited}.${signature}`, 'INVALID_FORMAT'],
    ['no signature', () => payload, 'INVALID_FORMAT'],
    ['a path', () => '../../etc/passwd', 'INVALID_FORMAT'],
    ['a number', () => '-1', 'INVALID_FORMAT'],
    [
      'plain base64 JSON',
      () => Buffer.from('{"p":99999}').toString('base64url'),
      'INVALID_FORMAT',
    ],
    ['a truncated signature', () => sealed.slice(0, -1), 'INVALID_FORMAT'],
    ['a huge cursor', () => `${'a'.repeat(10_000)}.${signature}`, 'TOO_LONG'],
  ])('refuses %s: INVALID_CURSOR on after', (_, make, code) => {
    expect(reason(() => openCursor(key, make()))).toEqual({
      reason: 'INVALID_CURSOR',
      fields: [{ field: 'after', code }],
    })
  })

  it('refuses what is not text', () => {
    expect(reason(() => openCursor(key, 42))).toMatchObject({
      reason: 'INVALID_CURSOR',
    })
  })
})
