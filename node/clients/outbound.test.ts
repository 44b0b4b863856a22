import { throughIoProxy } from './outbound'

describe('throughIoProxy', () => {
  it('sends an https URL as http with X-Vtex-Use-Https', () => {
    expect(throughIoProxy('https://api.partner.com/bridge/x?y=1')).toEqual({
      url: 'http://api.partner.com/bridge/x?y=1',
      headers: { 'X-Vtex-Use-Https': 'true' },
    })
  })

  it('leaves an http URL as it is, with no header', () => {
    expect(throughIoProxy('http://carrier.sandbox.local/api/t/1')).toEqual({
      url: 'http://carrier.sandbox.local/api/t/1',
      headers: {},
    })
  })

  it('recognises the scheme whatever its case', () => {
    expect(throughIoProxy('HTTPS://Api.Example.com/a').url).toBe(
      'http://Api.Example.com/a'
    )
  })
})
