import { isLogStatus, validateMarketplace } from '../../domain/log'
import { invalidArgument } from '../../domain/errors'
import { parsePageSize } from '../../domain/pagination'
import { parseTab } from '../../domain/tabs'
import { logStore } from '../../bridge'
import { withErrors } from '../errors'

interface Args {
  tab: string
  status?: string | null
  marketplace?: string | null
  first?: number | null
  after?: string | null
}

export const integrationLogs = withErrors(
  async (_: unknown, args: Args, ctx: Context) => {
    const tab = parseTab(args.tab)

    if (args.status != null && !isLogStatus(args.status))
      throw invalidArgument(`Unknown status "${args.status}".`)
    const marketplace = args.marketplace
      ? validateMarketplace(args.marketplace)
      : null

    const page = await logStore(ctx.clients).list({
      tab,
      status: args.status ?? null,
      marketplace,
      first: parsePageSize(args.first),
      after: args.after,
    })

    return {
      data: page.data,
      pageInfo: {
        total: page.total,
        endCursor: page.endCursor,
        hasNextPage: page.hasNextPage,
      },
    }
  }
)
