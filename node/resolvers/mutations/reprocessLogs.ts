import { rootOf } from '../../composition/root'
import { withErrors } from '../errors'
import { presentLog } from '../present'
import type { MutationFn } from '../types'

export const reprocessLogs: MutationFn<'reprocessLogs'> = withErrors(
  async (_, args, ctx) => {
    const queued = await (await rootOf(ctx.clients).queue()).reprocess(args.ids)

    return queued.map(presentLog)
  }
)
