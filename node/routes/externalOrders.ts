import {
  EXTERNAL_ORDER_LIMITS,
  parseExternalOrder,
} from '../domain/externalOrder'
import { routeError } from '../domain/routeErrors'
import { rootOf } from '../composition/root'
import { clock } from '../services/clock'
import { readJson } from './body'
import { answer } from './contract'
import { partnerAuthorized } from './partner'

/**
 * POST /_v/marketplace-bridge/tracking/orders (docs/partner-interface.md)
 * Orders from outside VTEX's OMS (ERP, physical stores) for VTEX Tracking.
 * Same bearer token as the partner interface. The order is validated against
 * VTEX Tracking's limits before anything is stored (400 with every field);
 * one routed outside VTEX Tracking is kept until a later post says it is
 * routed (202); 409 when VTEX Tracking is off.
 */
export async function externalOrders(ctx: Context) {
  if (!(await partnerAuthorized(ctx))) return
  const order = parseExternalOrder(
    await readJson(ctx, EXTERNAL_ORDER_LIMITS.maxBodyBytes),
    new Date(clock.now()).toISOString()
  )

  const importer = await rootOf(ctx.clients).vtexTracking()

  if (!importer.enabled) {
    return answer(
      ctx,
      routeError(
        409,
        'CONFLICT',
        'VTEX_TRACKING_OFF',
        'VTEX Tracking is off in the app settings; nothing changed.'
      )
    )
  }

  const result = await importer.importExternal(order)

  ctx.status =
    result === 'WAITING_FOR_ROUTING' ? 202 : result === 'FAILED' ? 502 : 200
  ctx.body = { orderId: order.orderId, result }
}
