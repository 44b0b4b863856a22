/**
 * Login with Amazon: the seller's refresh token (from the app's
 * authorization in Seller Central) exchanged for an access token valid one
 * hour (`POST https://api.amazon.com/auth/o2/token`, form-encoded,
 * grant_type=refresh_token). The TokenKeeper caches the grant until shortly
 * before it expires and lets one caller refresh it for everyone.
 *
 * Decision: the refresh token used is always the one in the settings (SP-API
 * refresh tokens are long-lived and not rotated), so a store that pastes a
 * new authorization is heard at the next refresh; the stored grant keeps no
 * copy of it.
 */
import type {
  HttpRequest,
  HttpResponse,
  HttpTransport,
  StoredGrant,
} from '../adapter'
import { LWA_TOKEN_URL } from './marketplaces'
import type { AmazonConfig } from './settings'

/** Refresh this long before Amazon's expiry, so no call carries a token about to die. */
export const EXPIRY_MARGIN_MS = 60_000

export const lwaTokenRequest = (c: AmazonConfig): HttpRequest => ({
  method: 'POST',
  url: LWA_TOKEN_URL,
  form: true,
  body: {
    grant_type: 'refresh_token',
    refresh_token: c.lwaRefreshToken,
    client_id: c.lwaClientId,
    client_secret: c.lwaClientSecret,
  },
})

/** Why no access token could be had; `transient` when trying later may work. */
export class LwaError extends Error {
  constructor(
    message: string,
    public readonly reason: 'AMAZON_AUTH_REFUSED' | 'AMAZON_AUTH_UNAVAILABLE',
    public readonly transient: boolean
  ) {
    super(message)
    this.name = 'LwaError'
  }

  /**
   * The TokenKeeper's word for it (adapter.ts TokenFailure, duck-typed): the
   * keeper hands the error back as it came, keeps no lease, and never marks
   * the cached grant revoked — the credentials are the settings', a save fixes them.
   */
  get code(): 'CLIENT_REFUSED' | 'REFRESH_FAILED' {
    return this.transient ? 'REFRESH_FAILED' : 'CLIENT_REFUSED'
  }

  get businessMessage() {
    return this.message
  }
}

const field = (body: unknown, name: string): unknown =>
  body && typeof body === 'object'
    ? (body as Record<string, unknown>)[name]
    : undefined

/** Login with Amazon's answer as a grant, or the LwaError it means. */
export function lwaGrant(res: HttpResponse, now: number): StoredGrant {
  const s = res.status

  if (s != null && s >= 200 && s < 300) {
    const token = field(res.body, 'access_token')
    const expiresIn = Number(field(res.body, 'expires_in'))

    if (typeof token !== 'string' || !token || !(expiresIn > 0)) {
      throw new LwaError(
        'Login with Amazon answered without an access token',
        'AMAZON_AUTH_UNAVAILABLE',
        true
      )
    }

    return {
      accessToken: token,
      expiresAt: now + Math.max(0, expiresIn * 1000 - EXPIRY_MARGIN_MS),
      refreshToken: null,
    }
  }

  if (s == null || s >= 500 || s === 429) {
    throw new LwaError(
      `Login with Amazon unavailable (${s ?? res.networkError ?? 'no answer'})`,
      'AMAZON_AUTH_UNAVAILABLE',
      true
    )
  }

  const error = field(res.body, 'error')
  const description = field(res.body, 'error_description')

  throw new LwaError(
    [error, description].filter((x) => typeof x === 'string').join(': ') ||
      `Login with Amazon refused the credentials (HTTP ${s})`,
    'AMAZON_AUTH_REFUSED',
    false
  )
}

/** The refresh the TokenKeeper runs when the grant is missing or expired. */
export const lwaRefresh =
  (c: AmazonConfig, http: HttpTransport, now: () => number) =>
  async (): Promise<StoredGrant> =>
    lwaGrant(await http.send(lwaTokenRequest(c)), now())
