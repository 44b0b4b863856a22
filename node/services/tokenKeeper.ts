import type { GrantRecord, RevokeReason } from '../domain/grant'
import {
  connected,
  grantStep,
  isTokenFailure,
  tokenFailure,
  invalidated,
  leased,
  refreshed,
  released,
  revoked,
  standingRecord,
  stepFailure,
  withCredentials,
} from '../domain/grant'
import type { StoredGrant, TokenKeeper } from '../marketplaces/adapter'
import type { KeyValueStore, StoredFile } from './storage'
import { fingerprint } from './fingerprint'
import { isPreconditionFailed } from './storage'
import type { TokenKeeperOptions } from './tokenKeeperOptions'
import { keeperDefaults } from './tokenKeeperOptions'

export type { TokenKeeperOptions } from './tokenKeeperOptions'

/**
 * A marketplace's OAuth grant in VBase (`v2/grants/{marketplaceId}`), handed
 * out to every job on every replica; the decisions are in domain/grant.ts.
 * An expired token is refreshed once across callers and replicas (a lease
 * written with If-Match; others wait and re-read; a lease that outlives its
 * holder is taken over), and the new grant, with the rotated single-use
 * refresh token, is written with If-Match before its token is handed out.
 * What is and is not guaranteed: docs/marketplaces/mercadolivre.md, "Token
 * handling".
 */
export const grantPath = (marketplaceId: string) => `v2/grants/${marketplaceId}`

type Refresh = (grant: StoredGrant) => Promise<StoredGrant>

export class StoredTokenKeeper implements TokenKeeper {
  private inflight: Promise<string> | null = null
  /** A grant the marketplace issued that storage has refused so far. */
  private pending: { grant: StoredGrant; consumed: string } | null = null
  private readonly path: string
  /** The settings' credentials' fingerprint (null: a Connect kind). */
  private readonly standing: string | null
  private readonly o: Required<TokenKeeperOptions>

  constructor(
    private store: KeyValueStore,
    marketplaceId: string,
    options: TokenKeeperOptions = {}
  ) {
    this.path = grantPath(marketplaceId)
    this.o = { ...keeperDefaults(), ...options }
    this.standing = this.o.credentials && fingerprint(this.o.credentials)
  }

  async grant() {
    return (await this.read())?.data.grant ?? null
  }

  /** The whole record (state, revocation), for the settings page. */
  async record() {
    return (await this.read())?.data ?? null
  }

  async accessToken(refresh: Refresh): Promise<string> {
    if (!this.inflight && !this.pending) {
      const step = this.step((await this.read())?.data ?? null)

      if (step.kind === 'use') return step.token
    }

    if (!this.inflight)
      this.inflight = this.obtain(refresh).finally(() => {
        this.inflight = null
      })

    return this.inflight
  }

  async invalidate(accessToken: string) {
    await this.update((r) => (r ? invalidated(r, accessToken) : null))
  }

  /** Stores the grant of a new authorization (the code exchange). */
  async connect(grant: StoredGrant) {
    await this.update((r) => connected(r, grant, this.o.now()), true)
  }

  /** Applies a change of domain/grant.ts (If-Match); answers what it wrote, null when nothing. */
  change(fn: (r: GrantRecord) => GrantRecord | null) {
    return this.update((r) => (r ? fn(r) : null))
  }

  private step(record: GrantRecord | null) {
    return grantStep(
      record,
      this.o.now(),
      this.o.owner,
      this.o.skewMs,
      this.standing
    )
  }

