import { invalidFields } from '../../domain/errors'
import { parseTab } from '../../domain/tabs'
import { rootOf } from '../../composition/root'
import { withErrors } from '../errors'
import type { QueryFn } from '../types'

export const errorGroups: QueryFn<'errorGroups'> = withErrors(
  async (_, args, ctx) =>
    rootOf(ctx.clients).logs.errorGroups(parseTab(args.tab))
)

const MAX_OFFSET = 10_000

/** Every group reachable, a page at a time (the store reads them most frequent first). */
export const errorGroupPage: QueryFn<'errorGroupPage'> = withErrors(
  async (_, args, ctx) => {
    const first = args.first ?? 10
    const offset = args.offset ?? 0

    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw invalidFields('INVALID_PAGE', 'first must be from 1 to 100.', [
        { field: 'first', code: 'OUT_OF_RANGE', params: { min: 1, max: 100 } },
      ])
    if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET)
      throw invalidFields(
        'INVALID_PAGE',
        `offset must be from 0 to ${MAX_OFFSET}.`,
        [
          {
            field: 'offset',
            code: 'OUT_OF_RANGE',
            params: { min: 0, max: MAX_OFFSET },
          },
        ]
      )
    const groups = await rootOf(ctx.clients).logs.errorGroups(
      parseTab(args.tab),
      offset + first + 1
    )

    return {
      data: groups.slice(offset, offset + first),
      hasMore: groups.length > offset + first,
    }
  }
)
