/**
 * A TokenKeeper in memory for tests, honouring the interface's promises:
 * the grant is reused until it expires, concurrent callers share one
 * refresh, and invalidating a token only drops it if it is still the
 * current one (a late invalidation never kills a fresh token).
 */
import type { StoredGrant, TokenKeeper } from '../../adapter'

const EMPTY: StoredGrant = {
  accessToken: null,
  expiresAt: 0,
  refreshToken: null,
}

export class MemoryTokenKeeper implements TokenKeeper {
  /** Refreshes that completed (the number of token exchanges made). */
  refreshes = 0
  private current: StoredGrant | null
  private inflight: Promise<StoredGrant> | null = null

  constructor(
    private readonly now: () => number,
    initial: StoredGrant | null = null
  ) {
    this.current = initial
  }

  async accessToken(
    refresh: (grant: StoredGrant) => Promise<StoredGrant>
  ): Promise<string> {
    const g = this.current

    if (g?.accessToken && g.expiresAt > this.now()) return g.accessToken
    if (!this.inflight) {
      this.inflight = refresh(g ?? EMPTY)
        .then((next) => {
          this.current = next
          this.refreshes++

          return next
        })
        .finally(() => {
          this.inflight = null
        })
    }

    const next = await this.inflight

    if (!next.accessToken) throw new Error('The refresh gave no access token')

    return next.accessToken
  }

  async invalidate(accessToken: string) {
    if (this.current?.accessToken === accessToken)
      this.current = { ...this.current, accessToken: null, expiresAt: 0 }
  }

  async grant() {
    return this.current
  }
}
