import { createHash, randomBytes } from 'crypto'

import { DomainError } from '../domain/errors'
import type { GrantRecord } from '../domain/grant'
import { disconnected, marketplaceAnswered, usable } from '../domain/grant'
import type { OAuthStateRecord } from '../domain/oauthState'
import {
  OAUTH_STATE_RE,
  checkOAuthState,
  oauthStatePath,
} from '../domain/oauthState'
import type { HttpTransport, StoredGrant } from '../marketplaces/adapter'
import type { MercadoLivreConfig } from '../marketplaces/mercadolivre/config'
import {
  authorizationUrl,
  codeExchangeRequest,
  readCallback,
  readTokenAnswer,
  refresher,
} from '../marketplaces/mercadolivre/oauth'
import type { RevokeAnswer } from '../marketplaces/mercadolivre/revoke'
import {
  readRevokeAnswer,
  revokeRequest,
} from '../marketplaces/mercadolivre/revoke'
import type { KeyValueStore } from './storage'
import { isPreconditionFailed } from './storage'

export interface ConnectDeps {
  /** The logs bucket (pending states under v2/oauth/). */
  kv: KeyValueStore
  http: HttpTransport
  /** The marketplace's token keeper (services/tokenKeeper.ts). */
  keeper(marketplaceId: string): {
    connect(grant: StoredGrant): Promise<void>
    change(
      fn: (r: GrantRecord) => GrantRecord | null
    ): Promise<GrantRecord | null>
  }
  now(): number
  /** URL-safe random text of `bytes` random bytes (tests fix it). */
  random?(bytes: number): string
}

export interface Connected {
  marketplaceId: string
  /** Mercado Livre's user id of the seller who authorized. */
  sellerId: string
}

export interface Disconnected {
  marketplaceId: string
  /** Null: nothing was connected (nothing changed). */
  marketplace: RevokeAnswer | null
}

/** Why a connection did not happen, as the error contract's reasons. */
const failure = (
  reason: string,
  message: string,
  code: 'INVALID_ARGUMENT' | 'CONFLICT' | 'NOT_FOUND' = 'INVALID_ARGUMENT'
) => new DomainError(code, message, reason)

const TOKEN_FAILURES = {
  CLIENT_REFUSED: 'CLIENT_CREDENTIALS_REFUSED',
  GRANT_REVOKED: 'OAUTH_CODE_REFUSED',
  REFRESH_FAILED: 'ML_UNAVAILABLE',
  NOT_CONNECTED: 'OAUTH_CODE_REFUSED',
} as const

/**
 * Mercado Livre's Connect button (OAuth 2 authorization code with PKCE):
 * `start` keeps an unguessable state with the PKCE verifier and answers the
 * site's authorization URL; `complete` takes the seller's return to the
 * app's route, checks and consumes the state (once: two returns racing, one
 * wins), trades the code for a grant and stores it through the token keeper.
 * Nothing is stored when anything fails; every failure has its reason.
 */
export class MercadoLivreConnect {
  constructor(private readonly deps: ConnectDeps) {}

  private random(bytes: number) {
    return this.deps.random
      ? this.deps.random(bytes)
      : randomBytes(bytes).toString('base64url')
  }

  async start(
    marketplaceId: string,
    config: Pick<MercadoLivreConfig, 'clientId' | 'redirectUri' | 'siteId'>
  ): Promise<string> {
    const state = this.random(32)
    const record: OAuthStateRecord = {
      marketplaceId,
      createdAt: this.deps.now(),
      codeVerifier: this.random(48),
    }

    await this.deps.kv.put(oauthStatePath(state), record, { ifAbsent: true })

    return authorizationUrl(config, state, {
      codeChallenge: createHash('sha256')
        .update(record.codeVerifier)
        .digest('base64url'),
    })
  }

