import { PARTNER_LIMITS, parsePartnerUpdate } from '../domain/partner'
import { routeError } from '../domain/routeErrors'
import { rootOf } from '../composition/root'
import { clock } from '../services/clock'
import { bearerMatches } from './auth'
import { readJson } from './body'
import { answer } from './contract'

/**
 * Refuses (401) any caller without the partnerToken bearer token, before
 * the body is read.
 */
export async function partnerAuthorized(ctx: Context) {
  const settings = await rootOf(ctx.clients).settings()

  ctx.set('Cache-Control', 'no-store')
  if (!settings.partnerToken) {
    answer(
      ctx,
      routeError(
        401,
        'UNAUTHENTICATED',
        'PARTNER_INTERFACE_OFF',
        'The partner interface is off: set partnerToken in the app settings.'
      )
    )

    return false
  }

  if (!bearerMatches(ctx.get('authorization'), settings.partnerToken)) {
    ctx.set('WWW-Authenticate', 'Bearer')
    answer(
      ctx,
      routeError(
        401,
        'UNAUTHENTICATED',
        'PARTNER_TOKEN_INVALID',
        'Missing or wrong partner token.'
      )
    )

    return false
  }

  return true
}

/**
 * POST /_v/marketplace-bridge/partner/tracking (docs/partner-interface.md)
 * A carrier or logistics partner posts an order's events beyond Invoiced.
 * Refusals follow the route error contract (routes/contract.ts): 401, 415,
 * 413, 400 (invalid fields), 404 (unknown order), 422 (order not invoiced,
 * another order's invoice, an invoice VTEX cannot address); a refused post
 * sends nothing and writes nothing (except the "/" invoice, which is
 * logged on the order so the store sees why).
 */
export async function partnerTracking(ctx: Context) {
  if (!(await partnerAuthorized(ctx))) return
  const body = await readJson(ctx, PARTNER_LIMITS.maxBodyBytes)
  const update = parsePartnerUpdate(body, clock.now())
  const result = await (await rootOf(ctx.clients).carrier()).partner(update)

  ctx.status = 200
  ctx.body = { orderId: update.orderId, ...result }
}
