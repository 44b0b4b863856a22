import { createHash, randomBytes } from 'crypto'

import { DomainError } from '../domain/errors'
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
} from '../marketplaces/mercadolivre/oauth'
import type { KeyValueStore } from './storage'
import { isPreconditionFailed } from './storage'

export interface ConnectDeps {
  /** The logs bucket (pending states under v2/oauth/). */
  kv: KeyValueStore
  http: HttpTransport
  /** The marketplace's token keeper (services/tokenKeeper.ts). */
  keeper(marketplaceId: string): { connect(grant: StoredGrant): Promise<void> }
  now(): number
  /** URL-safe random text of `bytes` random bytes (tests fix it). */
  random?(bytes: number): string
}

export interface Connected {
  marketplaceId: string
  /** Mercado Livre's user id of the seller who authorized. */
  sellerId: string
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
}
