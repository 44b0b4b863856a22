import { logStore } from '../../bridge'
import { withErrors } from '../errors'
import { presentLog } from '../present'
import type { QueryFn } from '../types'

export const integrationLog: QueryFn<'integrationLog'> = withErrors(
  async (_, args, ctx) => {
    const log = await logStore(ctx.clients).get(args.id)

    return log ? presentLog(log) : null
  }
)
