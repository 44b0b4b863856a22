import { bridgeQueue } from '../../bridge'
import { withErrors } from '../errors'
import { presentLog } from '../present'

export const reprocessLogs = withErrors(
  async (_: unknown, args: { ids: string[] }, ctx: Context) => {
    const queued = await (await bridgeQueue(ctx.clients)).reprocess(args.ids)

    return queued.map(presentLog)
  }
)
