import { inputOf, toForm, toInput } from './settingsForm'

const saved = {
  marketplaces: [
    {
      id: 'amazon',
      name: 'Amazon',
      kind: 'custom',
      config: JSON.stringify({ baseUrl: 'https://a.example', hasToken: true }),
      affiliateId: null,
      salesChannel: null,
      products: true,
      inventory: false,
      tracking: true,
    },
  ],
  maxRetries: 10,
  successRetentionDays: 30,
  errorRetentionDays: 90,
  carrierBaseUrl: null,
  hasCarrierToken: false,
  carrierRefreshHours: 6,
  carrierRefreshDays: 12.5,
  hasPartnerToken: true,
  vtexTracking: {
    enabled: false,
    username: null,
    hasToken: false,
    onlyWithInvoiceFile: false,
    statusUpdates: true,
    validatedAt: null,
  },
}

describe('settings form', () => {
  it('sends what is typed, secrets only when typed', () => {
    const form = toForm(saved)

    form.maxRetries = '-3'
    form.marketplaces[0].name = ' Amazon BR '
    const input = toInput(form)

    expect(input).toMatchObject({
      maxRetries: -3,
      carrierBaseUrl: null,
      partnerToken: null,
      marketplaces: [{ id: 'amazon', name: 'Amazon BR', kind: 'custom' }],
    })
    // The custom kind's config: the saved base URL, no token unless typed.
    expect(JSON.parse(input.marketplaces![0].config!)).toEqual({
      baseUrl: 'https://a.example',
      token: null,
    })
    expect(form.marketplaces[0].hasToken).toBe(true)
  })

  it('puts each API field error on its input', () => {
    expect(inputOf('carrier.everyHours')).toBe('carrierRefreshHours')
    expect(inputOf('retention.errorDays')).toBe('errorRetentionDays')
    expect(inputOf('marketplaces.1.name')).toBe('marketplaces.1.name')
    expect(inputOf('maxRetries')).toBe('maxRetries')
  })

  it("keeps another kind's config as saved (no `…Set` flags back); its secret only when typed", () => {
    const ml = {
      ...saved.marketplaces[0],
      id: 'meli',
      kind: 'mercadolivre',
      config: JSON.stringify({
        clientId: '5551234567890123',
        siteId: 'MLB',
        redirectUri:
          'https://acme.myvtex.com/_v/marketplace-bridge/oauth/mercadolivre',
        categories: [{ vtexCategoryId: '10', mlCategoryId: 'MLB1276' }],
        clientSecretSet: true,
      }),
    }

    const form = toForm({ ...saved, marketplaces: [ml] })
    const configOf = () =>
      JSON.parse(toInput(form).marketplaces![0].config!) as Record<
        string,
        unknown
      >

    expect(configOf()).toEqual({
      clientId: '5551234567890123',
      siteId: 'MLB',
      redirectUri:
        'https://acme.myvtex.com/_v/marketplace-bridge/oauth/mercadolivre',
      categories: [{ vtexCategoryId: '10', mlCategoryId: 'MLB1276' }],
    })
    form.marketplaces[0].secrets = { clientSecret: 'new-secret' }
    form.marketplaces[0].kindConfig = {
      ...form.marketplaces[0].kindConfig,
      siteId: 'MLA',
    }
    expect(configOf()).toMatchObject({
      clientSecret: 'new-secret',
      siteId: 'MLA',
    })
    expect(configOf()).not.toHaveProperty('baseUrl')
  })
})
