import { CAUSE_ID_RE, causeOf, causeStatus, normalizeCause } from './causes'

describe('causes', () => {
  it('groups messages that differ only by ids, numbers and quoted values', () => {
    const a = causeOf('Mercado Livre answered HTTP 400: SKU 1001 has no price')
    const b = causeOf('Mercado Livre answered HTTP 400: SKU 2002 has no price')

    expect(a).toEqual(b)
    expect(a.text).toBe('Mercado Livre answered HTTP 400: SKU # has no price')
    expect(a.id).toMatch(CAUSE_ID_RE)
  })

  it('keeps HTTP statuses and small numbers apart', () => {
    expect(causeOf('Amazon answered HTTP 400').id).not.toBe(
      causeOf('Amazon answered HTTP 503').id
    )
    expect(normalizeCause('Failed (retries exhausted after 10 attempts)')).toBe(
      'Failed (retries exhausted after # attempts)'
    )
  })

  it('replaces URLs, UUIDs, dates and quoted values', () => {
    expect(
      normalizeCause(
        'Could not reach https://api.x.com/items/9?a=1 at 2026-11-23T10:00:00Z for "ab c" id 0b9c6a4e-1f0e-4d7e-9a43-2f7a4e1f0c11'
      )
    ).toBe('Could not reach <url> at # for "…" id #')
  })

  it('keeps a short quoted symbol that is the cause', () => {
    const a = causeOf(
      'Invoice number "NF/123" contains "/": VTEX\'s invoice routes cannot address it.'
    )

    expect(a.text).toBe(
      'Invoice number "…" contains "/": VTEX\'s invoice routes cannot address it.'
    )
    expect(
      causeOf(
        'Invoice number "A/9" contains "/": VTEX\'s invoice routes cannot address it.'
      ).id
    ).toBe(a.id)
    expect(normalizeCause('name "ab" or "#1" or "x"')).toBe(
      'name "…" or "…" or "…"'
    )
  })

  it('never returns an empty text', () => {
    expect(causeOf('   ').text).toBe('(no message)')
  })

  it("an alert's cause is its own group, its id naming the status; an error's id is as before", () => {
    const message = 'Mercado Livre paused listing MLB123: reactivate it'
    const error = causeOf(message)
    const alert = causeOf(message, 'ALERT')

    expect(error.id).toMatch(/^[0-9a-f]{8}$/)
    expect(alert.id).toBe(`al${error.id}`)
    expect(alert.text).toBe(error.text)
    expect(alert.id).toMatch(CAUSE_ID_RE)
    expect(causeStatus(alert.id)).toBe('ALERT')
    expect(causeStatus(error.id)).toBe('ERROR')
    expect(CAUSE_ID_RE.test('al123')).toBe(false)
    expect(CAUSE_ID_RE.test('xx0badcafe')).toBe(false)
  })
})
