import { amazonSettings, parseAmazonSettings, productTypeFor } from './settings'

const valid = {
  region: 'na',
  sellerId: 'a1bridgeseller',
  marketplaceIds: 'A2Q3Y263D00KWC',
  lwaClientId: 'amzn1.application-oa2-client.bridgelocal0001',
  lwaClientSecret: 'secret-value',
  lwaRefreshToken: 'Atzr|local-bridge-seller-refresh-token',
  productTypes: [
    { categoryId: '12', productType: 'shoes' },
    { categoryId: 7, productType: 'HOME' },
  ],
}

describe('Amazon settings', () => {
  it('parses a complete section, normalising case and lists', () => {
    const r = parseAmazonSettings(valid, 'marketplaces.2')

    expect(r).toEqual({
      config: {
        region: 'NA',
        sellerId: 'A1BRIDGESELLER',
        marketplaceIds: ['A2Q3Y263D00KWC'],
        lwaClientId: 'amzn1.application-oa2-client.bridgelocal0001',
        lwaClientSecret: 'secret-value',
        lwaRefreshToken: 'Atzr|local-bridge-seller-refresh-token',
        productTypes: [
          { categoryId: '12', productType: 'SHOES' },
          { categoryId: '7', productType: 'HOME' },
        ],
      },
    })
  })

  it('accepts the product type mapping as an object too', () => {
    const r = parseAmazonSettings(
      { ...valid, productTypes: { '12': 'SHOES' } },
      ''
    )

    expect('config' in r && r.config.productTypes).toEqual([
      { categoryId: '12', productType: 'SHOES' },
    ])
  })

  it('reports every invalid field at once, under the given path', () => {
    const r = parseAmazonSettings(
      {
        region: 'latam',
        sellerId: 'not a seller',
        marketplaceIds: ['A2Q3Y263D00KWC', 'NOPE', 'A2Q3Y263D00KWC'],
        lwaClientId: 'client',
        lwaClientSecret: '',
        lwaRefreshToken: 'Atza|an-access-token-pasted-by-mistake',
        productTypes: [
          { categoryId: '12', productType: 'shoes' },
          { categoryId: '12', productType: 'bad type!' },
          { productType: '' },
        ],
      },
      'marketplaces.1'
    )

    expect('errors' in r && r.errors).toEqual([
      {
        field: 'marketplaces.1.region',
        code: 'UNKNOWN',
        params: { allowed: 'NA, EU, FE' },
      },
      { field: 'marketplaces.1.sellerId', code: 'INVALID_FORMAT' },
      {
        field: 'marketplaces.1.marketplaceIds.1',
        code: 'UNKNOWN',
        params: { value: 'NOPE' },
      },
      { field: 'marketplaces.1.marketplaceIds.2', code: 'DUPLICATE' },
      { field: 'marketplaces.1.lwaClientId', code: 'INVALID_FORMAT' },
      { field: 'marketplaces.1.lwaClientSecret', code: 'REQUIRED' },
      { field: 'marketplaces.1.lwaRefreshToken', code: 'INVALID_FORMAT' },
      { field: 'marketplaces.1.productTypes.1.categoryId', code: 'DUPLICATE' },
      {
        field: 'marketplaces.1.productTypes.1.productType',
        code: 'INVALID_FORMAT',
      },
      { field: 'marketplaces.1.productTypes.2.categoryId', code: 'REQUIRED' },
      { field: 'marketplaces.1.productTypes.2.productType', code: 'REQUIRED' },
    ])
  })

  it('requires every store in the region and in one currency', () => {
    const r = parseAmazonSettings(
      {
        ...valid,
        marketplaceIds: ['A2Q3Y263D00KWC', 'ATVPDKIKX0DER', 'A1PA6795UKMFR9'],
      },
      ''
    )

    expect('errors' in r && r.errors).toEqual([
      {
        field: 'marketplaceIds.1',
        code: 'NOT_ALLOWED',
        params: { currency: 'BRL' },
      },
      {
        field: 'marketplaceIds.2',
        code: 'NOT_ALLOWED',
        params: { region: 'NA' },
      },
    ])
  })

  it('requires what a connection needs', () => {
    const r = parseAmazonSettings({}, '')

    expect(
      'errors' in r && r.errors.map((e) => `${e.field}:${e.code}`)
    ).toEqual([
      'region:REQUIRED',
      'sellerId:REQUIRED',
      'marketplaceIds:REQUIRED',
      'lwaClientId:REQUIRED',
      'lwaClientSecret:REQUIRED',
      'lwaRefreshToken:REQUIRED',
    ])
  })

  it('presents no secret, only whether each is set, and names the write-only fields', () => {
    const r = parseAmazonSettings(valid, '')

    if (!('config' in r)) throw new Error('expected a config')
    const shown = amazonSettings.present(r.config)

    expect(JSON.stringify(shown)).not.toContain('secret-value')
    expect(JSON.stringify(shown)).not.toContain('Atzr|')
    expect(JSON.stringify(shown)).not.toContain('amzn1.application-oa2-client')
    expect(shown).toMatchObject({
      lwaClientIdSet: true,
      lwaClientSecretSet: true,
      lwaRefreshTokenSet: true,
      sellerId: 'A1BRIDGESELLER',
    })
    expect(amazonSettings.secrets).toEqual([
      'lwaClientId',
      'lwaClientSecret',
      'lwaRefreshToken',
    ])
  })

  it('finds the product type of a VTEX category', () => {
    const r = parseAmazonSettings(valid, '')

    if (!('config' in r)) throw new Error('expected a config')
    expect(productTypeFor(r.config, '12')).toBe('SHOES')
    expect(productTypeFor(r.config, '99')).toBeNull()
    expect(productTypeFor(r.config, null)).toBeNull()
  })
})
