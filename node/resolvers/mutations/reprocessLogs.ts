import { bridgeQueue, sweepIfDue } from '../../bridge'
import { withErrors } from '../errors'
import { presentLog } from '../present'

export const reprocessLogs = withErrors(
  async (_: unknown, args: { ids: string[] }, ctx: Context) => {
    const queue = await bridgeQueue(ctx.clients)
    const queued = await queue.reprocess(args.ids)

    // Piggy-back: re-send any job whose event went missing earlier.
    await sweepIfDue(queue, ctx.clients).catch((e) =>
      ctx.vtex.logger.warn({ message: 'Job sweep failed', error: String(e) })
    )

    return queued.map(presentLog)
  }
)
