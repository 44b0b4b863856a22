import { bridge } from '../../bridge'
import { withErrors } from '../errors'
import { presentLog } from '../present'

export const reprocessLogs = withErrors(async (_: unknown, args: { ids: string[] }, ctx: Context) => {
  const { reprocess } = bridge(ctx.clients)
  const queued = await reprocess.request(args.ids)
  // Piggy-back: re-send any job whose event went missing earlier.
  await reprocess.sweep().catch(e => ctx.vtex.logger.warn({ message: 'Job sweep failed', error: String(e) }))
  return queued.map(presentLog)
})
