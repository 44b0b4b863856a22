import type { StoredGrant } from '../marketplaces/adapter'
import { LwaError } from '../marketplaces/amazon/lwa'
import { MemoryStorage } from '../test/memoryStorage'
import type { GrantRecord } from '../domain/grant'
import { StoredTokenKeeper, grantPath } from './tokenKeeper'

/**
 * A keeper whose refresh credentials are the settings' (Amazon): no Connect,
 * one refresh for concurrent callers on separate keepers (as separate jobs
 * and replicas are), a refusal that revokes nothing, new credentials heard.
 */
const NOW = 10_000_000
let store: MemoryStorage
let calls: number

const keeper = (credentials = 'client\nsecret\nAtzr|one') =>
  new StoredTokenKeeper(store, 'amz1', {
    now: () => NOW,
    pollMs: 2,
    credentials,
  })

const refresh = async (): Promise<StoredGrant> => {
  calls++
  await new Promise((r) => setTimeout(r, 20))

  return {
    accessToken: `Atza|token-${calls}`,
    expiresAt: NOW + 3_600_000,
    refreshToken: null,
  }
}

beforeEach(() => {
  store = new MemoryStorage()
  calls = 0
})

describe('StoredTokenKeeper with the settings’ credentials (standing)', () => {
  it('8 concurrent callers with nothing stored exchange the credentials once', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 8 }, () => keeper().accessToken(refresh))
    )

    expect(calls).toBe(1)
    expect(new Set(tokens)).toEqual(new Set(['Atza|token-1']))
    const stored = await store.get<GrantRecord>(grantPath('amz1'))

    expect(stored?.data.state).toBe('CONNECTED')
    // Only a fingerprint of the credentials is kept, never them.
    expect(JSON.stringify(stored?.data)).not.toMatch(/secret|Atzr/)
    expect(stored?.data.grant?.extra?.credentials).toMatch(/^[0-9a-f]{16}$/)
  })

  it('new credentials in the settings are exchanged again; the same ones reuse the token', async () => {
    await keeper().accessToken(refresh)
    expect(await keeper().accessToken(refresh)).toBe('Atza|token-1')
    expect(await keeper('client\nsecret\nAtzr|two').accessToken(refresh)).toBe(
      'Atza|token-2'
    )
    expect(calls).toBe(2)
  })

  it('a refused refresh token comes back as Login with Amazon said, and revokes nothing', async () => {
    const refused = () =>
      Promise.reject(
        new LwaError(
          'invalid_grant: The request has an invalid grant parameter',
          'AMAZON_AUTH_REFUSED',
          false
        )
      )

    const error = await keeper()
      .accessToken(refused)
      .catch((e: unknown) => e)

    expect(error).toBeInstanceOf(LwaError)
    expect((error as LwaError).code).toBe('CLIENT_REFUSED')
    const stored = await store.get<GrantRecord>(grantPath('amz1'))

    expect(stored?.data.state).toBe('CONNECTED')
    expect(stored?.data.lease).toBeNull()
    // Fixed in the settings, the next call works.
    expect(
      await keeper('client\nsecret\nAtzr|fixed').accessToken(refresh)
    ).toBe('Atza|token-1')
  })
})
