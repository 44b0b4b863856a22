import { bridgeQueue, sweepIfDue } from '../../bridge'
import { withErrors } from '../errors'
import { presentLog } from '../present'
import type { MutationFn } from '../types'

export const reprocessLogs: MutationFn<'reprocessLogs'> = withErrors(
  async (_, args, ctx) => {
    const queue = await bridgeQueue(ctx.clients)
    const queued = await queue.reprocess(args.ids)

    // Piggy-back: re-send any job whose event went missing earlier.
    await sweepIfDue(queue, ctx.clients).catch((e) =>
      ctx.vtex.logger.warn({ message: 'Job sweep failed', error: String(e) })
    )

    return queued.map(presentLog)
  }
)
