'use strict'

/**
 * Mercado Livre's OAuth 2 server as documented: the authorization page
 * (`https://auth.mercadolivre.com.br/authorization?response_type=code&client_id&redirect_uri&state`,
 * here approved at once by the seeded seller: a 302 back to the redirect URI
 * with `code` and `state`) and `POST https://api.mercadolibre.com/oauth/token`
 * (form-encoded) for `authorization_code` and `refresh_token`. Codes are
 * single-use and last 10 minutes; access tokens last 6 hours
 * (`expires_in: 21600`); every refresh rotates the refresh token and the old
 * one is refused afterwards with `invalid_grant`, as ML does.
 */
const crypto = require('crypto')

const { mlError } = require('./http')

const ACCESS_TTL_S = 21600
const CODE_TTL_MS = 10 * 60_000

const random = (bytes) => crypto.randomBytes(bytes).toString('hex')

const invalidGrant = () =>
  mlError(
    400,
    'Error validating grant. Your authorization code or refresh token may be expired or it was already used',
    'invalid_grant'
  )

class OAuthServer {
  constructor({ app, clock, sellerId }) {
    this.app = app
    this.clock = clock
    this.sellerId = sellerId
    this.codes = new Map() // code -> { userId, redirectUri, expiresAt, used, challenge }
    this.access = new Map() // token -> { userId, expiresAt, revoked }
    this.refresh = new Map() // token -> { userId, used, revoked }
    this.refreshCalls = 0
    this.revocations = 0
    this.denyNext = false
  }

  /** GET auth.mercadolivre.com.br/authorization: the seller approves; back to the app. */
  authorize(query) {
    const clientId = query.get('client_id')
    const redirectUri = query.get('redirect_uri')
    const state = query.get('state')

    if (query.get('response_type') !== 'code')
      return {
        status: 400,
        body: mlError(400, 'Invalid response_type', 'invalid_request'),
      }
    if (clientId !== this.app.clientId)
      return {
        status: 400,
        body: mlError(400, 'Invalid client_id', 'invalid_client'),
      }
    if (!this.app.redirectUris.includes(redirectUri))
      return {
        status: 400,
        body: mlError(
          400,
          'The redirect_uri does not match the one registered for the application',
          'invalid_request'
        ),
      }

    const back = new URL(redirectUri)

    if (this.denyNext) {
      this.denyNext = false
      back.searchParams.set('error', 'access_denied')
      back.searchParams.set(
        'error_description',
        'The user denied the authorization'
      )
    } else {
      const code = `TG-${random(12)}-${this.sellerId}`

      this.codes.set(code, {
        userId: this.sellerId,
        redirectUri,
        expiresAt: this.clock.now() + CODE_TTL_MS,
        used: false,
        challenge: query.get('code_challenge'),
      })
      back.searchParams.set('code', code)
    }

    if (state != null) back.searchParams.set('state', state)

    return { status: 302, headers: { Location: back.toString() } }
  }

  /** POST /oauth/token. */
  token(req, parsed) {
    if (!parsed.form)
      return mlError(
        400,
        'The content-type must be application/x-www-form-urlencoded',
        'invalid_request'
      )
    const p = parsed.form
    const need = (names) => names.filter((n) => !p[n])
    const grantType = p.grant_type

    if (!['authorization_code', 'refresh_token'].includes(grantType))
      return mlError(400, 'Unsupported grant_type', 'unsupported_grant_type')
    const missing = need(
      grantType === 'authorization_code'
        ? ['client_id', 'client_secret', 'code', 'redirect_uri']
        : ['client_id', 'client_secret', 'refresh_token']
    )

    if (missing.length)
      return mlError(
        400,
        `Missing required parameters: ${missing.join(', ')}`,
        'invalid_request'
      )
    if (
      p.client_id !== this.app.clientId ||
      p.client_secret !== this.app.clientSecret
    )
      return mlError(
        400,
        'invalid client_id or client_secret',
        'invalid_client'
      )

    return grantType === 'authorization_code'
      ? this.exchangeCode(p)
      : this.refreshGrant(p.refresh_token)
  }

  exchangeCode(p) {
    const c = this.codes.get(p.code)

    if (!c || c.used || c.expiresAt < this.clock.now()) return invalidGrant()
    c.used = true
    if (c.redirectUri !== p.redirect_uri) return invalidGrant()
    if (c.challenge) {
      const digest = crypto
        .createHash('sha256')
        .update(p.code_verifier || '')
        .digest('base64url')

      if (digest !== c.challenge) return invalidGrant()
    }

    return this.issue(c.userId)
  }

  refreshGrant(token) {
    this.refreshCalls++
    const r = this.refresh.get(token)

    if (!r || r.used || r.revoked) return invalidGrant()
    r.used = true

    return this.issue(r.userId)
  }

  issue(userId) {
    const now = new Date(this.clock.now())
    const stamp = [now.getUTCMonth() + 1, now.getUTCDate(), now.getUTCHours()]
      .map((n) => String(n).padStart(2, '0'))
      .join('')

    const accessToken = `APP_USR-${this.app.clientId}-${stamp}-${random(
      16
    )}-${userId}`

    const refreshToken = `TG-${random(12)}-${userId}`

    this.access.set(accessToken, {
      userId,
      expiresAt: this.clock.now() + ACCESS_TTL_S * 1000,
      revoked: false,
    })
    this.refresh.set(refreshToken, { userId, used: false, revoked: false })

    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ACCESS_TTL_S,
      scope: 'offline_access read write',
      user_id: userId,
      refresh_token: refreshToken,
    }
  }

  /** The user id a bearer token stands for, or null (missing, unknown, expired, revoked). */
  userFor(authorization) {
    const m = /^Bearer (\S+)$/.exec(authorization || '')
    const a = m && this.access.get(m[1])

    if (!a || a.revoked || a.expiresAt <= this.clock.now()) return null

    return a.userId
  }

  /** Console: every access token expires now (the refresh tokens stay good). */
  expire() {
    for (const a of this.access.values()) a.expiresAt = this.clock.now()
  }

  /**
   * DELETE /users/{user_id}/applications/{app_id} (Application manager,
   * "Revoke user authorization"), with the seller's own token: every token
   * of that seller for this application is refused from then on.
   */
  revokeApplication(userId, appId, caller) {
    if (String(userId) !== String(caller))
      return [
        403,
        mlError(403, 'The user does not match the access token', 'forbidden'),
      ]
    if (String(appId) !== String(this.app.clientId))
      return [
        404,
        mlError(404, `Application ${appId} not found for user`, 'not_found'),
      ]
    for (const m of [this.access, this.refresh])
      for (const t of m.values())
        if (String(t.userId) === String(userId)) t.revoked = true
    this.revocations++

    return [200, { user_id: Number(userId), app_id: Number(appId) }]
  }

  /** Console: the seller revoked the application (every token refused). */
  revoke() {
    for (const a of this.access.values()) a.revoked = true
    for (const r of this.refresh.values()) r.revoked = true
  }

  summary() {
    const now = this.clock.now()
    const live = [...this.access.values()].filter(
      (a) => !a.revoked && a.expiresAt > now
    ).length

    return {
      liveAccessTokens: live,
      usableRefreshTokens: [...this.refresh.values()].filter(
        (r) => !r.used && !r.revoked
      ).length,
      refreshCalls: this.refreshCalls,
      revocations: this.revocations,
    }
  }
}

module.exports = { OAuthServer, ACCESS_TTL_S }
