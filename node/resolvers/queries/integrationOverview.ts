import { parseTab } from '../../domain/tabs'
import { logStore } from '../../bridge'
import { withErrors } from '../errors'
import { presentOverview } from '../present'

export const integrationOverview = withErrors(
  async (_: unknown, args: { tab: string }, ctx: Context) => {
    const tab = parseTab(args.tab)

    return presentOverview(tab, await logStore(ctx.clients).overview(tab))
  }
)
