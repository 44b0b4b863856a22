import { isDomainError } from './errors'
import { parseSettings, retentionDays } from './settings'
import {
  mergeSettingsInput,
  rebaseSettings,
  settingsView,
} from './settingsView'

/** The error's reason and fields, or the settings when they parse. */
function refusal(raw: unknown, saving = false) {
  try {
    return parseSettings(raw, saving)
  } catch (e) {
    if (!isDomainError(e)) throw e

    return { reason: e.reason, fields: e.fields }
  }
}

const market = {
  id: 'amazon',
  name: 'Amazon',
  baseUrl: 'https://amazon.example/api/',
  token: 's3cret',
  inventory: false,
}

describe('app settings', () => {
  it('reads marketplaces with defaults (saved before kinds: read as kind custom)', () => {
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
          kind: 'custom',
          config: { baseUrl: 'https://amazon.example/api', token: 's3cret' },
          // Saved before channels: none (no order traffic, every SKU as before).
          affiliateId: null,
          salesChannel: null,
          priceTable: null,
          currency: null,
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
    [
      { marketplaces: [{ ...market, id: 'Amazon!' }] },
      'marketplaces.0.id',
      'INVALID_FORMAT',
    ],
    [
      { marketplaces: [{ ...market, baseUrl: 'ftp://x' }] },
      'marketplaces.0.baseUrl',
      'INVALID_FORMAT',
    ],
    [
      { marketplaces: [{ ...market, baseUrl: 'not a url' }] },
      'marketplaces.0.baseUrl',
      'INVALID_FORMAT',
    ],
    [
      { marketplaces: [{ ...market, connector: 'soap' }] },
      'marketplaces.0.connector',
      'UNKNOWN',
    ],
    [{ marketplaces: [market, market] }, 'marketplaces.1.id', 'DUPLICATE'],
    [{ marketplaces: [market], maxRetries: 0 }, 'maxRetries', 'OUT_OF_RANGE'],
    [{ marketplaces: 'amazon' }, 'marketplaces', 'INVALID_FORMAT'],
  ])('refuses %j', (raw, field, code) => {
    expect(refusal(raw)).toEqual({
      reason: 'INVALID_SETTINGS',
      fields: [expect.objectContaining({ field, code })],
    })
  })

  it('names every invalid field at once, with its bounds', () => {
    expect(
      refusal({
        maxRetries: -3,
        successRetentionDays: 2.5,
        carrierBaseUrl: 'x',
        marketplaces: [market, { ...market, id: '', baseUrl: '' }],
      })
    ).toEqual({
      reason: 'INVALID_SETTINGS',
      fields: [
        {
          field: 'maxRetries',
          code: 'OUT_OF_RANGE',
          params: { min: 1, max: 20 },
        },
        {
          field: 'retention.successDays',
          code: 'OUT_OF_RANGE',
          params: { min: 1, max: 3650 },
        },
        { field: 'carrier.baseUrl', code: 'INVALID_FORMAT' },
        { field: 'marketplaces.1.id', code: 'REQUIRED' },
        { field: 'marketplaces.1.baseUrl', code: 'REQUIRED' },
      ],
    })
  })

  it('bounds every list and text on save (settings saved before still load)', () => {
    const many = Array.from({ length: 21 }, (_, i) => ({
      ...market,
      id: `m${i}`,
    }))

    const long = {
      ...market,
      name: 'n'.repeat(300_000),
      token: 't'.repeat(5000),
    }

    expect(refusal({ marketplaces: many }, true)).toMatchObject({
      fields: [
        { field: 'marketplaces', code: 'TOO_MANY', params: { max: 20 } },
      ],
    })
    expect(refusal({ marketplaces: [long] }, true)).toMatchObject({
      fields: [
        { field: 'marketplaces.0.name', code: 'TOO_LONG', params: { max: 60 } },
        {
          field: 'marketplaces.0.token',
          code: 'TOO_LONG',
          params: { max: 4096 },
        },
      ],
    })
    expect(parseSettings({ marketplaces: many }).marketplaces).toHaveLength(21)
    expect(
      parseSettings({ marketplaces: [long] }).marketplaces[0].name
    ).toHaveLength(300_000)
  })
})

describe('retention settings', () => {
  it('defaults to 30 days for successes and 90 for errors', () => {
    const s = parseSettings({})

    expect(s.retention).toEqual({ successDays: 30, errorDays: 90 })
    expect(retentionDays(s, 'QUEUED')).toBe(90)
  })

  it('keeps alerts as long as errors and never expires a pending log (its follow-ups end it)', () => {
    const s = parseSettings({ successRetentionDays: 7, errorRetentionDays: 60 })

    expect(retentionDays(s, 'SUCCESS')).toBe(7)
    expect(retentionDays(s, 'ERROR')).toBe(60)
    expect(retentionDays(s, 'ALERT')).toBe(60)
    expect(retentionDays(s, 'PENDING')).toBeNull()
  })

  it('refuses nonsense', () => {
    expect(refusal({ successRetentionDays: 0 })).toMatchObject({
      fields: [{ field: 'retention.successDays', code: 'OUT_OF_RANGE' }],
    })
    expect(refusal({ errorRetentionDays: 2.5 })).toMatchObject({
      fields: [{ field: 'retention.errorDays', code: 'OUT_OF_RANGE' }],
    })
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
    expect(refusal({ carrierBaseUrl: 'ftp://x' })).toMatchObject({
      fields: [{ field: 'carrier.baseUrl', code: 'INVALID_FORMAT' }],
    })
    expect(refusal({ carrierRefreshHours: 0 })).toMatchObject({
      fields: [
        {
          field: 'carrier.everyHours',
          code: 'OUT_OF_RANGE',
          params: { min: 1, max: 48 },
        },
      ],
    })
    expect(refusal({ partnerToken: 'short' })).toMatchObject({
      fields: [
        { field: 'partnerToken', code: 'TOO_SHORT', params: { min: 16 } },
      ],
    })
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
    expect(
      refusal({ vtexTrackingEnabled: true, vtexTrackingUsername: 'store' })
    ).toEqual({
      reason: 'INVALID_SETTINGS',
      fields: [{ field: 'vtexTracking.token', code: 'REQUIRED' }],
    })
  })
})

describe('concurrent saves', () => {
  const base = { maxRetries: 10, carrierRefreshHours: 6, partnerToken: null }

  it('applies my changes over what another save wrote when they touch other fields', () => {
    const mine = { ...base, maxRetries: 5 }
    const latest = { ...base, carrierRefreshHours: 4 }

    expect(rebaseSettings(base, mine, latest)).toEqual({
      maxRetries: 5,
      carrierRefreshHours: 4,
      partnerToken: null,
    })
  })

  it('merges the same change made twice, refuses different values for one field', () => {
    expect(
      rebaseSettings(
        base,
        { ...base, maxRetries: 5 },
        { ...base, maxRetries: 5 }
      )
    ).toEqual({ ...base, maxRetries: 5 })
    let error: unknown

    try {
      rebaseSettings(
        base,
        { ...base, maxRetries: 5 },
        { ...base, maxRetries: 7 }
      )
    } catch (e) {
      error = e
    }

    expect(error).toMatchObject({
      code: 'CONFLICT',
      reason: 'SETTINGS_CONFLICT',
      fields: [{ field: 'maxRetries', code: 'NOT_ALLOWED' }],
    })
  })
})
