import type {
  StoredGrant,
  TokenFailure,
  TokenFailureCode,
} from '../marketplaces/adapter'

/**
 * A marketplace's OAuth grant as stored (`v2/grants/{marketplaceId}`), and
 * the pure decisions of the TokenKeeper (services/tokenKeeper.ts) over it:
 * whether a caller may use the stored token, must wait for someone else's
 * refresh, or refreshes itself; and every change to the record. The record
 * is never deleted: a revoked grant stays, marked, and a reconnect keeps what
 * it replaced in `previous`.
 */
export type RevokeReason =
  | 'INVALID_GRANT'
  | 'REFRESH_TOKEN_LOST'
  | 'NO_REFRESH_TOKEN'
  | 'DISCONNECTED'

export interface GrantRecord {
  grant: StoredGrant | null
  state: 'CONNECTED' | 'REVOKED'
  revoked: {
    at: number
    reason: RevokeReason
    message: string | null
    /**
     * DISCONNECTED only: whether Mercado Livre confirmed it dropped the
     * application's authorization (false: it could not be told); absent
     * until it answered.
     */
    marketplaceRevoked?: boolean
  } | null
  /** A refresh under way: only its owner calls the token endpoint until `until`. */
  lease: { owner: string; until: number; takenOver: boolean } | null
  updatedAt: number
  /** What reconnects replaced, newest first (the last 5). */
  previous: Array<
    Pick<GrantRecord, 'grant' | 'state' | 'revoked' | 'updatedAt'>
  >
}

export type GrantStep =
  | { kind: 'use'; token: string }
  | { kind: 'not-connected' }
  | { kind: 'revoked'; reason: RevokeReason | null; message: string | null }
  | { kind: 'wait'; untilMs: number }
  | { kind: 'no-refresh-token' }
  /** Take the lease and refresh; `takenOver` when a holder's lease ran out (it may have crashed). */
  | { kind: 'refresh'; takenOver: boolean }

/** A token this close (ms) to its expiry is not handed out any more. */
export const usable = (
  grant: StoredGrant | null,
  now: number,
  skewMs: number
) => Boolean(grant?.accessToken && grant.expiresAt - skewMs > now)

/** Where a standing grant records which credentials its token came from. */
export const CREDENTIALS_EXTRA = 'credentials'

/**
 * What a caller who wants a token does with the record it just read.
 * `standing`: the kind's refresh credentials live in the settings (Amazon's
 * Login with Amazon refresh token), fingerprinted: the record only caches the
 * access token, so it needs no refresh token of its own, and a token obtained
 * with other credentials (the store saved new ones) is not used.
 */
export function grantStep(
  record: GrantRecord | null,
  now: number,
  owner: string,
  skewMs: number,
  standing: string | null = null
): GrantStep {
  if (!record?.grant) return { kind: 'not-connected' }
  if (record.state === 'REVOKED')
    return {
      kind: 'revoked',
      reason: record.revoked?.reason ?? null,
      message: record.revoked?.message ?? null,
    }
  const sameCredentials =
    standing == null || record.grant.extra?.[CREDENTIALS_EXTRA] === standing

  if (sameCredentials && usable(record.grant, now, skewMs))
    return { kind: 'use', token: record.grant.accessToken! }
  const { lease } = record

  if (lease && lease.owner !== owner && lease.until > now)
    return { kind: 'wait', untilMs: lease.until }
  if (standing == null && !record.grant.refreshToken)
    return { kind: 'no-refresh-token' }

  return { kind: 'refresh', takenOver: Boolean(lease && lease.owner !== owner) }
}

export const leased = (
  r: GrantRecord,
  owner: string,
  now: number,
  leaseMs: number,
  takenOver: boolean
): GrantRecord => ({ ...r, lease: { owner, until: now + leaseMs, takenOver } })

/**
 * The refreshed grant replaces the one it came from (whoever holds the lease
 * now) — unless the store disconnected meanwhile (null): a refresh under way
 * never reconnects what the store disconnected.
 */
export const refreshed = (
  r: GrantRecord,
  grant: StoredGrant,
  now: number
): GrantRecord | null =>
  r.revoked?.reason === 'DISCONNECTED'
    ? null
    : {
        ...r,
        grant,
        state: 'CONNECTED',
        revoked: null,
        lease: null,
        updatedAt: now,
      }

