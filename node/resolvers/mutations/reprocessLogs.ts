import { bridgeQueue } from '../../bridge'
import { withErrors } from '../errors'
import { presentLog } from '../present'
import type { MutationFn } from '../types'

export const reprocessLogs: MutationFn<'reprocessLogs'> = withErrors(
  async (_, args, ctx) => {
    const queued = await (await bridgeQueue(ctx.clients)).reprocess(args.ids)

    return queued.map(presentLog)
  }
)
