import { changedChannels, checkChannelSettings } from './settingsCheck'

const account = {
  affiliates: [
    { id: 'MLB', name: 'Mercado Livre', salesChannel: '2' },
    { id: 'MZN', name: 'Amazon', salesChannel: '3' },
  ],
  salesChannels: [
    { Id: 1, Name: 'Loja', IsActive: true, CurrencyCode: 'BRL' },
    { Id: 2, Name: 'Mercado Livre', IsActive: true, CurrencyCode: 'BRL' },
    { Id: 3, Name: 'Amazon', IsActive: true, CurrencyCode: 'USD' },
  ],
}

const ml = { id: 'mercadolivre', affiliateId: 'MLB', salesChannel: '2' }
const amazon = { id: 'amazon', affiliateId: 'MZN', salesChannel: '3' }

describe('checkChannelSettings', () => {
  it('checks nothing when no affiliate or trade policy changed (not even reading VTEX)', () => {
    expect(changedChannels([ml, amazon], [ml, { ...amazon }])).toEqual([])
    expect(checkChannelSettings([ml], [ml], null)).toEqual({
      ok: true,
      currencies: [null],
    })
  })

  it('refuses an unknown affiliate or trade policy, field by field', () => {
    const r = checkChannelSettings(
      [ml, amazon],
      [ml, { ...amazon, affiliateId: 'XYZ', salesChannel: '9' }],
      account
    )

    expect(r).toEqual({
      ok: false,
      errors: [
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
      ],
    })
  })

  it('accepts a marketplace whose channel is not set yet, and gives each chosen trade policy’s currency', () => {
    const r = checkChannelSettings(
      [],
      [ml, amazon, { id: 'outro', affiliateId: '', salesChannel: '' }],
      account
    )

    expect(r).toEqual({ ok: true, currencies: ['BRL', 'USD', null] })
  })

  it('refuses a changed channel it cannot check: VTEX did not let the admin read the lists', () => {
    expect(checkChannelSettings([], [ml], null)).toEqual({
      ok: false,
      errors: [
        {
          field: 'marketplaces.0.affiliateId',
          code: 'NOT_ALLOWED',
          params: { reason: 'CANNOT_READ_VTEX' },
        },
        {
          field: 'marketplaces.0.salesChannel',
          code: 'NOT_ALLOWED',
          params: { reason: 'CANNOT_READ_VTEX' },
        },
      ],
    })
  })
})
