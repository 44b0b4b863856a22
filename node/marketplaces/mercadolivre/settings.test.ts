import { mercadoLivreSettings as section } from './settings'

const raw = {
  clientId: '5551234567890123',
  clientSecret: 'secret',
  siteId: 'MLB',
  redirectUri:
    'https://loja.myvtex.com/_v/marketplace-bridge/oauth/mercadolivre',
  sellerId: '123456789',
  categories: [
    {
      vtexCategoryId: '10',
      mlCategoryId: 'mlb1276',
      listingTypeId: 'gold_pro',
    },
    { vtexCategoryId: '11', mlCategoryId: 'MLB1648' },
  ],
  sendPrices: false,
  trackingServiceId: '11',
  courierServices: [{ courier: 'Correios', serviceId: 1 }],
}

describe('Mercado Livre settings', () => {
  it('parses a valid section with defaults', () => {
    expect(section.parse(raw, 'marketplaces.2')).toEqual({
      config: {
        clientId: '5551234567890123',
        clientSecret: 'secret',
        siteId: 'MLB',
        redirectUri:
          'https://loja.myvtex.com/_v/marketplace-bridge/oauth/mercadolivre',
        sellerId: '123456789',
        categories: [
          {
            vtexCategoryId: '10',
            mlCategoryId: 'MLB1276',
            listingTypeId: 'gold_pro',
          },
          {
            vtexCategoryId: '11',
            mlCategoryId: 'MLB1648',
            listingTypeId: 'gold_special',
          },
        ],
        sendPrices: false,
        condition: 'new',
        trackingServiceId: 11,
        courierServices: [{ courier: 'Correios', serviceId: 1 }],
      },
    })
  })

  it('reports every invalid field at once, under the caller’s path', () => {
    const result = section.parse(
      {
        clientId: 'abc',
        clientSecret: '',
        siteId: 'XXX',
        redirectUri: 'http://example.com/cb',
        sellerId: 'me',
        categories: [
          {
            vtexCategoryId: '10',
            mlCategoryId: 'MLA1276',
            listingTypeId: 'platinum',
          },
          { vtexCategoryId: '10', mlCategoryId: '' },
        ],
        sendPrices: 'yes',
        condition: 'refurbished',
        trackingServiceId: -1,
        courierServices: [{ courier: '', serviceId: 'x' }],
      },
      'marketplaces.0'
    )

    expect(result).toEqual({
      errors: [
        { field: 'marketplaces.0.clientId', code: 'INVALID_FORMAT' },
        { field: 'marketplaces.0.clientSecret', code: 'REQUIRED' },
        {
          field: 'marketplaces.0.siteId',
          code: 'NOT_ALLOWED',
          params: { allowed: 'MLB, MLA, MLM, MLC, MCO, MLU, MPE' },
        },
        { field: 'marketplaces.0.redirectUri', code: 'INVALID_FORMAT' },
        { field: 'marketplaces.0.sellerId', code: 'INVALID_FORMAT' },
        {
          field: 'marketplaces.0.categories.0.mlCategoryId',
          code: 'INVALID_FORMAT',
          params: { siteId: 'MLB' },
        },
        {
          field: 'marketplaces.0.categories.0.listingTypeId',
          code: 'NOT_ALLOWED',
          params: {
            allowed:
              'gold_pro, gold_premium, gold_special, gold, silver, bronze, free',
          },
        },
        {
          field: 'marketplaces.0.categories.1.vtexCategoryId',
          code: 'DUPLICATE',
        },
        { field: 'marketplaces.0.categories.1.mlCategoryId', code: 'REQUIRED' },
        { field: 'marketplaces.0.sendPrices', code: 'INVALID_FORMAT' },
        {
          field: 'marketplaces.0.condition',
          code: 'NOT_ALLOWED',
          params: { allowed: 'new, used, not_specified' },
        },
        { field: 'marketplaces.0.trackingServiceId', code: 'INVALID_FORMAT' },
        { field: 'marketplaces.0.courierServices.0.courier', code: 'REQUIRED' },
        {
          field: 'marketplaces.0.courierServices.0.serviceId',
          code: 'INVALID_FORMAT',
        },
      ],
    })
  })

  it('refuses lists that are not lists or too long', () => {
    const couriers = Array.from({ length: 51 }, (_, i) => ({
      courier: `C${i}`,
      serviceId: 1,
    }))

    expect(
      section.parse(
        { ...raw, categories: 'MLB1276', courierServices: couriers },
        ''
      )
    ).toEqual({
      errors: [
        { field: 'categories', code: 'INVALID_FORMAT' },
        { field: 'courierServices', code: 'TOO_MANY', params: { max: 50 } },
      ],
    })
  })

  it('accepts http only for localhost redirect URIs', () => {
    expect(
      'config' in
        section.parse({ ...raw, redirectUri: 'http://localhost:3000/cb' }, '')
    ).toBe(true)
  })

  it('presents everything but the secret, which is write-only', () => {
    const parsed = section.parse(raw, '')

    if (!('config' in parsed)) throw new Error('invalid')
    const shown = section.present(parsed.config)

    expect(shown).not.toHaveProperty('clientSecret')
    expect(shown).toMatchObject({
      clientId: '5551234567890123',
      clientSecretSet: true,
    })
    expect(JSON.stringify(shown)).not.toContain('secret"')
    expect(section.secrets).toEqual(['clientSecret'])
  })
})
