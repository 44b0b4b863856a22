import { EXPIRY_MARGIN_MS, LwaError, lwaGrant, lwaTokenRequest } from './lwa'
import type { AmazonConfig } from './settings'

const config: AmazonConfig = {
  region: 'NA',
  sellerId: 'A1BRIDGESELLER',
  marketplaceIds: ['A2Q3Y263D00KWC'],
  lwaClientId: 'amzn1.application-oa2-client.bridgelocal0001',
  lwaClientSecret: 'secret',
  lwaRefreshToken: 'Atzr|refresh',
  productTypes: [],
}

const now = 1_700_000_000_000
const refusal = (status: number | null, body: unknown) => {
  try {
    lwaGrant({ status, headers: {}, body }, now)
  } catch (e) {
    return e as LwaError
  }

  throw new Error('expected a refusal')
}

describe('Login with Amazon', () => {
  it('asks for a token with the refresh-token grant, form-encoded', () => {
    expect(lwaTokenRequest(config)).toEqual({
      method: 'POST',
      url: 'https://api.amazon.com/auth/o2/token',
      form: true,
      body: {
        grant_type: 'refresh_token',
        refresh_token: 'Atzr|refresh',
        client_id: 'amzn1.application-oa2-client.bridgelocal0001',
        client_secret: 'secret',
      },
    })
  })

  it('keeps the token until shortly before it expires, and no refresh token', () => {
    expect(
      lwaGrant(
        {
          status: 200,
          headers: {},
          body: {
            access_token: 'Atza|x',
            expires_in: 3600,
            token_type: 'bearer',
            refresh_token: 'Atzr|refresh',
          },
        },
        now
      )
    ).toEqual({
      accessToken: 'Atza|x',
      expiresAt: now + 3_600_000 - EXPIRY_MARGIN_MS,
      refreshToken: null,
    })
  })

  it('refused credentials are a permanent error in Amazon words', () => {
    const e = refusal(400, {
      error: 'invalid_grant',
      error_description:
        'The request has an invalid grant parameter : refresh_token',
    })

    expect(e).toBeInstanceOf(LwaError)
    expect([e.reason, e.transient, e.message]).toEqual([
      'AMAZON_AUTH_REFUSED',
      false,
      'invalid_grant: The request has an invalid grant parameter : refresh_token',
    ])
    expect(refusal(401, null).message).toBe(
      'Login with Amazon refused the credentials (HTTP 401)'
    )
  })

  it('an outage or a malformed answer is transient', () => {
    for (const [s, body] of [
      [503, null],
      [null, null],
      [429, {}],
      [200, { access_token: '' }],
      [200, 'text'],
    ] as const) {
      const e = refusal(s, body)

      expect([e.reason, e.transient]).toEqual(['AMAZON_AUTH_UNAVAILABLE', true])
    }
  })
})
