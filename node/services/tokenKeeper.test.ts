import type { StoredGrant, TokenFailure } from '../marketplaces/adapter'
import { refresher, readTokenAnswer } from '../marketplaces/mercadolivre/oauth'
import { CONFIG } from '../marketplaces/mercadolivre/testing/context'
import type { RunningEmulator } from '../marketplaces/mercadolivre/testing/emulator'
import { startMercadoLivre } from '../marketplaces/mercadolivre/testing/emulator'
import { MemoryStorage } from '../test/memoryStorage'
import { disconnected } from '../domain/grant'
import { sleep as pause } from './retry'
import type { PutOptions } from './storage'
import type { TokenKeeperOptions } from './tokenKeeper'
import { StoredTokenKeeper, grantPath } from './tokenKeeper'

/**
 * The TokenKeeper against Mercado Livre's emulated token endpoint, which
 * rotates the refresh token and refuses a consumed one (invalid_grant):
 * "exactly one refresh" is counted where ML would count it.
 */
let ml: RunningEmulator
let store: MemoryStorage
let initial: StoredGrant

const refreshCalls = () => ml.emulator.oauth.refreshCalls
const realRefresh = () =>
  refresher(CONFIG, (r) => ml.transport.send(r), Date.now)

const keeper = (options: TokenKeeperOptions = {}, s = store) =>
  new StoredTokenKeeper(s, 'ml1', { pollMs: 5, ...options })

/** The grant ML issued, stored as expired so that the next caller must refresh. */
async function storeExpiredGrant() {
  const answer = readTokenAnswer(
    { status: 200, headers: {}, body: await ml.control('/grant', {}) },
    Date.now()
  )

  if (!answer.ok) throw new Error('no grant')
  initial = { ...answer.grant, expiresAt: 0 }
  await keeper().connect(initial)
}

/** ML accepts this access token for the seller. */
const works = async (token: string) =>
  (
    await ml.transport.send({
      method: 'GET',
      url: 'https://api.mercadolibre.com/items/MLB1000000001',
      headers: { authorization: `Bearer ${token}` },
    })
  ).status === 200

const failureOf = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    return e as TokenFailure
  }

  throw new Error('expected a failure')
}

const until = async (condition: () => Promise<boolean> | boolean) => {
  for (let i = 0; i < 500 && !(await condition()); i++) await pause(5)
}

beforeEach(async () => {
  ml = await startMercadoLivre()
  store = new MemoryStorage()
  await storeExpiredGrant()
})

afterEach(() => ml.close())

