import { invalidArgument } from '../../domain/errors'
import { tokenFailure } from '../../domain/grant'
import { retryAfterMs } from '../../domain/queue'
import type {
  HttpRequest,
  HttpResponse,
  StoredGrant,
  TokenFailureCode,
} from '../adapter'
import { businessMessage, errorCode, header, is2xx, isObject } from './answers'
import type { MercadoLivreConfig } from './config'
import { API, SITES } from './config'

/**
 * Mercado Livre's OAuth 2 authorization-code flow, as pure request builders
 * and answer readers (the caller sends them through its transport):
 * 1. the seller is sent to `authorizationUrl` (with a `state` the caller
 *    keeps) and comes back to the redirect URI with `code` and `state`;
 * 2. `codeExchangeRequest` trades the code for a grant at
 *    `POST https://api.mercadolibre.com/oauth/token` (form-encoded);
 * 3. the access token lasts 6 h (`expires_in` 21600); `refreshRequest`
 *    trades the refresh token for a new grant, and ML rotates the refresh
 *    token every time: the old one is refused afterwards (`invalid_grant`).
 */

const STATE = /^[A-Za-z0-9._~-]{16,512}$/

export function authorizationUrl(
  config: Pick<MercadoLivreConfig, 'clientId' | 'redirectUri' | 'siteId'>,
  state: string,
  options: { codeChallenge?: string } = {}
): string {
  if (!STATE.test(state)) {
    throw invalidArgument(
      'The OAuth state must be 16 to 512 URL-safe characters, unguessable and kept by the caller.',
      'INVALID_OAUTH_STATE'
    )
  }

  const url = new URL(`https://${SITES[config.siteId].authHost}/authorization`)

  url.searchParams.set('response_type', 'code')
  url.searchParams.set('client_id', config.clientId)
  url.searchParams.set('redirect_uri', config.redirectUri)
  url.searchParams.set('state', state)
  if (options.codeChallenge) {
    url.searchParams.set('code_challenge', options.codeChallenge)
    url.searchParams.set('code_challenge_method', 'S256')
  }

  return url.toString()
}

export type CallbackResult =
  | { code: string }
  | {
      reason: 'OAUTH_STATE_MISMATCH' | 'OAUTH_DENIED' | 'OAUTH_CODE_MISSING'
      message: string | null
    }

/** What the seller's return to the redirect URI says; the state must be the one the caller kept. */
export function readCallback(
  params: Record<string, string | undefined>,
  expectedState: string
): CallbackResult {
  if (!params.state || params.state !== expectedState)
    return { reason: 'OAUTH_STATE_MISMATCH', message: null }
  if (params.error)
    return {
      reason: 'OAUTH_DENIED',
      message: params.error_description ?? params.error,
    }

  return params.code
    ? { code: params.code }
    : { reason: 'OAUTH_CODE_MISSING', message: null }
}

const tokenRequest = (body: Record<string, string>): HttpRequest => ({
  method: 'POST',
  url: `${API}/oauth/token`,
  headers: { accept: 'application/json' },
  body,
  form: true,
})

export function codeExchangeRequest(
  config: Pick<MercadoLivreConfig, 'clientId' | 'clientSecret' | 'redirectUri'>,
  code: string,
  codeVerifier?: string
): HttpRequest {
  return tokenRequest({
    grant_type: 'authorization_code',
    client_id: config.clientId,
    client_secret: config.clientSecret ?? '',
    code,
    redirect_uri: config.redirectUri,
    ...(codeVerifier ? { code_verifier: codeVerifier } : {}),
  })
}

export function refreshRequest(
  config: Pick<MercadoLivreConfig, 'clientId' | 'clientSecret'>,
  refreshToken: string
): HttpRequest {
  return tokenRequest({
    grant_type: 'refresh_token',
    client_id: config.clientId,
    client_secret: config.clientSecret ?? '',
    refresh_token: refreshToken,
  })
}

export type TokenAnswer =
  | { ok: true; grant: StoredGrant; userId: string }
  | {
      ok: false
      failure: TokenFailureCode
      retryAfterMs: number | null
      businessMessage: string | null
    }

const CLIENT_ERRORS = [
  'invalid_client',
  'unauthorized_client',
  'unauthorized_application',
  'invalid_scope',
  'invalid_request',
  'unsupported_grant_type',
  'forbidden',
]

/** ML's token answer as a grant, or why there is none. */
export function readTokenAnswer(res: HttpResponse, now: number): TokenAnswer {
  const fail = (
    failure: TokenFailureCode,
    message = businessMessage(res.body),
    retry: number | null = null
  ): TokenAnswer => ({
    ok: false,
    failure,
    retryAfterMs: retry,
    businessMessage: message,
  })

  if (res.status == null)
    return fail('REFRESH_FAILED', res.networkError ?? null)
  if (is2xx(res)) {
    const b = res.body

    if (
      !isObject(b) ||
      typeof b.access_token !== 'string' ||
      !b.access_token ||
      typeof b.expires_in !== 'number' ||
      !(b.expires_in > 0) ||
      (typeof b.user_id !== 'number' && typeof b.user_id !== 'string')
    ) {
      return fail(
        'REFRESH_FAILED',
        `Malformed token answer: ${JSON.stringify(b ?? null).slice(0, 200)}`
      )
    }

    const userId = String(b.user_id)

    return {
      ok: true,
      userId,
      grant: {
        accessToken: b.access_token,
        expiresAt: now + b.expires_in * 1000,
        refreshToken:
          typeof b.refresh_token === 'string' && b.refresh_token
            ? b.refresh_token
            : null,
        extra: {
          userId,
          ...(typeof b.scope === 'string' ? { scope: b.scope } : {}),
        },
      },
    }
  }

  const code = errorCode(res.body)

  if (res.status === 429 || res.status >= 500)
    return fail(
      'REFRESH_FAILED',
      undefined,
      retryAfterMs(header(res, 'retry-after'), now)
    )
  if (code === 'invalid_grant') return fail('GRANT_REVOKED')
  if (code && CLIENT_ERRORS.includes(code)) return fail('CLIENT_REFUSED')

  return fail('CLIENT_REFUSED')
}

/**
 * The refresh function handed to the TokenKeeper: one call to the token
 * endpoint with the stored refresh token; the rotated refresh token comes
 * back in the grant (the keeper stores it before the token is used).
 */
export function refresher(
  config: Pick<MercadoLivreConfig, 'clientId' | 'clientSecret'>,
  send: (request: HttpRequest) => Promise<HttpResponse>,
  now: () => number
) {
  return async (grant: StoredGrant): Promise<StoredGrant> => {
    if (!grant.refreshToken)
      throw tokenFailure(
        'GRANT_REVOKED',
        'The Mercado Livre grant has no refresh token: connect again.'
      )
    if (!config.clientSecret)
      throw tokenFailure(
        'CLIENT_REFUSED',
        'The Mercado Livre client secret is not set.'
      )
    const res = await send(refreshRequest(config, grant.refreshToken))
    const answer = readTokenAnswer(res, now())

    if (!answer.ok) {
      throw tokenFailure(
        answer.failure,
        `Mercado Livre refused the token refresh (${answer.failure}).`,
        {
          retryAfterMs: answer.retryAfterMs,
          businessMessage: answer.businessMessage,
        }
      )
    }

    return {
      ...answer.grant,
      // ML rotates the refresh token on every refresh; an answer without one keeps the old.
      refreshToken: answer.grant.refreshToken ?? grant.refreshToken,
      extra: { ...(grant.extra ?? {}), ...(answer.grant.extra ?? {}) },
    }
  }
}