/**
 * The grant can no longer be used. A disconnect is the store's word: a
 * failure found afterwards (a refresh that was under way) does not rewrite
 * its reason.
 */
export const revoked = (
  r: GrantRecord,
  reason: RevokeReason,
  message: string | null,
  now: number
): GrantRecord =>
  r.revoked?.reason === 'DISCONNECTED' && reason !== 'DISCONNECTED'
    ? { ...r, lease: null }
    : {
        ...r,
        state: 'REVOKED',
        revoked: { at: now, reason, message },
        lease: null,
        updatedAt: now,
      }

/** The store disconnected (the settings' Disconnect): no job gets a token; the grant is kept. */
export const disconnected = (r: GrantRecord, now: number): GrantRecord =>
  revoked({ ...r, revoked: null }, 'DISCONNECTED', null, now)

/**
 * What Mercado Livre answered to the revocation, kept on the disconnect made
 * at `at`; null when the record moved on meanwhile (connected again).
 */
export const marketplaceAnswered = (
  r: GrantRecord,
  at: number,
  marketplaceRevoked: boolean
): GrantRecord | null =>
  r.state === 'REVOKED' &&
  r.revoked?.reason === 'DISCONNECTED' &&
  r.revoked.at === at
    ? { ...r, revoked: { ...r.revoked, marketplaceRevoked } }
    : null

/** The owner gives its lease back after a failed refresh (nothing else changes). */
export const released = (r: GrantRecord, owner: string): GrantRecord | null =>
  r.lease?.owner === owner ? { ...r, lease: null } : null

/** The marketplace refused this access token: the next caller refreshes; the refresh token stays. */
export const invalidated = (
  r: GrantRecord,
  accessToken: string
): GrantRecord | null =>
  r.grant && r.grant.accessToken === accessToken
    ? { ...r, grant: { ...r.grant, expiresAt: 0 } }
    : null

/** A new authorization; the record it replaces is kept in `previous`. */
export const connected = (
  r: GrantRecord | null,
  grant: StoredGrant,
  now: number
): GrantRecord => ({
  grant,
  state: 'CONNECTED',
  revoked: null,
  lease: null,
  updatedAt: now,
  previous: r
    ? [
        {
          grant: r.grant,
          state: r.state,
          revoked: r.revoked,
          updatedAt: r.updatedAt,
        },
        ...r.previous,
      ].slice(0, 5)
    : [],
})

/** The empty record of a standing grant, written the first time a token is asked. */
export const standingRecord = (now: number): GrantRecord =>
  connected(null, { accessToken: null, expiresAt: 0, refreshToken: null }, now)

/** A standing grant's fresh token, marked with the credentials it came from. */
export const withCredentials = (
  grant: StoredGrant,
  standing: string | null
): StoredGrant =>
  standing == null
    ? grant
    : { ...grant, extra: { ...grant.extra, [CREDENTIALS_EXTRA]: standing } }

/** An Error carrying a TokenFailure code (marketplaces/adapter.ts). */
export function tokenFailure(
  code: TokenFailureCode,
  message: string,
  extra: {
    retryAfterMs?: number | null
    businessMessage?: string | null
    revokedReason?: string | null
  } = {}
): TokenFailure {
  return Object.assign(new Error(message), { code, ...extra })
}

const CODES: readonly string[] = [
  'NOT_CONNECTED',
  'GRANT_REVOKED',
  'CLIENT_REFUSED',
  'REFRESH_FAILED',
]

export const isTokenFailure = (e: unknown): e is TokenFailure =>
  e instanceof Error && CODES.includes((e as TokenFailure).code)

/** Why a caller gets no token (the record says so). */
export function stepFailure(
  step: Extract<GrantStep, { kind: 'not-connected' | 'revoked' }>
): TokenFailure {
  return step.kind === 'not-connected'
    ? tokenFailure(
        'NOT_CONNECTED',
        'This marketplace is not connected: no authorization is stored.'
      )
    : step.reason === 'DISCONNECTED'
    ? tokenFailure(
        'GRANT_REVOKED',
        'The store disconnected this marketplace in the settings: connect again, then reprocess.',
        { revokedReason: step.reason }
      )
    : tokenFailure(
        'GRANT_REVOKED',
        `The authorization is revoked (${step.reason}): connect again.`,
        { businessMessage: step.message, revokedReason: step.reason }
      )
}
