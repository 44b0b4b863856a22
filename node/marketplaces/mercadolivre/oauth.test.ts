import { createHash } from 'crypto'

import { isDomainError } from '../../domain/errors'
import { StoredTokenKeeper } from '../../services/tokenKeeper'
import { MemoryStorage } from '../../test/memoryStorage'
import { CONFIG } from './testing/context'
import type { RunningEmulator } from './testing/emulator'
import { SELLER_ID, startMercadoLivre } from './testing/emulator'
import {
  authorizationUrl,
  codeExchangeRequest,
  readCallback,
  readTokenAnswer,
  refreshRequest,
} from './oauth'

const STATE = 'st4te-0123456789abcdef'

describe('authorization helpers', () => {
  it("builds the site's authorization URL with the caller's state", () => {
    const url = new URL(authorizationUrl(CONFIG, STATE))

    expect(`${url.origin}${url.pathname}`).toBe(
      'https://auth.mercadolivre.com.br/authorization'
    )
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: '5551234567890123',
      redirect_uri:
        'https://localhost/_v/marketplace-bridge/oauth/mercadolivre',
      state: STATE,
    })
    expect(
      new URL(authorizationUrl({ ...CONFIG, siteId: 'MLA' }, STATE)).host
    ).toBe('auth.mercadolibre.com.ar')
  })

  it('refuses a guessable or unsafe state', () => {
    for (const state of [
      '',
      'short',
      'has spaces in it, sixteen+',
      'a&b=c-0123456789abcdef',
    ]) {
      let error: unknown

      try {
        authorizationUrl(CONFIG, state)
      } catch (e) {
        error = e
      }

      expect(isDomainError(error) && error.reason).toBe('INVALID_OAUTH_STATE')
    }
  })

  it('reads the return to the redirect URI, checking the state', () => {
    expect(readCallback({ code: 'TG-1', state: STATE }, STATE)).toEqual({
      code: 'TG-1',
    })
    expect(readCallback({ code: 'TG-1', state: 'other' }, STATE)).toMatchObject(
      { reason: 'OAUTH_STATE_MISMATCH' }
    )
    expect(
      readCallback({ error: 'access_denied', state: STATE }, STATE)
    ).toMatchObject({ reason: 'OAUTH_DENIED' })
    expect(readCallback({ state: STATE }, STATE)).toMatchObject({
      reason: 'OAUTH_CODE_MISSING',
    })
  })

  it('builds form-encoded token requests', () => {
    expect(codeExchangeRequest(CONFIG, 'TG-code')).toEqual({
      method: 'POST',
      url: 'https://api.mercadolibre.com/oauth/token',
      headers: { accept: 'application/json' },
      form: true,
      body: {
        grant_type: 'authorization_code',
        client_id: '5551234567890123',
        client_secret: 'emulator-client-secret',
        code: 'TG-code',
        redirect_uri:
          'https://localhost/_v/marketplace-bridge/oauth/mercadolivre',
      },
    })
    expect(refreshRequest(CONFIG, 'TG-r').body).toEqual({
      grant_type: 'refresh_token',
      client_id: '5551234567890123',
      client_secret: 'emulator-client-secret',
      refresh_token: 'TG-r',
    })
  })

  it('reads token answers: a grant valid 6 h, or why there is none', () => {
    const now = 1_000_000
    const ok = readTokenAnswer(
      {
        status: 200,
        headers: {},
        body: {
          access_token: 'APP_USR-1',
          token_type: 'Bearer',
          expires_in: 21600,
          scope: 'offline_access read write',
          user_id: 42,
          refresh_token: 'TG-2',
        },
      },
      now
    )

    expect(ok).toEqual({
      ok: true,
      userId: '42',
      grant: {
        accessToken: 'APP_USR-1',
        expiresAt: now + 21_600_000,
        refreshToken: 'TG-2',
        extra: { userId: '42', scope: 'offline_access read write' },
      },
    })
    const fail = (status: number | null, body: unknown) =>
      readTokenAnswer({ status, headers: {}, body }, now)

    expect(fail(400, { error: 'invalid_grant', message: 'x' })).toMatchObject({
      ok: false,
      failure: 'GRANT_REVOKED',
    })
    expect(fail(400, { error: 'invalid_client', message: 'x' })).toMatchObject({
      ok: false,
      failure: 'CLIENT_REFUSED',
    })
    expect(fail(429, {})).toMatchObject({
      ok: false,
      failure: 'REFRESH_FAILED',
    })
    expect(fail(null, null)).toMatchObject({
      ok: false,
      failure: 'REFRESH_FAILED',
    })
    expect(fail(200, { access_token: 'x' })).toMatchObject({
      ok: false,
      failure: 'REFRESH_FAILED',
    })
  })
})

