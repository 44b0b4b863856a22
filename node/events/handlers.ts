import type { EventContext } from '@vtex/api'

import { invalidArgument, isDomainError } from '../domain/errors'
import type { BroadcasterNotification, OrderStatusEvent } from '../domain/vtex'
import type { Clients } from '../clients'
import { bridgeQueue, bulkRunner, sweepIfDue, onInvoiced } from '../bridge'

type Ctx = EventContext<Clients>

/**
 * Thin wrappers: parse, hand to the queue, sweep. A malformed event is logged
 * and acknowledged (retrying it could never succeed); anything else throws so
 * the platform delivers it again.
 */
async function handle(
  ctx: Ctx,
  what: string,
  work: (queue: Awaited<ReturnType<typeof bridgeQueue>>) => Promise<unknown>
) {
  const queue = await bridgeQueue(ctx.clients)

  try {
    await work(queue)
  } catch (e) {
    if (!isDomainError(e)) throw e
    ctx.vtex.logger.warn({
      message: `${what} ignored: ${e.message}`,
      body: ctx.body,
    })
  }

  await sweepIfDue(queue, ctx.clients)
}

/** vtex.broadcaster catalog notifications: products and inventory. */
export const onCatalogChange = (ctx: Ctx) =>
  handle(ctx, 'Catalog notification', (q) =>
    q.onCatalogChange(ctx.body as BroadcasterNotification)
  )

/** vtex.orders-broadcast status changes: tracking. */
export const onOrderStatus = (ctx: Ctx) =>
  handle(ctx, 'Order status change', async (q) => {
    const event = ctx.body as OrderStatusEvent
    const result = await q.onOrderStatus(event)

    if (event.currentState === 'invoiced')
      await onInvoiced(ctx.clients, event.orderId)

    return result
  })

/** The app's own job events: exports and reprocesses. */
export const runJob = (ctx: Ctx) =>
  handle(ctx, 'Job', (q) => {
    const { jobId } = (ctx.body ?? {}) as { jobId?: unknown }

    if (typeof jobId !== 'string' || jobId === '')
      throw invalidArgument('Job event without a jobId')

    return q.run(jobId)
  })

/** The app's own bulk-action events: one chunk each. */
export async function runBulk(ctx: Ctx) {
  const { bulkId } = (ctx.body ?? {}) as { bulkId?: unknown }

  if (typeof bulkId !== 'string' || bulkId === '') {
    ctx.vtex.logger.warn({
      message: 'Bulk event without a bulkId',
      body: ctx.body,
    })

    return
  }

  try {
    await (await bulkRunner(ctx.clients)).runChunk(bulkId)
  } catch (e) {
    if (!isDomainError(e)) throw e
    ctx.vtex.logger.warn({ message: `Bulk chunk ignored: ${e.message}` })
  }
}
