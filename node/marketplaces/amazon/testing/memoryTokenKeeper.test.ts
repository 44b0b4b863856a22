import type { StoredGrant } from '../../adapter'
import { MemoryTokenKeeper } from './memoryTokenKeeper'

describe('MemoryTokenKeeper (the TokenKeeper promises the adapter relies on)', () => {
  const grant = (token: string, expiresAt: number): StoredGrant => ({
    accessToken: token,
    expiresAt,
    refreshToken: null,
  })

  it('reuses the grant until it expires, then refreshes once for all concurrent callers', async () => {
    let t = 0
    let calls = 0
    const keeper = new MemoryTokenKeeper(() => t)
    const refresh = async () => {
      calls++
      await new Promise<void>((resolve) => setTimeout(() => resolve(), 5))

      return grant(`token-${calls}`, t + 1000)
    }

    expect(
      await Promise.all(
        Array.from({ length: 8 }, () => keeper.accessToken(refresh))
      )
    ).toEqual(Array(8).fill('token-1'))
    expect(await keeper.accessToken(refresh)).toBe('token-1')
    t = 1000
    expect(
      await Promise.all(
        Array.from({ length: 8 }, () => keeper.accessToken(refresh))
      )
    ).toEqual(Array(8).fill('token-2'))
    expect(calls).toBe(2)
  })

  it('drops a refused token only if it is still the current one', async () => {
    let n = 0
    const keeper = new MemoryTokenKeeper(() => 0)
    const refresh = async () => grant(`token-${++n}`, 1000)

    await keeper.accessToken(refresh)
    await keeper.invalidate('token-1')
    expect(await keeper.accessToken(refresh)).toBe('token-2')
    // A late job reporting the old token changes nothing.
    await keeper.invalidate('token-1')
    expect(await keeper.accessToken(refresh)).toBe('token-2')
    expect(await keeper.grant()).toEqual(grant('token-2', 1000))
  })

  it('a failed refresh fails every waiting caller and the next call tries again', async () => {
    let fail = true
    const keeper = new MemoryTokenKeeper(() => 0)
    const refresh = async () => {
      if (fail) throw new Error('refused')

      return grant('ok', 1000)
    }

    await expect(
      Promise.all([keeper.accessToken(refresh), keeper.accessToken(refresh)])
    ).rejects.toThrow('refused')
    fail = false
    expect(await keeper.accessToken(refresh)).toBe('ok')
  })
})