describe('StoredTokenKeeper', () => {
  it('hands out a valid token without calling anyone', async () => {
    await keeper().connect({
      ...initial,
      expiresAt: Date.now() + 6 * 3_600_000,
    })
    const k = keeper()
    const tokens = await Promise.all(
      [1, 2, 3].map(() => k.accessToken(realRefresh()))
    )

    expect(tokens).toEqual([
      initial.accessToken,
      initial.accessToken,
      initial.accessToken,
    ])
    expect(refreshCalls()).toBe(0)
  })

  it('8 concurrent jobs (each with its own keeper) with an expired token: one refresh, all get the new token', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 8 }, () => keeper().accessToken(realRefresh()))
    )

    expect(refreshCalls()).toBe(1)
    const stored = (await keeper().record())!

    expect(new Set(tokens)).toEqual(new Set([stored.grant!.accessToken]))
    expect(stored.grant!.refreshToken).not.toBe(initial.refreshToken)
    expect(stored).toMatchObject({ state: 'CONNECTED', lease: null })
    expect(await works(tokens[0])).toBe(true)
  })

  it('8 concurrent callers on one keeper: one refresh', async () => {
    const k = keeper()
    const tokens = await Promise.all(
      Array.from({ length: 8 }, () => k.accessToken(realRefresh()))
    )

    expect(refreshCalls()).toBe(1)
    expect(new Set(tokens).size).toBe(1)
  })

  it('two replicas over one store: one refresh, and the rotated refresh token is stored', async () => {
    const a = keeper({ owner: 'replica-a' })
    const b = keeper({ owner: 'replica-b' })
    const tokens = await Promise.all(
      [a, b, a, b, a, b, a, b].map((k) => k.accessToken(realRefresh()))
    )

    expect(refreshCalls()).toBe(1)
    expect(new Set(tokens).size).toBe(1)
    // The stored refresh token is the live one: the next refresh works.
    await keeper().invalidate(tokens[0])
    const next = await keeper().accessToken(realRefresh())

    expect(refreshCalls()).toBe(2)
    expect(await works(next)).toBe(true)
  })

  it('invalid_grant: the grant is marked REVOKED (kept) and every caller gets a clear error', async () => {
    await ml.control('/authorization', { action: 'revoke' })
    const failures = await Promise.all(
      [1, 2, 3].map(() => failureOf(keeper().accessToken(realRefresh())))
    )

    expect(failures.map((f) => f.code)).toEqual([
      'GRANT_REVOKED',
      'GRANT_REVOKED',
      'GRANT_REVOKED',
    ])
    expect(refreshCalls()).toBe(1)
    expect(await keeper().record()).toMatchObject({
      state: 'REVOKED',
      revoked: { reason: 'INVALID_GRANT' },
      grant: { refreshToken: initial.refreshToken },
    })
  })

  it('a crash before the token endpoint answered: the lease is taken over and the same refresh token still works', async () => {
    const dead = keeper({ owner: 'dead', leaseMs: 100 })

    dead
      .accessToken(() => new Promise<StoredGrant>(() => undefined))
      .catch(() => undefined)
    await until(async () => Boolean((await keeper().record())?.lease))
    const token = await keeper({ leaseMs: 100 }).accessToken(realRefresh())

    expect(refreshCalls()).toBe(1)
    expect(await works(token)).toBe(true)
  })

  it('a crash between the answer and the write loses that answer: REVOKED as REFRESH_TOKEN_LOST, grant kept (what is not guaranteed)', async () => {
    const dead = keeper({ owner: 'dead', leaseMs: 100 })
    const answered = realRefresh()

    dead
      .accessToken(async (g) => {
        await answered(g) // ML consumed the refresh token and answered…

        return new Promise<StoredGrant>(() => undefined) // …and the process died.
      })
      .catch(() => undefined)
    await until(() => refreshCalls() === 1)
    const failure = await failureOf(
      keeper({ leaseMs: 100 }).accessToken(realRefresh())
    )

    expect(failure.code).toBe('GRANT_REVOKED')
    expect(refreshCalls()).toBe(2)
    expect(await keeper().record()).toMatchObject({
      state: 'REVOKED',
      revoked: { reason: 'REFRESH_TOKEN_LOST' },
      grant: { refreshToken: initial.refreshToken },
    })
  })

  it('a slow holder whose lease was taken over still stores its answer: nothing lost while it lives', async () => {
    const slow = keeper({ owner: 'slow', leaseMs: 50 })
    const answered = realRefresh()
    const slowToken = slow.accessToken(async (g) => {
      const fresh = await answered(g)

      await pause(250)

      return fresh
    })

    await until(() => refreshCalls() === 1)
    await pause(60)
    // The taker uses the consumed token: ML refuses it, and the taker marks the grant revoked…
    expect(
      (await failureOf(keeper({ leaseMs: 50 }).accessToken(realRefresh()))).code
    ).toBe('GRANT_REVOKED')
    // …until the slow holder stores the grant ML gave it.
    const token = await slowToken

    expect(await keeper().record()).toMatchObject({
      state: 'CONNECTED',
      grant: { accessToken: token },
    })
    expect(await keeper().accessToken(realRefresh())).toBe(token)
    expect(await works(token)).toBe(true)
  })

  it('storage refusing the write: the new grant is kept and written first on the next call', async () => {
    const flaky = new FlakyStorage(store)
    const k = keeper({ sleep: () => Promise.resolve() }, flaky)
    const real = realRefresh()
    const failure = await failureOf(
      k.accessToken(async (g) => {
        const fresh = await real(g)

        flaky.failPuts = 5

        return fresh
      })
    )

    expect(failure.code).toBe('REFRESH_FAILED')
    expect((await keeper().grant())!.refreshToken).toBe(initial.refreshToken)
    flaky.failPuts = 0
    const token = await k.accessToken(realRefresh())

    expect(refreshCalls()).toBe(1)
    expect((await keeper().grant())!.accessToken).toBe(token)
    expect(await works(token)).toBe(true)
  })

  it('a reconnect during a refresh wins; the refreshed grant is dropped', async () => {
    const k = keeper()
    const fresh = {
      accessToken: 'new-authorization',
      expiresAt: Date.now() + 3_600_000,
      refreshToken: 'TG-new',
    }

    const real = realRefresh()
    const token = await k.accessToken(async (g) => {
      const answer = await real(g)

      await keeper().connect(fresh)

      return answer
    })

    expect(token).toBe('new-authorization')
    expect(await keeper().record()).toMatchObject({
      grant: fresh,
      previous: [{ grant: { refreshToken: initial.refreshToken } }],
    })
  })

  it("gives up waiting for someone else's live lease, transiently", async () => {
    const record = (await store.get<Record<string, unknown>>(grantPath('ml1')))!

    await store.put(grantPath('ml1'), {
      ...record.data,
      lease: { owner: 'other', until: Date.now() + 60_000, takenOver: false },
    })
    const failure = await failureOf(
      keeper({ maxWaitMs: 30 }).accessToken(realRefresh())
    )

    expect(failure.code).toBe('REFRESH_FAILED')
    expect(failure.retryAfterMs).toBeGreaterThan(50_000)
    expect(refreshCalls()).toBe(0)
  })

  it('invalidate expires only the token it names, keeping the refresh token', async () => {
    const live = { ...initial, expiresAt: Date.now() + 3_600_000 }

    await keeper().connect(live)
    await keeper().invalidate('some-other-token')
    expect((await keeper().grant())!.expiresAt).toBe(live.expiresAt)
    await keeper().invalidate(live.accessToken!)
    expect(await keeper().grant()).toEqual({ ...live, expiresAt: 0 })
  })

  it('not connected, disconnected, or without a refresh token: clear errors, the grant kept', async () => {
    expect(
      (
        await failureOf(
          keeper({}, new MemoryStorage()).accessToken(realRefresh())
        )
      ).code
    ).toBe('NOT_CONNECTED')
    await keeper().change((r) => disconnected(r, Date.now()))
    expect(await failureOf(keeper().accessToken(realRefresh()))).toMatchObject({
      code: 'GRANT_REVOKED',
      revokedReason: 'DISCONNECTED',
    })
    expect(await keeper().record()).toMatchObject({
      state: 'REVOKED',
      revoked: { reason: 'DISCONNECTED' },
      grant: initial,
    })
    await keeper().connect({ ...initial, refreshToken: null })
    expect((await failureOf(keeper().accessToken(realRefresh()))).code).toBe(
      'GRANT_REVOKED'
    )
    expect(await keeper().record()).toMatchObject({
      revoked: { reason: 'NO_REFRESH_TOKEN' },
    })
    expect(refreshCalls()).toBe(0)
  })
})

