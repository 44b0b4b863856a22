/**
 * One day of a connector's logs: the request, the answer mapped to records
 * (or what went wrong, with a stable reason), and the exchange for the log
 * (without its headers: they carry the credentials).
 */
import type { Exchange, HttpTransport } from '../adapter'
import type { MappedAnswer } from './messages'
import { mapAnswer } from './messages'
import type { PlannedRequest } from './plan'
import { logsRequest } from './request'
import type { PartnerConnectorConfig } from './settings'

export type CollectReason =
  | 'PARTNER_LOGS_REFUSED'
  | 'PARTNER_LOGS_NOT_FOUND'
  | 'PARTNER_LOGS_UNAVAILABLE'
  | 'PARTNER_LOGS_MALFORMED'

export type DayResult =
  | ({ ok: true; exchange: Exchange } & MappedAnswer)
  | {
      ok: false
      exchange: Exchange
      reason: CollectReason
      /** Trying again later may work (outage, throttling). */
      transient: boolean
    }

const text = (body: unknown) =>
  body == null || body === ''
    ? null
    : typeof body === 'string'
    ? body
    : JSON.stringify(body)

export async function collectDay(
  http: HttpTransport,
  c: PartnerConnectorConfig,
  target: { account: string; marketplace: string },
  planned: PlannedRequest
): Promise<DayResult> {
  const request = logsRequest(c, target.account, planned)
  const res = await http.send(request)
  const exchange: Exchange = {
    request: { method: request.method, url: request.url, body: null },
    response: { status: res.status, body: text(res.body) },
  }

  const s = res.status

  if (s == null || s === 429 || s >= 500)
    return {
      ok: false,
      exchange,
      reason: 'PARTNER_LOGS_UNAVAILABLE',
      transient: true,
    }
  if (s === 401 || s === 403)
    return {
      ok: false,
      exchange,
      reason: 'PARTNER_LOGS_REFUSED',
      transient: false,
    }
  if (s === 404)
    return {
      ok: false,
      exchange,
      reason: 'PARTNER_LOGS_NOT_FOUND',
      transient: false,
    }
  const mapped =
    s >= 200 && s < 300
      ? mapAnswer(res.body, {
          marketplace: target.marketplace,
          day: planned.dateAt,
        })
      : null

  return mapped
    ? { ok: true, exchange, ...mapped }
    : {
        ok: false,
        exchange,
        reason: 'PARTNER_LOGS_MALFORMED',
        transient: false,
      }
}
