import { prettyBody } from './format'

describe('prettyBody', () => {
  it('re-indents JSON', () => {
    expect(prettyBody('{"a":1}')).toBe('{\n  "a": 1\n}')
  })

  it('keeps anything else as it is, markup included (it is rendered as text)', () => {
    expect(prettyBody('<b>oops</b>')).toBe('<b>oops</b>')
    expect(prettyBody(null)).toBe('')
  })
})
