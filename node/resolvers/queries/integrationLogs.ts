import { parsePageSize } from '../../domain/pagination'
import { logStore } from '../../bridge'
import type { FilterArgs } from '../../services/logStore'
import { parseLogFilter } from '../../services/logStore'
import { withErrors } from '../errors'

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
    const filter = parseLogFilter(args)
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
