import { parseTab } from '../../domain/tabs'
import { bridge } from '../../bridge'
import { withErrors } from '../errors'
import { presentOverview } from '../present'

export const integrationOverview = withErrors(async (_: unknown, args: { tab: string }, ctx: Context) => {
  const tab = parseTab(args.tab)
  return presentOverview(tab, await bridge(ctx.clients).logs.overview(tab))
})
