/** How a StoredTokenKeeper (services/tokenKeeper.ts) behaves; every field has a default. */
export interface TokenKeeperOptions {
  now?: () => number
  /** Who holds a lease (process and instance). */
  owner?: string
  leaseMs?: number
  /** A token this close to its expiry is refreshed. */
  skewMs?: number
  pollMs?: number
  /** How long a caller waits for someone else's refresh before giving up (transient). */
  maxWaitMs?: number
  sleep?: (ms: number) => Promise<void>
  /**
   * The refresh credentials live in the settings (Amazon: adapter.credentialsOf).
   * No Connect is needed (the record is created on the first ask), only
   * their fingerprint is stored, and a token obtained with other
   * credentials is not used (domain/grant.ts `standing`).
   */
  credentials?: string | null
}

export const keeperDefaults = (): Required<TokenKeeperOptions> => ({
  now: Date.now,
  owner: `${process.pid}-${Math.random().toString(36).slice(2)}`,
  leaseMs: 30_000,
  skewMs: 300_000,
  pollMs: 100,
  maxWaitMs: 25_000,
  credentials: null,
  sleep: (ms: number) =>
    new Promise<void>((resolve) => {
      setTimeout(resolve, ms)
    }),
})
