import {
  mergeSettingsInput,
  parseSettings,
  retentionDays,
  settingsView,
} from './settings'

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
      carrier: { baseUrl: null, token: null, everyHours: 6, forDays: 12.5 },
      partnerToken: null,
      vtexTracking: {
        enabled: false,
        username: null,
        token: null,
        onlyWithInvoiceFile: false,
        statusUpdates: true,
        validatedAt: null,
      },
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
      carrier: { baseUrl: null, token: null, everyHours: 6, forDays: 12.5 },
      partnerToken: null,
      vtexTracking: {
        enabled: false,
        username: null,
        token: null,
        onlyWithInvoiceFile: false,
        statusUpdates: true,
        validatedAt: null,
      },
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

describe('carrier and partner settings', () => {
  it('reads the carrier connector and its schedule', () => {
    const s = parseSettings({
      carrierBaseUrl: 'https://carrier.example/api/',
      carrierToken: 'k',
      carrierRefreshHours: 3,
      carrierRefreshDays: '10',
      partnerToken: 'p'.repeat(20),
    })

    expect(s.carrier).toEqual({
      baseUrl: 'https://carrier.example/api',
      token: 'k',
      everyHours: 3,
      forDays: 10,
    })
    expect(s.partnerToken).toBe('p'.repeat(20))
  })

  it('refuses bad values', () => {
    expect(() => parseSettings({ carrierBaseUrl: 'ftp://x' })).toThrow(
      /carrierBaseUrl/
    )
    expect(() => parseSettings({ carrierRefreshHours: 0 })).toThrow(
      /carrierRefreshHours/
    )
    expect(() => parseSettings({ partnerToken: 'short' })).toThrow(
      /partnerToken/
    )
  })
})

describe('settings page input', () => {
  const stored = {
    carrierToken: 'carrier-secret',
    partnerToken: 'p'.repeat(20),
    marketplaces: [
      {
        id: 'amazon',
        name: 'Amazon',
        baseUrl: 'https://a.example',
        token: 'mkt-secret',
      },
    ],
  }

  it('keeps secrets that are not sent again, clears them with an empty string', () => {
    const merged = mergeSettingsInput(stored, {
      carrierToken: null,
      partnerToken: '',
      carrierRefreshHours: 4,
      marketplaces: [
        { id: 'amazon', name: 'Amazon BR', baseUrl: 'https://a.example' },
      ],
    })

    expect(merged).toMatchObject({
      carrierToken: 'carrier-secret',
      partnerToken: '',
      carrierRefreshHours: 4,
    })
    expect((merged.marketplaces as any[])[0]).toMatchObject({
      name: 'Amazon BR',
      token: 'mkt-secret',
    })
  })

  it('shows no secret, only whether it is set', () => {
    const view = settingsView(parseSettings(stored))

    expect(JSON.stringify(view)).not.toMatch(/secret|pppp/)
    expect(view).toMatchObject({ hasCarrierToken: true, hasPartnerToken: true })
    expect(view.marketplaces[0].hasToken).toBe(true)
  })

  it('VTEX Tracking needs a username and a token when on', () => {
    expect(() =>
      parseSettings({
        vtexTrackingEnabled: true,
        vtexTrackingUsername: 'store',
      })
    ).toThrow(/username and token/)
  })
})
