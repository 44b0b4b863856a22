import type { LogStatus } from './logStatus'
import type { Tab } from './tabs'

/** The row the admin table shows: no payload, no origin, no history. */
export interface LogSummary {
  id: string
  tab: Tab
  marketplace: string
  entityId: string
  status: LogStatus
  message: string
  processedAt: string
  attempts: number
  abnormal: boolean
  latencyMs: number | null
  /** Tracking: the marketplace's own order id (the row's alias). */
  marketplaceOrderId?: string | null
  /** Collected from a partner's connector (never reprocessed). */
  fromPartner: boolean
}
