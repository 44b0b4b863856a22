import { parseTab } from '../../domain/tabs'
import { rootOf } from '../../composition/root'
import { withErrors } from '../errors'
import { presentOverview } from '../present'
import type { QueryFn } from '../types'

export const integrationOverview: QueryFn<'integrationOverview'> = withErrors(
  async (_, args, ctx) => {
    const tab = parseTab(args.tab)

    return presentOverview(tab, await rootOf(ctx.clients).logs.overview(tab))
  }
)
