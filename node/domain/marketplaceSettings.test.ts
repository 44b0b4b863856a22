import { DomainError } from './errors'
import { isLegacy, migrateMarketplace } from './marketplaceSettings'
import { parseSettings } from './settings'
import {
  mergeSettingsInput,
  settingsInputOf,
  settingsView,
} from './settingsView'

const legacy = {
  id: 'acme',
  name: 'Acme',
  connector: 'http-json',
  baseUrl: 'https://acme.example/api',
  token: 'acme-secret',
  products: true,
  inventory: false,
  tracking: true,
}

const fieldsOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    if (e instanceof DomainError) return e.fields.map((f) => f.field)
    throw e
  }

  throw new Error('expected a refusal')
}

describe('marketplace settings saved before kinds', () => {
  it('read as kind custom with the connector fields as its config', () => {
    expect(isLegacy(legacy)).toBe(true)
    expect(migrateMarketplace(legacy)).toEqual({
      id: 'acme',
      name: 'Acme',
      kind: 'custom',
      config: { baseUrl: 'https://acme.example/api', token: 'acme-secret' },
      products: true,
      inventory: false,
      tracking: true,
    })
  })

  it('a saved marketplace with no connector at all is the custom connector too', () => {
    const { connector, ...noConnector } = legacy

    expect(connector).toBe('http-json')
    expect(migrateMarketplace(noConnector)).toMatchObject({ kind: 'custom' })
  })

  it('leaves the current shape as it is', () => {
    const current = {
      id: 'acme',
      name: 'Acme',
      kind: 'custom',
      config: { baseUrl: 'https://acme.example/api', token: null },
    }

    expect(isLegacy(current)).toBe(false)
    expect(migrateMarketplace(current)).toBe(current)
  })

  it('parses both shapes to the same marketplace', () => {
    const {
      marketplaces: [fromLegacy],
    } = parseSettings({ marketplaces: [legacy] })

    const {
      marketplaces: [fromCurrent],
    } = parseSettings({
      marketplaces: [migrateMarketplace(legacy)],
    })

    expect(fromLegacy).toEqual(fromCurrent)
    expect(fromLegacy).toEqual({
      id: 'acme',
      name: 'Acme',
      kind: 'custom',
      config: { baseUrl: 'https://acme.example/api', token: 'acme-secret' },
      affiliateId: null,
      salesChannel: null,
      tabs: { PRODUCTS: true, INVENTORY: false, TRACKING: true },
    })
  })

  it('refuses a connector or a kind this version does not know, naming the field', () => {
    expect(
      fieldsOf(() =>
        parseSettings(
          { marketplaces: [{ ...legacy, connector: 'soap' }] },
          true
        )
      )
    ).toEqual(['marketplaces.0.connector'])
    expect(
      fieldsOf(() =>
        parseSettings(
          { marketplaces: [{ ...migrateMarketplace(legacy), kind: 'ftp' }] },
          true
        )
      )
    ).toEqual(['marketplaces.0.kind'])
  })

  it("validates the kind's config with the page's paths (marketplaces.{i}.baseUrl)", () => {
    expect(
      fieldsOf(() =>
        parseSettings(
          {
            marketplaces: [
              { id: 'acme', kind: 'custom', config: { baseUrl: 'ftp://x' } },
            ],
          },
          true
        )
      )
    ).toEqual(['marketplaces.0.baseUrl'])
  })
})

describe('saving a marketplace', () => {
  const stored = { marketplaces: [legacy] }

  it('keeps the saved token when the page sends the new shape without it, clears it with ""', () => {
    const kept = mergeSettingsInput(stored, {
      marketplaces: [
        {
          id: 'acme',
          name: 'Acme',
          kind: 'custom',
          config: { baseUrl: 'https://b.example' },
        },
      ],
    })

    expect((kept.marketplaces as any[])[0].config).toEqual({
      baseUrl: 'https://b.example',
      token: 'acme-secret',
    })

    const cleared = mergeSettingsInput(stored, {
      marketplaces: [
        {
          id: 'acme',
          name: 'Acme',
          kind: 'custom',
          config: { baseUrl: 'https://b.example', token: '' },
        },
      ],
    })

    expect((cleared.marketplaces as any[])[0].config.token).toBe('')
  })

  it('keeps the saved token for a page loaded before kinds (top-level fields)', () => {
    const merged = mergeSettingsInput(stored, {
      marketplaces: [
        { id: 'acme', name: 'Acme 2', baseUrl: 'https://b.example' },
      ],
    })

    expect(parseSettings(merged).marketplaces[0].config).toEqual({
      baseUrl: 'https://b.example',
      token: 'acme-secret',
    })
  })

  it("reads the GraphQL input's config as JSON and refuses text that is not an object", () => {
    expect(
      settingsInputOf({
        marketplaces: [
          { id: 'acme', config: '{"baseUrl":"https://b.example"}' },
        ],
      })
    ).toEqual({
      marketplaces: [{ id: 'acme', config: { baseUrl: 'https://b.example' } }],
    })
    expect(
      fieldsOf(() =>
        settingsInputOf({ marketplaces: [{ id: 'acme', config: '[1]' }] })
      )
    ).toEqual(['marketplaces.0.config'])
  })

  it('shows the kind, its config without secrets, and the fields pages before kinds read', () => {
    const [shown] = settingsView(parseSettings(stored)).marketplaces

    expect(shown).toMatchObject({
      kind: 'custom',
      baseUrl: 'https://acme.example/api',
      hasToken: true,
      affiliateId: null,
    })
    expect(JSON.parse(shown.config)).toEqual({
      baseUrl: 'https://acme.example/api',
      hasToken: true,
    })
    expect(JSON.stringify(shown)).not.toMatch(/acme-secret/)
  })
})
