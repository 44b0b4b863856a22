import { parseTab } from '../../domain/tabs'
import { logStore } from '../../bridge'
import { withErrors } from '../errors'

export const errorGroups = withErrors(
  async (_: unknown, args: { tab: string }, ctx: Context) =>
    logStore(ctx.clients).errorGroups(parseTab(args.tab))
)
