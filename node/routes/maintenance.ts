import { bridgeQueue, maintain } from '../bridge'
import { requireAdmin } from './auth'

/**
 * POST /_v/private/marketplace-bridge/maintenance: runs the maintenance pass
 * now (carrier checks that are due, count compaction, retention, quiet bulk
 * actions). Meant for VTEX's scheduler (every 30 min, docs/README.md) on
 * stores with few events; the pass also runs after event handlers.
 */
export async function runMaintenance(ctx: Context) {
  await requireAdmin(ctx)
  const queue = await bridgeQueue(ctx.clients)
  const swept = await queue.sweep()

  await maintain(ctx.clients, queue)
  ctx.status = 200
  ctx.set('Cache-Control', 'no-store')
  ctx.body = { ok: true, resentJobs: swept }
}