describe('Disconnect while a refresh is under way', () => {
  it('the refresh never reconnects it: the caller gets the clear error, the reason stays DISCONNECTED', async () => {
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })

    const refresh = realRefresh()
    const slowRefresh = async (grant: StoredGrant) => {
      const fresh = await refresh(grant)

      await gate

      return fresh
    }

    const job = failureOf(keeper().accessToken(slowRefresh))

    await until(() => refreshCalls() === 1)
    await keeper().change((r) => disconnected(r, Date.now()))
    release()

    expect(await job).toMatchObject({
      code: 'GRANT_REVOKED',
      revokedReason: 'DISCONNECTED',
    })
    expect(await keeper().record()).toMatchObject({
      state: 'REVOKED',
      revoked: { reason: 'DISCONNECTED' },
      grant: initial,
      lease: null,
    })
  })
})

/** A store whose writes fail while `failPuts` > 0 (VBase answering 5xx). */
class FlakyStorage extends MemoryStorage {
  public failPuts = 0

  constructor(private inner: MemoryStorage) {
    super()
    this.files = inner.files
  }

  async put<T>(path: string, data: T, options?: PutOptions) {
    if (this.failPuts > 0) {
      this.failPuts--
      throw new Error('VBase answered 503')
    }

    return this.inner.put(path, data, options)
  }
}
