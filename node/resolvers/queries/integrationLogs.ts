import { isLogStatus } from '../../domain/log'
import { invalidArgument } from '../../domain/errors'
import { parsePageSize } from '../../domain/pagination'
import { parseTab } from '../../domain/tabs'
import { logStore } from '../../bridge'
import type { LogFilter } from '../../services/logStore'
import { withErrors } from '../errors'

export interface FilterArgs {
  tab: string
  status?: string | null
  marketplace?: string | null
  search?: string | null
  from?: string | null
  to?: string | null
  abnormalOnly?: boolean | null
  cause?: string | null
}

/** GraphQL arguments → a store filter; bad input is a clear error. */
export function parseFilter(args: FilterArgs): LogFilter {
  if (args.status != null && !isLogStatus(args.status))
    throw invalidArgument(`Unknown status "${args.status}".`)

  return {
    tab: parseTab(args.tab),
    status: args.status ?? null,
    marketplace: args.marketplace || null,
    search: args.search || null,
    from: args.from || null,
    to: args.to || null,
    abnormalOnly: Boolean(args.abnormalOnly),
    cause: args.cause || null,
  }
}

interface Args extends FilterArgs {
  first?: number | null
  after?: string | null
}

/**
 * A page of rows. `pageInfo.total` is resolved only when asked for (it reads
 * the counts, two more calls); null when a search or date range is applied.
 */
export const integrationLogs = withErrors(
  async (_: unknown, args: Args, ctx: Context) => {
    const filter = parseFilter(args)
    const store = logStore(ctx.clients)
    const page = await store.list({
      ...filter,
      first: parsePageSize(args.first),
      after: args.after,
    })

    return {
      data: page.data,
      pageInfo: {
        total: () => store.count(filter),
        endCursor: page.endCursor,
        hasNextPage: page.hasNextPage,
      },
    }
  }
)
