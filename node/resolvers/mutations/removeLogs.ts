import { invalidArgument } from '../../domain/errors'
import { parseLogId } from '../../domain/log'
import { logStore } from '../../bridge'
import { withErrors } from '../errors'
import type { MutationFn } from '../types'

const MAX_IDS = 100

export const removeLogs: MutationFn<'removeLogs'> = withErrors(
  async (_, args, ctx) => {
    if (args.ids.length === 0 || args.ids.length > MAX_IDS) {
      throw invalidArgument(`Pass from 1 to ${MAX_IDS} log ids to remove.`)
    }

    args.ids.forEach(parseLogId) // refuse the whole call before removing anything
    const logs = logStore(ctx.clients)
    const removed: string[] = []
    const notFound: string[] = []

    for (const id of args.ids)
      ((await logs.remove(id)) ? removed : notFound).push(id)

    return { removed, notFound }
  }
)
