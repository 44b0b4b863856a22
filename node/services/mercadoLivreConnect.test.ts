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

describe('Disconnect from Mercado Livre', () => {
  async function connected(s: ReturnType<typeof setup>) {
    const params = await s.authorize(await s.connect.start('ml1', CONFIG))

    await s.connect.complete(params, s.config)

    return (await s.keeper('ml1').record())!.grant!
  }

  const works = async (token: string) =>
    (
      await ml.transport.send({
        method: 'GET',
        url: 'https://api.mercadolibre.com/items/MLB1000000001',
        headers: { authorization: `Bearer ${token}` },
      })
    ).status === 200

  it('revokes at once here, then at Mercado Livre; the grant is kept, marked', async () => {
    const s = setup()
    const grant = await connected(s)

    expect(await works(grant.accessToken!)).toBe(true)
    expect(await s.connect.disconnect('ml1', CONFIG)).toEqual({
      marketplaceId: 'ml1',
      marketplace: { revoked: true },
    })
    expect(await s.keeper('ml1').record()).toMatchObject({
      state: 'REVOKED',
      revoked: { reason: 'DISCONNECTED', marketplaceRevoked: true },
      grant,
    })
    const requests = (await ml.control('/requests')) as Array<{
      method: string
      path: string
    }>

    expect(requests.at(-1)).toMatchObject({
      method: 'DELETE',
      path: `/users/${SELLER_ID}/applications/${CONFIG.clientId}`,
    })
    // Mercado Livre refuses the application's tokens from then on.
    expect(await works(grant.accessToken!)).toBe(false)
  })

  it('with an expired token, refreshes once to tell Mercado Livre', async () => {
    const s = setup()

    await connected(s)
    s.advance(7 * 3600_000)
    const before = ml.emulator.oauth.refreshCalls

    expect((await s.connect.disconnect('ml1', CONFIG)).marketplace).toEqual({
      revoked: true,
    })
    expect(ml.emulator.oauth.refreshCalls).toBe(before + 1)
  })

  it('Mercado Livre unreachable: disconnected here all the same, and said so', async () => {
    const s = setup()

    await connected(s)
    await ml.control('/fault', { status: 503, body: { message: 'down' } })
    const done = await s.connect.disconnect('ml1', CONFIG)

    expect(done.marketplace).toEqual({
      revoked: false,
      why: 'Mercado Livre answered HTTP 503: down',
    })
    expect(await s.keeper('ml1').record()).toMatchObject({
      state: 'REVOKED',
      revoked: { reason: 'DISCONNECTED', marketplaceRevoked: false },
    })
  })

  it('nothing connected: nothing written, nobody called; connecting again works', async () => {
    const s = setup()
    const calls = async () =>
      ((await ml.control('/requests')) as unknown[]).length

    const before = await calls()

    expect(await s.connect.disconnect('ml1', CONFIG)).toEqual({
      marketplaceId: 'ml1',
      marketplace: null,
    })
    expect(await s.keeper('ml1').record()).toBeNull()
    expect(await calls()).toBe(before)

    await connected(s)
    await s.connect.disconnect('ml1', CONFIG)
    await connected(s)
    expect(await s.keeper('ml1').record()).toMatchObject({
      state: 'CONNECTED',
      revoked: null,
      previous: [{ state: 'REVOKED', revoked: { reason: 'DISCONNECTED' } }],
    })
  })
})
