import { parseLogIds } from '../../domain/logId'
import { rootOf } from '../../composition/root'
import { withErrors } from '../errors'
import type { MutationFn } from '../types'

export const removeLogs: MutationFn<'removeLogs'> = withErrors(
  async (_, args, ctx) => {
    parseLogIds(args.ids, 'remove') // refuse the whole call before removing anything
    const { logs } = rootOf(ctx.clients)
    const removed: string[] = []
    const notFound: string[] = []

    for (const id of args.ids)
      ((await logs.remove(id)) ? removed : notFound).push(id)

    return { removed, notFound }
  }
)
