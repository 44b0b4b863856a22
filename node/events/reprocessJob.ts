import { EventContext } from '@vtex/api'

import { Clients } from '../clients'
import { bridge, httpConnector, loadSettings } from '../bridge'

interface JobEvent {
  jobId?: unknown
}

/**
 * Runs one reprocess job. IO events are at-least-once: the service claims the
 * job before working, so a duplicate delivery does nothing. A malformed event
 * is logged and acknowledged (retrying it could never succeed).
 */
export async function reprocessJob(ctx: EventContext<Clients>) {
  const { jobId } = (ctx.body ?? {}) as JobEvent
  if (typeof jobId !== 'string' || jobId === '') {
    ctx.vtex.logger.warn({ message: 'Reprocess event without a jobId ignored', body: ctx.body })
    return
  }
  const { reprocess } = bridge(ctx.clients)
  const settings = await loadSettings(ctx.clients)
  const result = await reprocess.run(jobId, httpConnector(ctx.clients, settings))
  ctx.vtex.logger.info({ message: 'Reprocess job handled', jobId, result })
  await reprocess.sweep()
}
