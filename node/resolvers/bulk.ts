import type { BulkAction } from '../domain/bulk'
import { progressOf } from '../domain/bulk'
import { parseTab } from '../domain/tabs'
import { rootOf } from '../composition/root'
import { withErrors } from './errors'
import type { MutationFn, QueryFn } from './types'

const present = (a: BulkAction) => ({ ...a, progress: progressOf(a) })

export const bulkAction: QueryFn<'bulkAction'> = withErrors(
  async (_, args, ctx) => {
    // A query only reads: a running action progresses by its own events,
    // and the schedule's maintenance pass re-sends one that went quiet.
    const action = await (await rootOf(ctx.clients).bulk()).get(args.id)

    return action ? present(action) : null
  }
)

export const bulkActions: QueryFn<'bulkActions'> = withErrors(
  async (_, args, ctx) =>
    (await (await rootOf(ctx.clients).bulk()).recent(parseTab(args.tab))).map(
      present
    )
)

export const startBulkAction: MutationFn<'startBulkAction'> = withErrors(
  async (_, { input }, ctx) =>
    present(
      await (
        await rootOf(ctx.clients).bulk()
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
    present(await (await rootOf(ctx.clients).bulk()).cancel(args.id))
)

export const resumeBulkAction: MutationFn<'resumeBulkAction'> = withErrors(
  async (_, args, ctx) =>
    present(await (await rootOf(ctx.clients).bulk()).resume(args.id))
)
