import { logStore } from '../../bridge'
import { withErrors } from '../errors'
import { presentLog } from '../present'

export const integrationLog = withErrors(
  async (_: unknown, args: { id: string }, ctx: Context) => {
    const log = await logStore(ctx.clients).get(args.id)

    return log ? presentLog(log) : null
  }
)
