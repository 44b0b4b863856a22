import type { BulkAction } from '../domain/bulk'
import { progressOf } from '../domain/bulk'
import { parseTab } from '../domain/tabs'
import { bridgeQueue, bulkRunner, sweepIfDue } from '../bridge'
import { withErrors } from './errors'
import type { MutationFn, QueryFn } from './types'

const present = (a: BulkAction) => ({ ...a, progress: progressOf(a) })

/**
 * The admin polls a running action: let that also drive the maintenance
 * pass (at most every 15 s per process), which re-sends an action whose
 * chunk event was lost, even when no other event reaches the app.
 */
async function maintain(ctx: Context) {
  try {
    await sweepIfDue(await bridgeQueue(ctx.clients), ctx.clients)
  } catch (e) {
    ctx.vtex.logger.warn({ message: 'Maintenance failed', error: String(e) })
  }
}

export const bulkAction: QueryFn<'bulkAction'> = withErrors(
  async (_, args, ctx) => {
    const action = await (await bulkRunner(ctx.clients)).get(args.id)

    if (action?.status === 'RUNNING') await maintain(ctx)

    return action ? present(action) : null
  }
)

export const bulkActions: QueryFn<'bulkActions'> = withErrors(
  async (_, args, ctx) =>
    (await (await bulkRunner(ctx.clients)).recent(parseTab(args.tab))).map(
      present
    )
)

export const startBulkAction: MutationFn<'startBulkAction'> = withErrors(
  async (_, { input }, ctx) =>
    present(
      await (
        await bulkRunner(ctx.clients)
      ).start({
        tab: parseTab(input.tab),
        action: input.action,
        ids: input.ids ?? null,
        filter: input.filter ?? null,
      })
    )
)

export const cancelBulkAction: MutationFn<'cancelBulkAction'> = withErrors(
  async (_, args, ctx) =>
    present(await (await bulkRunner(ctx.clients)).cancel(args.id))
)

export const resumeBulkAction: MutationFn<'resumeBulkAction'> = withErrors(
  async (_, args, ctx) =>
    present(await (await bulkRunner(ctx.clients)).resume(args.id))
)
