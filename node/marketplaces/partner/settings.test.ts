import { parsePartnerSettings, partnerSettings } from './settings'

describe('partner connector settings', () => {
  it('parses the log endpoint and app key credentials, all statuses by default', () => {
    expect(
      parsePartnerSettings(
        {
          logBaseUrl: 'https://connector.example.com/vtex/',
          appKey: 'vtexappkey-x',
          appToken: 'token',
        },
        'marketplaces.3'
      )
    ).toEqual({
      config: {
        logBaseUrl: 'https://connector.example.com/vtex',
        auth: 'appKey',
        appKey: 'vtexappkey-x',
        appToken: 'token',
        bearerToken: null,
        statuses: ['Success', 'Error', 'Alert', 'Pending'],
        lookbackDays: 2,
      },
    })
  })

  it('takes a bearer token instead, and a subset of statuses in any case', () => {
    const r = parsePartnerSettings(
      {
        logBaseUrl: 'https://c.example.com',
        auth: 'bearer',
        bearerToken: 'b',
        statuses: ['error', 'ALERT', 'Error'],
        lookbackDays: '7',
      },
      ''
    )

    expect('config' in r && r.config).toMatchObject({
      auth: 'bearer',
      bearerToken: 'b',
      appKey: null,
      statuses: ['Error', 'Alert'],
      lookbackDays: 7,
    })
  })

  it('reports every invalid field at once', () => {
    expect(
      parsePartnerSettings(
        {
          logBaseUrl: 'http://connector.example.com',
          auth: 'basic',
          statuses: 'error,late',
          lookbackDays: 90,
        },
        'marketplaces.3'
      )
    ).toEqual({
      errors: [
        { field: 'marketplaces.3.logBaseUrl', code: 'NOT_ALLOWED' },
        { field: 'marketplaces.3.auth', code: 'UNKNOWN' },
        { field: 'marketplaces.3.statuses.1', code: 'UNKNOWN' },
        {
          field: 'marketplaces.3.lookbackDays',
          code: 'OUT_OF_RANGE',
          params: { min: 1, max: 30 },
        },
      ],
    })
    expect(parsePartnerSettings({ logBaseUrl: 'not a url' }, '')).toEqual({
      errors: [
        { field: 'logBaseUrl', code: 'INVALID_FORMAT' },
        { field: 'appKey', code: 'REQUIRED' },
        { field: 'appToken', code: 'REQUIRED' },
      ],
    })
    expect(
      parsePartnerSettings(
        { logBaseUrl: 'https://c.example.com', auth: 'bearer' },
        ''
      )
    ).toEqual({
      errors: [{ field: 'bearerToken', code: 'REQUIRED' }],
    })
  })

  it('allows plain http only for local hosts', () => {
    expect(
      'config' in
        parsePartnerSettings(
          {
            logBaseUrl: 'http://connector.partner.local',
            appKey: 'k',
            appToken: 't',
          },
          ''
        )
    ).toBe(true)
    expect(
      'errors' in
        parsePartnerSettings(
          {
            logBaseUrl: 'https://c.example.com/?x=1',
            appKey: 'k',
            appToken: 't',
          },
          ''
        )
    ).toBe(true)
  })

  it('presents no secret', () => {
    const r = parsePartnerSettings(
      {
        logBaseUrl: 'https://c.example.com',
        appKey: 'vtexappkey-x',
        appToken: 'very-secret',
      },
      ''
    )

    if (!('config' in r)) throw new Error('expected a config')
    const shown = partnerSettings.present(r.config)

    expect(JSON.stringify(shown)).not.toContain('very-secret')
    expect(shown).toMatchObject({
      appKey: 'vtexappkey-x',
      appTokenSet: true,
      bearerTokenSet: false,
    })
    expect(partnerSettings.secrets).toEqual(['appToken', 'bearerToken'])
  })
})
