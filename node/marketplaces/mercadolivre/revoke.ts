import type { HttpRequest, HttpResponse } from '../adapter'
import { businessMessage, is2xx } from './answers'
import type { MercadoLivreConfig } from './config'
import { API } from './config'

/**
 * Mercado Livre's "Revoke user authorization" (developers' Application
 * manager page): `DELETE /users/{user_id}/applications/{app_id}` with the
 * seller's access token drops the application's authorization and every
 * token it issued. Pure request builder and answer reader; the Disconnect
 * (services/mercadoLivreConnect.ts) calls it best-effort, after the grant is
 * already revoked in VBase.
 */
export function revokeRequest(
  config: Pick<MercadoLivreConfig, 'clientId'>,
  userId: string,
  accessToken: string
): HttpRequest {
  return {
    method: 'DELETE',
    url: `${API}/users/${encodeURIComponent(
      userId
    )}/applications/${encodeURIComponent(config.clientId)}`,
    headers: {
      accept: 'application/json',
      authorization: `Bearer ${accessToken}`,
    },
  }
}

export type RevokeAnswer =
  | { revoked: true }
  /** ML could not be told (or refused): why, in its words when it answered. */
  | { revoked: false; why: string }

/**
 * What ML's answer to the revocation means: any 2xx is done (the body is not
 * relied on); a 404 too — the application holds no authorization of this
 * seller any more. Anything else (401: the token is no longer good; 403;
 * 429; 5xx; no answer) leaves the authorization on ML's side.
 */
export function readRevokeAnswer(res: HttpResponse): RevokeAnswer {
  if (is2xx(res) || res.status === 404) return { revoked: true }
  if (res.status == null)
    return {
      revoked: false,
      why: `Mercado Livre could not be reached: ${
        res.networkError ?? 'no answer'
      }`,
    }

  return {
    revoked: false,
    why: `Mercado Livre answered HTTP ${res.status}${
      businessMessage(res.body) ? `: ${businessMessage(res.body)}` : ''
    }`,
  }
}
