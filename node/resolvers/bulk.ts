import type { BulkAction, BulkFilter } from '../domain/bulk'
import { progressOf } from '../domain/bulk'
import { parseTab } from '../domain/tabs'
import { bulkRunner } from '../bridge'
import { withErrors } from './errors'

const present = (a: BulkAction) => ({ ...a, progress: progressOf(a) })

export const bulkAction = withErrors(
  async (_: unknown, args: { id: string }, ctx: Context) => {
    // A query only reads: a running action progresses by its own events,
    // and the schedule's maintenance pass re-sends one that went quiet.
    const action = await (await bulkRunner(ctx.clients)).get(args.id)

    return action ? present(action) : null
  }
)

export const bulkActions = withErrors(
  async (_: unknown, args: { tab: string }, ctx: Context) =>
    (await (await bulkRunner(ctx.clients)).recent(parseTab(args.tab))).map(
      present
    )
)

interface StartArgs {
  input: {
    tab: string
    action: string
    ids?: string[] | null
    filter?: BulkFilter | null
  }
}

export const startBulkAction = withErrors(
  async (_: unknown, { input }: StartArgs, ctx: Context) =>
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

export const cancelBulkAction = withErrors(
  async (_: unknown, args: { id: string }, ctx: Context) =>
    present(await (await bulkRunner(ctx.clients)).cancel(args.id))
)

export const resumeBulkAction = withErrors(
  async (_: unknown, args: { id: string }, ctx: Context) =>
    present(await (await bulkRunner(ctx.clients)).resume(args.id))
)
