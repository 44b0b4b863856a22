import { parsePageSize } from '../../domain/pagination'
import { rootOf } from '../../composition/root'
import { parseLogFilter } from '../../services/logStore'
import { withErrors } from '../errors'
import { presentRow } from '../present'
import type { QueryFn } from '../types'

/**
 * A page of rows. `pageInfo.total` is resolved only when asked for (it reads
 * the counts, two more calls); null when a search or date range is applied.
 */
export const integrationLogs: QueryFn<'integrationLogs'> = withErrors(
  async (_, args, ctx) => {
    const filter = parseLogFilter(args)
    const store = rootOf(ctx.clients).logs
    const page = await store.list({
      ...filter,
      first: parsePageSize(args.first),
      after: args.after,
    })

    return {
      data: page.data.map(presentRow),
      pageInfo: {
        total: () => store.count(filter),
        endCursor: page.endCursor,
        hasNextPage: page.hasNextPage,
      },
    }
  }
)
