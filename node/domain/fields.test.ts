import type { FieldError } from './errors'
import { isHttpUrl, readText } from './fields'

describe('readText', () => {
  it('trims a text and refuses a missing required one, a non-string and one too long', () => {
    const errors: FieldError[] = []
    const o = { a: '  x  ', n: 3, long: 'abcdef', blank: '   ' }

    expect(readText(o, 'a', 'a', errors, { max: 5 })).toBe('x')
    expect(readText(o, 'blank', 'blank', errors, { max: 5 })).toBeNull()
    expect(errors).toEqual([])
    expect(
      readText(o, 'missing', 'p.missing', errors, { required: true, max: 5 })
    ).toBeNull()
    expect(readText(o, 'n', 'p.n', errors, { max: 5 })).toBeNull()
    expect(readText(o, 'long', 'p.long', errors, { max: 5 })).toBeNull()
    expect(errors).toEqual([
      { field: 'p.missing', code: 'REQUIRED' },
      { field: 'p.n', code: 'INVALID_FORMAT' },
      { field: 'p.long', code: 'TOO_LONG', params: { max: 5 } },
    ])
  })
})

describe('isHttpUrl', () => {
  it('takes absolute http and https URLs only', () => {
    expect(isHttpUrl('https://rastreio.example/BR1')).toBe(true)
    expect(isHttpUrl('http://a.b')).toBe(true)
    expect(isHttpUrl('ftp://a.b')).toBe(false)
    expect(isHttpUrl('/relative')).toBe(false)
    expect(isHttpUrl('mailto:a@b.c')).toBe(false)
  })
})
