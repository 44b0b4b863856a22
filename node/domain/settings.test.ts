import { retentionDays, parseSettings } from './settings'

const market = {
  id: 'amazon',
  name: 'Amazon',
  baseUrl: 'https://amazon.example/api/',
  token: 's3cret',
  inventory: false,
}

describe('app settings', () => {
  it('reads marketplaces with defaults', () => {
    expect(parseSettings({ marketplaces: [market] })).toEqual({
      maxRetries: 10,
      retention: { successDays: 30, errorDays: 90 },
      marketplaces: [
        {
          id: 'amazon',
          name: 'Amazon',
          connector: 'http-json',
          baseUrl: 'https://amazon.example/api',
          token: 's3cret',
          tabs: { PRODUCTS: true, INVENTORY: false, TRACKING: true },
        },
      ],
    })
  })

  it('accepts no settings at all', () => {
    expect(parseSettings(undefined)).toEqual({
      marketplaces: [],
      maxRetries: 10,
      retention: { successDays: 30, errorDays: 90 },
    })
  })

  it.each([
    [{ marketplaces: [{ ...market, id: 'Amazon!' }] }, /Invalid marketplace/],
    [
      { marketplaces: [{ ...market, baseUrl: 'ftp://x' }] },
      /must be http or https/,
    ],
    [{ marketplaces: [{ ...market, baseUrl: 'not a url' }] }, /is not a URL/],
    [
      { marketplaces: [{ ...market, connector: 'soap' }] },
      /connector "soap" is unknown/,
    ],
    [{ marketplaces: [market, market] }, /configured twice/],
    [
      { marketplaces: [market], maxRetries: 0 },
      /maxRetries must be a whole number from 1 to 20/,
    ],
    [{ marketplaces: 'amazon' }, /must be a list/],
  ])('refuses %j', (raw, message) => {
    expect(() => parseSettings(raw)).toThrow(message)
  })
})

describe('retention settings', () => {
  it('defaults to 30 days for successes and 90 for errors', () => {
    const s = parseSettings({})

    expect(s.retention).toEqual({ successDays: 30, errorDays: 90 })
    expect(retentionDays(s, 'QUEUED')).toBe(90)
  })

  it('refuses nonsense', () => {
    expect(() => parseSettings({ successRetentionDays: 0 })).toThrow(
      /successRetentionDays/
    )
    expect(() => parseSettings({ errorRetentionDays: 2.5 })).toThrow(
      /errorRetentionDays/
    )
    expect(
      parseSettings({ successRetentionDays: '7' }).retention.successDays
    ).toBe(7)
  })
})
