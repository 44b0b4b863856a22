/**
 * The request for one day of a connector's logs (VTEX's standard:
 * `{urlBase}/{vtexaccount}/logs/?DateAt=yyyy-mm-dd&status=…`), with the
 * credentials the store set for the connector.
 */
import type { HttpRequest } from '../adapter'
import type { PlannedRequest } from './plan'
import type { PartnerConnectorConfig } from './settings'

export function logsRequest(
  c: PartnerConnectorConfig,
  account: string,
  planned: PlannedRequest
): HttpRequest {
  const query = new URLSearchParams({
    DateAt: planned.dateAt,
    status: planned.status,
  })

  const auth: Record<string, string> =
    c.auth === 'bearer'
      ? { authorization: `Bearer ${c.bearerToken ?? ''}` }
      : {
          'x-vtex-api-appkey': c.appKey ?? '',
          'x-vtex-api-apptoken': c.appToken ?? '',
        }

  return {
    method: 'GET',
    url: `${c.logBaseUrl}/${encodeURIComponent(account)}/logs/?${query}`,
    headers: { accept: 'application/json', ...auth },
  }
}
