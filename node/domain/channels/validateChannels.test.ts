import { validateChannelSettings } from './validateChannels'

const account = {
  affiliates: [
    { id: 'MLB', name: 'Mercado Livre', salesChannel: '2' },
    { id: 'MZN', name: 'Amazon', salesChannel: '3' },
    { id: 'MGL', name: 'Magalu', salesChannel: '4' },
  ],
  salesChannels: [
    { Id: 1, Name: 'Loja', IsActive: true, CurrencyCode: 'BRL' },
    { Id: 2, Name: 'Mercado Livre', IsActive: true, CurrencyCode: 'BRL' },
    { Id: 3, Name: 'Amazon', IsActive: true, CurrencyCode: 'BRL' },
    { Id: 4, Name: 'Magalu', IsActive: true, CurrencyCode: 'BRL' },
    { Id: 5, Name: 'Antiga', IsActive: false, CurrencyCode: 'BRL' },
  ],
}

describe('validateChannelSettings', () => {
  it('accepts affiliates and trade policies the account has', () => {
    expect(
      validateChannelSettings(
        [
          { affiliateId: 'MLB', salesChannel: '2' },
          { affiliateId: 'mzn', salesChannel: 3 },
        ],
        account
      )
    ).toEqual([])
  })

  it('names every unknown affiliate and trade policy at once', () => {
    expect(
      validateChannelSettings(
        [
          { affiliateId: 'MLB', salesChannel: '2' },
          { affiliateId: 'XYZ', salesChannel: '9' },
          { affiliateId: '', salesChannel: null },
        ],
        account
      )
    ).toEqual([
      {
        field: 'marketplaces.1.affiliateId',
        code: 'UNKNOWN',
        params: { value: 'XYZ' },
      },
      {
        field: 'marketplaces.1.salesChannel',
        code: 'UNKNOWN',
        params: { value: '9' },
      },
      { field: 'marketplaces.2.affiliateId', code: 'REQUIRED' },
      { field: 'marketplaces.2.salesChannel', code: 'REQUIRED' },
    ])
  })

  it('refuses one affiliate for two marketplaces, an inactive policy and a policy not the affiliate’s', () => {
    expect(
      validateChannelSettings(
        [
          { affiliateId: 'MLB', salesChannel: '2' },
          { affiliateId: 'MLB', salesChannel: '5' },
          { affiliateId: 'MGL', salesChannel: '3' },
        ],
        account
      )
    ).toEqual([
      {
        field: 'marketplaces.1.affiliateId',
        code: 'DUPLICATE',
        params: { value: 'MLB', index: 0 },
      },
      {
        field: 'marketplaces.1.salesChannel',
        code: 'NOT_ALLOWED',
        params: { value: '5', reason: 'INACTIVE' },
      },
      {
        field: 'marketplaces.2.salesChannel',
        code: 'NOT_ALLOWED',
        params: {
          value: '3',
          reason: 'AFFILIATE_SALES_CHANNEL',
          expected: '4',
        },
      },
    ])
  })
})
