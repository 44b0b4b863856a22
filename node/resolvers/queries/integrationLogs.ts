import { parsePageSize } from '../../domain/pagination'
import { rootOf } from '../../composition/root'
import { parseLogFilter } from '../../services/logStore'
import { resolveListingSearch } from '../../services/listingSearch'
import { withErrors } from '../errors'
import { presentRow } from '../present'
import type { QueryFn } from '../types'

/**
 * A page of rows. A search on Produtos or Estoque that is a marketplace
 * listing id also finds its SKU's logs on that marketplace. `pageInfo.total` is resolved only when asked for (it reads
 * the counts, two more calls); null when a search or date range is applied.
 */
export const integrationLogs: QueryFn<'integrationLogs'> = withErrors(
  async (_, args, ctx) => {
    const root = rootOf(ctx.clients)
    const parsed = parseLogFilter(args)
    const filter = parsed.search
      ? await resolveListingSearch(root.listings, await root.settings(), parsed)
      : parsed

    const store = root.logs
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
