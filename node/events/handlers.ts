import type { EventContext } from '@vtex/api'

import { isDomainError } from '../domain/errors'
import {
  bulkEventOf,
  catalogNotificationOf,
  jobEventOf,
  orderStatusEventOf,
} from '../domain/events'
import type { Clients } from '../clients'
import { rootOf } from '../composition/root'

type Ctx = EventContext<Clients>

/**
 * Thin wrappers: read the body (domain/events.ts), hand it to the queue.
 * A body that can never succeed (malformed, oversized, a job that does not
 * exist…) is acknowledged and logged as a warning, never retried; anything
 * else that fails throws, so the platform delivers the event again. The
 * tail repairs the maintenance schedule if it went missing (checked at most
 * every 10 minutes per process); maintenance itself runs on the schedule.
 */
export async function handle<T>(
  ctx: Ctx,
  what: string,
  read: (body: unknown) => T,
  work: (input: T) => Promise<unknown>
) {
  try {
    await work(read(ctx.body))
  } catch (e) {
    if (!isDomainError(e)) throw e
    ctx.vtex.logger.warn({
      message: `${what} acknowledged without effect: ${e.message}`,
      reason: e.reason,
      fields: e.fields,
      sender: ctx.sender,
      key: ctx.key,
    })
  }

  await rootOf(ctx.clients)
    .schedule.ensure()
    .catch((e) =>
      ctx.vtex.logger.warn({
        message: 'The maintenance schedule could not be checked',
        error: e instanceof Error ? e.message : String(e),
      })
    )
}

/** vtex.broadcaster catalog notifications: products and inventory. */
export const onCatalogChange = (ctx: Ctx) =>
  handle(ctx, 'Catalog notification', catalogNotificationOf, async (n) =>
    (await rootOf(ctx.clients).queue()).onCatalogChange(n)
  )

/** vtex.orders-broadcast status changes: tracking. */
export const onOrderStatus = (ctx: Ctx) =>
  handle(ctx, 'Order status change', orderStatusEventOf, async (event) => {
    const result = await (
      await rootOf(ctx.clients).queue()
    ).onOrderStatus(event)

    if (event.currentState === 'invoiced')
      await rootOf(ctx.clients).onInvoiced(event.orderId)

    return result
  })

/** The app's own job events: exports and reprocesses. */
export const runJob = (ctx: Ctx) =>
  handle(ctx, 'Job event', jobEventOf, async ({ jobId }) =>
    (await rootOf(ctx.clients).queue()).run(jobId)
  )

/** The app's own bulk-action events: one chunk each. */
export const runBulk = (ctx: Ctx) =>
  handle(ctx, 'Bulk event', bulkEventOf, async ({ bulkId }) =>
    (await rootOf(ctx.clients).bulk()).runChunk(bulkId)
  )
