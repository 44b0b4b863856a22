import { isDomainError } from '../domain/errors'
import { OAUTH_STATE_TTL_MS, oauthStatePath } from '../domain/oauthState'
import { CONFIG } from '../marketplaces/mercadolivre/testing/context'
import type { RunningEmulator } from '../marketplaces/mercadolivre/testing/emulator'
import {
  SELLER_ID,
  startMercadoLivre,
} from '../marketplaces/mercadolivre/testing/emulator'
import { MemoryStorage } from '../test/memoryStorage'
import { MercadoLivreConnect } from './mercadoLivreConnect'
import { StoredTokenKeeper } from './tokenKeeper'

let ml: RunningEmulator

beforeEach(async () => {
  ml = await startMercadoLivre()
})

afterEach(() => ml.close())

function setup() {
  const kv = new MemoryStorage()
  let now = Date.now()
  const keepers = new Map<string, StoredTokenKeeper>()
  const keeper = (id: string) => {
    if (!keepers.has(id)) keepers.set(id, new StoredTokenKeeper(kv, id))

    return keepers.get(id)!
  }

  const connect = new MercadoLivreConnect({
    kv,
    http: ml.transport,
    keeper,
    now: () => now,
  })

  /** The seller approves on Mercado Livre and the browser comes back. */
  const authorize = async (url: string) => {
    const page = await ml.transport.send({ method: 'GET', url })

    expect(page.status).toBe(302)

    return Object.fromEntries(new URL(page.headers.location).searchParams)
  }

  const reasonOf = async (p: Promise<unknown>) => {
    try {
      await p
    } catch (e) {
      if (isDomainError(e)) return e.reason
      throw e
    }

    return 'NO ERROR'
  }

  return {
    kv,
    connect,
    keeper,
    authorize,
    reasonOf,
    advance: (ms: number) => (now += ms),
    config: (id: string) => (id === 'ml1' ? CONFIG : null),
  }
}

describe('Connect with Mercado Livre', () => {
  it('start → authorize → complete stores the grant with the seller and site; the state is used once', async () => {
    const s = setup()
    const url = new URL(await s.connect.start('ml1', CONFIG))

    expect(url.host).toBe('auth.mercadolivre.com.br')
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    const params = await s.authorize(url.toString())

    expect(await s.connect.complete(params, s.config)).toEqual({
      marketplaceId: 'ml1',
      sellerId: String(SELLER_ID),
    })
    expect(await s.keeper('ml1').record()).toMatchObject({
      state: 'CONNECTED',
      grant: { extra: { userId: String(SELLER_ID), siteId: 'MLB' } },
    })
    expect(await s.kv.get(oauthStatePath(params.state))).toBeNull()
    // The same return again: the state is gone.
    expect(await s.reasonOf(s.connect.complete(params, s.config))).toBe(
      'OAUTH_STATE_MISMATCH'
    )
  })

  it('refuses a state it did not issue, a malformed one and an expired one; nothing stored', async () => {
    const s = setup()

    expect(
      await s.reasonOf(
        s.connect.complete({ state: 'x'.repeat(20), code: 'TG-1' }, s.config)
      )
    ).toBe('OAUTH_STATE_MISMATCH')
    expect(
      await s.reasonOf(
        s.connect.complete(
          { state: '../v2/grants/ml1', code: 'TG-1' },
          s.config
        )
      )
    ).toBe('INVALID_OAUTH_STATE')
    expect(
      await s.reasonOf(s.connect.complete({ code: 'TG-1' }, s.config))
    ).toBe('INVALID_OAUTH_STATE')

    const params = await s.authorize(await s.connect.start('ml1', CONFIG))

    s.advance(OAUTH_STATE_TTL_MS + 1)
    expect(await s.reasonOf(s.connect.complete(params, s.config))).toBe(
      'OAUTH_STATE_EXPIRED'
    )
    expect(await s.keeper('ml1').record()).toBeNull()
  })

  it('a denial, a marketplace removed meanwhile and a refused code each say why; nothing stored', async () => {
    const s = setup()

    await ml.control('/authorization', { action: 'deny-next' })
    const denied = await s.authorize(await s.connect.start('ml1', CONFIG))

    expect(await s.reasonOf(s.connect.complete(denied, s.config))).toBe(
      'OAUTH_DENIED'
    )

    const gone = await s.authorize(await s.connect.start('ml1', CONFIG))

    expect(await s.reasonOf(s.connect.complete(gone, () => null))).toBe(
      'MARKETPLACE_NOT_FOUND'
    )

    const wrongSecret = await s.authorize(await s.connect.start('ml1', CONFIG))

    expect(
      await s.reasonOf(
        s.connect.complete(wrongSecret, () => ({
          ...CONFIG,
          clientSecret: 'not-the-secret',
        }))
      )
    ).toBe('CLIENT_CREDENTIALS_REFUSED')
    expect(await s.keeper('ml1').record()).toBeNull()
  })
})
