import { parseSettings } from './settings'

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
