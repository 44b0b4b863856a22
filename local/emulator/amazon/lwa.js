'use strict'

/**
 * Login with Amazon as SP-API apps use it: POST https://api.amazon.com/auth/o2/token
 * (application/x-www-form-urlencoded, grant_type=refresh_token, refresh_token,
 * client_id, client_secret) → { access_token, refresh_token, token_type,
 * expires_in: 3600 }. A refresh token stands for one seller's authorization
 * of one app; the access tokens it yields are checked on every SP-API call.
 */
const crypto = require('crypto')

const TTL_S = 3600

class LoginWithAmazon {
  constructor(clock) {
    this.clock = clock
    this.clients = new Map() // clientId -> secret
    this.grants = new Map() // refreshToken -> { clientId, sellerId }
    this.tokens = new Map() // accessToken -> { clientId, sellerId, expiresAt }
    this.issued = 0
    this.refused = 0
  }

  addClient(clientId, secret) {
    this.clients.set(clientId, secret)
  }

  authorize(refreshToken, clientId, sellerId) {
    this.grants.set(refreshToken, { clientId, sellerId })
  }

  /** The token endpoint: `form` is the parsed form body. */
  token(form, contentType) {
    const fail = (status, error, description) => {
      this.refused++

      return { status, body: { error, error_description: description } }
    }

    if (!/^application\/x-www-form-urlencoded\b/.test(contentType || ''))
      return fail(
        400,
        'invalid_request',
        'Content-Type must be application/x-www-form-urlencoded'
      )
    const grantType = form.get('grant_type')
    const clientId = form.get('client_id')
    const secret = form.get('client_secret')
    const refreshToken = form.get('refresh_token')

    if (grantType !== 'refresh_token')
      return fail(
        400,
        'unsupported_grant_type',
        `Unsupported grant type ${grantType}`
      )
    if (!clientId || !secret || !refreshToken)
      return fail(
        400,
        'invalid_request',
        'The request is missing a required parameter'
      )
    if (this.clients.get(clientId) !== secret)
      return fail(401, 'invalid_client', 'Client authentication failed')
    const grant = this.grants.get(refreshToken)

    if (!grant || grant.clientId !== clientId)
      return fail(
        400,
        'invalid_grant',
        'The request has an invalid grant parameter : refresh_token'
      )
    const accessToken = `Atza|local-${++this.issued}-${crypto
      .randomBytes(6)
      .toString('hex')}`

    this.tokens.set(accessToken, {
      ...grant,
      expiresAt: this.clock.now() + TTL_S * 1000,
    })

    return {
      status: 200,
      body: {
        access_token: accessToken,
        refresh_token: refreshToken,
        token_type: 'bearer',
        expires_in: TTL_S,
      },
    }
  }

  /** The seller an access token acts for, or why it is refused. */
  check(accessToken) {
    if (!accessToken) return { error: 'missing' }
    const t = this.tokens.get(accessToken)

    if (!t) return { error: 'invalid' }
    if (t.expiresAt <= this.clock.now()) return { error: 'expired' }

    return { sellerId: t.sellerId, clientId: t.clientId }
  }

  /** Every access token expires now (the console's "expire the token"). */
  expireAll() {
    const now = this.clock.now()

    for (const t of this.tokens.values())
      t.expiresAt = Math.min(t.expiresAt, now)
  }
}

module.exports = { LoginWithAmazon, TTL_S }
