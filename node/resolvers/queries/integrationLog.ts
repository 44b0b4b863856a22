import { rootOf } from '../../composition/root'
import { withErrors } from '../errors'
import { presentLog } from '../present'
import type { QueryFn } from '../types'

export const integrationLog: QueryFn<'integrationLog'> = withErrors(
  async (_, args, ctx) => {
    const log = await rootOf(ctx.clients).logs.get(args.id)

    return log ? presentLog(log) : null
  }
)
