/**
 * The `state` of an OAuth authorization-code flow (Mercado Livre's Connect
 * button): an unguessable value the bridge keeps in VBase while the seller is
 * away authorizing, checked when they come back, used once. Pure.
 */

/** What `state` may look like (also what Mercado Livre's helpers accept). */
export const OAUTH_STATE_RE = /^[A-Za-z0-9._~-]{16,512}$/

/** How long a seller has to authorize and come back. */
export const OAUTH_STATE_TTL_MS = 15 * 60_000

export interface OAuthStateRecord {
  marketplaceId: string
  /** Epoch ms. */
  createdAt: number
  /** PKCE: the verifier whose S256 challenge went with the authorization. */
  codeVerifier: string
}

/** Where a pending authorization's state is kept (the logs bucket). */
export const oauthStatePath = (state: string) => `v2/oauth/${state}`

export type StateCheck =
  | { ok: true; record: OAuthStateRecord }
  | {
      ok: false
      /** Not a state at all; one this bridge did not issue (or used already); one too old. */
      reason:
        | 'INVALID_OAUTH_STATE'
        | 'OAUTH_STATE_MISMATCH'
        | 'OAUTH_STATE_EXPIRED'
    }

/** Whether the `state` a seller came back with opens an authorization this bridge started. */
export function checkOAuthState(
  state: unknown,
  record: unknown,
  now: number
): StateCheck {
  if (typeof state !== 'string' || !OAUTH_STATE_RE.test(state))
    return { ok: false, reason: 'INVALID_OAUTH_STATE' }
  if (!isStateRecord(record))
    return { ok: false, reason: 'OAUTH_STATE_MISMATCH' }
  if (now - record.createdAt > OAUTH_STATE_TTL_MS || now < record.createdAt)
    return { ok: false, reason: 'OAUTH_STATE_EXPIRED' }

  return { ok: true, record }
}

function isStateRecord(v: unknown): v is OAuthStateRecord {
  const r = v as Partial<OAuthStateRecord> | null

  return (
    r != null &&
    typeof r === 'object' &&
    typeof r.marketplaceId === 'string' &&
    typeof r.createdAt === 'number' &&
    typeof r.codeVerifier === 'string'
  )
}