  async complete(
    params: Record<string, string | undefined>,
    configOf: (marketplaceId: string) => MercadoLivreConfig | null
  ): Promise<Connected> {
    const { state } = params

    if (!state || !OAUTH_STATE_RE.test(state))
      throw failure(
        'INVALID_OAUTH_STATE',
        'The OAuth state is missing or malformed.'
      )
    const path = oauthStatePath(state)
    const file = await this.deps.kv.get<OAuthStateRecord>(path)
    const check = checkOAuthState(state, file?.data ?? null, this.deps.now())

    if (!check.ok)
      throw failure(
        check.reason,
        `The OAuth state was refused (${check.reason}).`
      )
    // Used once: the first return to consume it goes on.
    try {
      await this.deps.kv.delete(path, { ifMatch: file!.etag })
    } catch (e) {
      if (!isPreconditionFailed(e)) throw e
      throw failure(
        'OAUTH_STATE_MISMATCH',
        'This authorization was already used.'
      )
    }

    const back = readCallback(params, state)

    if ('reason' in back)
      throw failure(
        back.reason,
        back.message ?? `Mercado Livre did not authorize (${back.reason}).`
      )
    const { marketplaceId, codeVerifier } = check.record
    const config = configOf(marketplaceId)

    if (!config)
      throw failure(
        'MARKETPLACE_NOT_FOUND',
        `Marketplace "${marketplaceId}" is no longer a Mercado Livre marketplace in the settings.`,
        'NOT_FOUND'
      )
    const answer = readTokenAnswer(
      await this.deps.http.send(
        codeExchangeRequest(config, back.code, codeVerifier)
      ),
      this.deps.now()
    )

    if (!answer.ok)
      throw failure(
        TOKEN_FAILURES[answer.failure],
        `Mercado Livre refused the authorization code: ${
          answer.businessMessage ?? answer.failure
        }`,
        answer.failure === 'REFRESH_FAILED' ? 'CONFLICT' : 'INVALID_ARGUMENT'
      )
    await this.deps.keeper(marketplaceId).connect({
      ...answer.grant,
      extra: { ...(answer.grant.extra ?? {}), siteId: config.siteId },
    })

    return { marketplaceId, sellerId: answer.userId }
  }

  /**
   * Disconnect: the grant is marked REVOKED (DISCONNECTED) first, so no job
   * gets a token from then on (each logs "connect again"; the grant and
   * everything else are kept); then Mercado Livre is asked, best-effort, to
   * drop the application's authorization, with the stored access token (or
   * one refresh when it expired: no job uses the refresh token any more), and
   * its answer is kept on this disconnect. A failure there changes nothing
   * here: the seller can still remove the application in their account.
   */
  async disconnect(
    marketplaceId: string,
    config: Pick<MercadoLivreConfig, 'clientId' | 'clientSecret'>
  ): Promise<Disconnected> {
    const keeper = this.deps.keeper(marketplaceId)
    const at = this.deps.now()
    const record = await keeper.change((r) => disconnected(r, at))

    if (!record) return { marketplaceId, marketplace: null }
    const answer = await this.revokeAtMercadoLivre(record.grant, config).catch(
      (e: unknown): RevokeAnswer => ({
        revoked: false,
        why: String((e as Error)?.message ?? e),
      })
    )

    await keeper.change((r) => marketplaceAnswered(r, at, answer.revoked))

    return { marketplaceId, marketplace: answer }
  }

  private async revokeAtMercadoLivre(
    grant: StoredGrant | null,
    config: Pick<MercadoLivreConfig, 'clientId' | 'clientSecret'>
  ): Promise<RevokeAnswer> {
    const userId = grant?.extra?.userId

    if (!grant || !userId)
      return {
        revoked: false,
        why: 'The stored authorization names no seller.',
      }
    const send = (r: Parameters<HttpTransport['send']>[0]) =>
      this.deps.http.send(r)

    const { accessToken } = usable(grant, this.deps.now(), 0)
      ? grant
      : await refresher(config, send, () => this.deps.now())(grant)

    if (!accessToken)
      return { revoked: false, why: 'Mercado Livre gave no access token.' }

    return readRevokeAnswer(
      await send(revokeRequest(config, userId, accessToken))
    )
  }
}