  private async obtain(refresh: Refresh): Promise<string> {
    const started = this.o.now()
    let delay = this.o.pollMs

    for (;;) {
      if (this.pending) await this.flushPending()
      const f = await this.read()
      const step = this.step(f?.data ?? null)

      if (step.kind === 'use') return step.token
      if (step.kind === 'not-connected' && this.standing != null) {
        await this.update(
          (r) => (r?.grant ? null : standingRecord(this.o.now())),
          true
        )
        continue
      }

      if (step.kind === 'not-connected' || step.kind === 'revoked')
        throw stepFailure(step)
      if (step.kind === 'wait') {
        if (this.o.now() - started >= this.o.maxWaitMs)
          throw tokenFailure(
            'REFRESH_FAILED',
            'Another job is still renewing the authorization.',
            { retryAfterMs: Math.max(0, step.untilMs - this.o.now()) }
          )
        await this.o.sleep(delay)
        delay = Math.min(delay * 2, 1000)
        continue
      }

      if (step.kind === 'no-refresh-token') {
        await this.update((r) =>
          r ? revoked(r, 'NO_REFRESH_TOKEN', null, this.o.now()) : null
        )
        continue
      }

      const record = f!.data
      const lease = leased(
        record,
        this.o.owner,
        this.o.now(),
        this.o.leaseMs,
        step.takenOver
      )

      try {
        await this.store.put(this.path, lease, { ifMatch: f!.etag })
      } catch (e) {
        if (isPreconditionFailed(e)) continue
        throw this.storageFailure(e)
      }

      const token = await this.refreshUnderLease(
        refresh,
        record.grant!,
        step.takenOver
      )

      if (token) return token
    }
  }

  /** Null: a newer grant appeared meanwhile, look again. */
  private async refreshUnderLease(
    refresh: Refresh,
    grant: StoredGrant,
    takenOver: boolean
  ): Promise<string | null> {
    const consumed = grant.refreshToken!
    let fresh: StoredGrant

    try {
      fresh = withCredentials(await refresh(grant), this.standing)
    } catch (e) {
      const failure = isTokenFailure(e)
        ? e
        : tokenFailure('REFRESH_FAILED', String((e as Error)?.message ?? e))

      if (failure.code !== 'GRANT_REVOKED') {
        await this.update((r) => (r ? released(r, this.o.owner) : null)).catch(
          () => undefined
        )
        throw failure
      }

      const reason: RevokeReason = takenOver
        ? 'REFRESH_TOKEN_LOST'
        : 'INVALID_GRANT'

      const message = failure.businessMessage ?? null
      let superseded = false

      await this.update((r) => {
        superseded = r?.grant?.refreshToken !== consumed

        return superseded ? null : revoked(r!, reason, message, this.o.now())
      })
      if (superseded) return null
      throw failure
    }

    this.pending = { grant: fresh, consumed }
    if (await this.flushPending()) return fresh.accessToken!
    if (!this.pending) return null // a reconnect replaced the grant: use the new one
    throw tokenFailure(
      'REFRESH_FAILED',
      'The renewed authorization could not be stored yet; it is kept and stored on the next call.'
    )
  }

  /** Writes the pending grant while the stored one is still the grant it was refreshed from. */
  private async flushPending(): Promise<boolean> {
    for (let attempt = 0; attempt < 5 && this.pending; attempt++) {
      const { grant, consumed } = this.pending

      try {
        const f = await this.store.get<GrantRecord>(this.path)

        const next =
          f?.data.grant?.refreshToken === consumed
            ? refreshed(f.data, grant, this.o.now())
            : null

        if (!f || !next) {
          this.pending = null // a reconnect replaced it, or the store disconnected

          return false
        }

        await this.store.put(this.path, next, { ifMatch: f.etag })
        this.pending = null

        return true
      } catch (e) {
        if (!isPreconditionFailed(e)) await this.o.sleep(50 * 2 ** attempt)
      }
    }

    return false
  }

  private async read(): Promise<StoredFile<GrantRecord> | null> {
    try {
      return await this.store.get<GrantRecord>(this.path)
    } catch (e) {
      throw this.storageFailure(e)
    }
  }

  /** Read-modify-write with If-Match; `change` returning null writes nothing. */
  private async update(
    change: (r: GrantRecord | null) => GrantRecord | null,
    create = false
  ): Promise<GrantRecord | null> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const f = await this.read()

      if (!f && !create) return null
      const next = change(f?.data ?? null)

      if (!next) return null
      try {
        await this.store.put(
          this.path,
          next,
          f ? { ifMatch: f.etag } : { ifAbsent: true }
        )

        return next
      } catch (e) {
        if (!isPreconditionFailed(e)) throw this.storageFailure(e)
      }
    }

    throw tokenFailure('REFRESH_FAILED', 'The authorization kept changing.')
  }

  private storageFailure(e: unknown) {
    return tokenFailure(
      'REFRESH_FAILED',
      `The authorization could not be read or written: ${String(
        (e as Error)?.message ?? e
      )}`
    )
  }
}