describe('the OAuth flow against the emulator', () => {
  let ml: RunningEmulator

  beforeEach(async () => {
    ml = await startMercadoLivre()
  })

  afterEach(() => ml.close())

  it('authorizes, exchanges the code once, and stores the grant with the seller id', async () => {
    const verifier = 'verifier-0123456789-0123456789-0123456789-0123'
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    const page = await ml.transport.send({
      method: 'GET',
      url: authorizationUrl(CONFIG, STATE, { codeChallenge: challenge }),
    })

    expect(page.status).toBe(302)
    const back = new URL(page.headers.location)

    expect(`${back.origin}${back.pathname}`).toBe(CONFIG.redirectUri)
    const callback = readCallback(Object.fromEntries(back.searchParams), STATE)

    if (!('code' in callback)) throw new Error('no code')
    const exchange = codeExchangeRequest(CONFIG, callback.code, verifier)
    const answer = readTokenAnswer(
      await ml.transport.send(exchange),
      Date.now()
    )

    expect(answer).toMatchObject({ ok: true, userId: String(SELLER_ID) })
    const keeper = new StoredTokenKeeper(new MemoryStorage(), 'ml1')

    if (answer.ok) await keeper.connect(answer.grant)
    expect(await keeper.record()).toMatchObject({
      state: 'CONNECTED',
      grant: { extra: { userId: String(SELLER_ID) } },
    })

    // A code is single-use.
    expect(
      readTokenAnswer(await ml.transport.send(exchange), Date.now())
    ).toMatchObject({
      ok: false,
      failure: 'GRANT_REVOKED',
    })
  })

  it('refuses a redirect URI the application did not register, and reports a denial', async () => {
    const wrong = await ml.transport.send({
      method: 'GET',
      url: authorizationUrl(
        { ...CONFIG, redirectUri: 'https://evil.example/cb' },
        STATE
      ),
    })

    expect(wrong.status).toBe(400)
    await ml.control('/authorization', { action: 'deny-next' })
    const denied = await ml.transport.send({
      method: 'GET',
      url: authorizationUrl(CONFIG, STATE),
    })

    const back = new URL(denied.headers.location)

    expect(
      readCallback(Object.fromEntries(back.searchParams), STATE)
    ).toMatchObject({ reason: 'OAUTH_DENIED' })
  })

  it('rotates the refresh token and refuses a consumed one with invalid_grant, as ML does', async () => {
    const first = await ml.control('/grant', {})
    const send = (token: string) =>
      ml.transport.send(refreshRequest(CONFIG, token))

    const renewed = await send(first.refresh_token)

    expect(renewed.status).toBe(200)
    expect((renewed.body as { refresh_token: string }).refresh_token).not.toBe(
      first.refresh_token
    )
    const reused = await send(first.refresh_token)

    expect(reused).toMatchObject({
      status: 400,
      body: {
        message:
          'Error validating grant. Your authorization code or refresh token may be expired or it was already used',
        error: 'invalid_grant',
        status: 400,
        cause: [],
      },
    })
  })

  it('refuses a token request that is not form-encoded or lacks a field', async () => {
    const json = await ml.transport.send({
      ...refreshRequest(CONFIG, 'TG-x'),
      form: false,
    })

    const missing = await ml.transport.send({
      ...refreshRequest(CONFIG, 'TG-x'),
      body: { grant_type: 'refresh_token', client_id: CONFIG.clientId },
    })

    expect(json).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    })
    expect(missing).toMatchObject({
      status: 400,
      body: {
        message: 'Missing required parameters: client_secret, refresh_token',
      },
    })
  })
})
