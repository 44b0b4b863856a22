import type {
  AdapterContext,
  AdapterOutcome,
  Exchange,
  HttpRequest,
  HttpResponse,
  TokenFailure,
} from '../adapter'
import { errorOutcome } from './answers'
import type { MercadoLivreConfig } from './config'
import { refresher } from './oauth'
import { REASONS } from './reasons'

/**
 * The calls of one operation, made as the connected seller: the TokenKeeper
 * hands out the access token (refreshing it at most once everywhere), a 401
 * invalidates it and the call is made once more with a fresh one. Every call
 * is kept as an Exchange for the log; the token refresh is not (secrets).
 * Token failures are thrown as TokenFailure and turned into outcomes by
 * `tokenOutcome`.
 */
export class Session {
  public readonly exchanges: Exchange[] = []
  private token: string | null = null
  private retried = false

  constructor(private ctx: AdapterContext<MercadoLivreConfig>) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    let token = await this.accessToken()
    let res = await this.call(request, token)

    if (res.status === 401 && !this.retried) {
      this.retried = true
      await this.ctx.tokens.invalidate(token)
      this.token = null
      token = await this.accessToken()
      res = await this.call(request, token)
    }

    return res
  }

  private async accessToken() {
    if (!this.token) {
      const { config } = this.ctx.marketplace

      this.token = await this.ctx.tokens.accessToken(
        refresher(config, (r) => this.ctx.http.send(r), this.ctx.now)
      )
    }

    return this.token
  }

  private async call(request: HttpRequest, token: string) {
    const res = await this.ctx.http.send({
      ...request,
      headers: { ...(request.headers ?? {}), authorization: `Bearer ${token}` },
    })

    this.exchanges.push(exchangeOf(request, res))

    return res
  }
}

function exchangeOf(request: HttpRequest, res: HttpResponse): Exchange {
  const query = request.query
    ? `?${new URLSearchParams(request.query).toString()}`
    : ''

  return {
    request: {
      method: request.method,
      url: `${request.url}${query}`,
      body: request.body === undefined ? null : JSON.stringify(request.body),
    },
    response: {
      status: res.status,
      body:
        res.body == null
          ? res.networkError ?? null
          : typeof res.body === 'string'
          ? res.body
          : JSON.stringify(res.body),
    },
  }
}

/** Why no call could be made as the seller, as an outcome. */
export function tokenOutcome(e: TokenFailure): AdapterOutcome {
  const message = e.businessMessage ?? e.message

  switch (e.code) {
    case 'NOT_CONNECTED':
      return errorOutcome(REASONS.NOT_CONNECTED, undefined, message)

    case 'GRANT_REVOKED':
      return errorOutcome(
        e.revokedReason === 'DISCONNECTED'
          ? REASONS.DISCONNECTED
          : REASONS.AUTHORIZATION_REVOKED,
        undefined,
        message
      )

    case 'CLIENT_REFUSED':
      return errorOutcome(
        REASONS.CLIENT_CREDENTIALS_REFUSED,
        undefined,
        message
      )

    default:
      return errorOutcome(REASONS.TOKEN_REFRESH_FAILED, undefined, message, {
        retryAfterMs: e.retryAfterMs ?? null,
      })
  }
}
