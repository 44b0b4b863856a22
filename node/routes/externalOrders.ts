import { isDomainError } from '../domain/errors'
import { parseExternalOrder } from '../domain/vtexTracking'
import { vtexTracking } from '../bridge'
import { partnerAuthorized, readJson } from './partner'

/**
 * POST /_v/marketplace-bridge/tracking/orders (docs/vtex-tracking.md)
 * Orders from outside VTEX's OMS (ERP, physical stores) for VTEX Tracking.
 * Same bearer token as the partner interface. An order routed outside VTEX
 * Tracking is kept until a later post says it is routed (202).
 */
export async function externalOrders(ctx: Context) {
  if (!(await partnerAuthorized(ctx))) return
  try {
    const order = parseExternalOrder(await readJson(ctx))
    const importer = await vtexTracking(ctx.clients)

    if (!importer.enabled) {
      ctx.status = 409
      ctx.body = { error: 'VTEX Tracking is off in the app settings.' }

      return
    }

    const result = await importer.importExternal(order)

    ctx.status =
      result === 'WAITING_FOR_ROUTING' ? 202 : result === 'FAILED' ? 502 : 200
    ctx.body = { orderId: order.orderId, result }
  } catch (e) {
    if (!isDomainError(e)) throw e
    ctx.status = 400
    ctx.body = { error: e.message }
  }
}
