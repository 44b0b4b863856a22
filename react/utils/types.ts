export type Tab = 'PRODUCTS' | 'INVENTORY' | 'TRACKING'
export type LogStatus = 'SUCCESS' | 'ERROR' | 'QUEUED'

export const TABS: Tab[] = ['PRODUCTS', 'INVENTORY', 'TRACKING']

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
}

export interface LogPageData {
  integrationLogs: {
    data: LogSummary[]
    pageInfo: {
      total: number | null
      endCursor: string | null
      hasNextPage: boolean
    }
  }
}

export interface StatusCounts {
  success: number
  error: number
  queued: number
}

export interface OverviewData {
  integrationOverview: {
    tab: Tab
    total: number
    abnormal: number
    byStatus: StatusCounts
    byMarketplace: Array<{
      marketplace: string
      total: number
      byStatus: StatusCounts
    }>
  }
}

export interface TimelineEntry {
  at: string
  kind:
    | 'STATUS_SENT'
    | 'CARRIER_EVENT'
    | 'PARTNER_EVENT'
    | 'OMS_UPDATED'
    | 'DELIVERED'
  status: string
  description: string
  source: 'VTEX' | 'CARRIER' | 'PARTNER'
}

export interface LogDetail extends LogSummary {
  timeline: TimelineEntry[]
  createdAt: string
  changedAt: string | null
  queuedAt: string | null
  payload: string | null
  origin: {
    request: { method: string; url: string; body: string | null }
    response: { status: number | null; body: string | null }
  } | null
  history: Array<{
    at: string
    status: LogStatus
    message: string
    httpStatus: number | null
    trigger: string
  }>
}

export interface MarketplacesData {
  marketplaces: Array<{ id: string; name: string; tabs: Tab[] }>
}

export interface ErrorGroup {
  cause: string
  text: string
  count: number
}

export interface ErrorGroupsData {
  errorGroups: ErrorGroup[]
}

export type BulkKind = 'REPROCESS' | 'REMOVE'

export interface BulkAction {
  id: string
  tab: Tab
  action: BulkKind
  status: 'RUNNING' | 'DONE' | 'CANCELED'
  total: number | null
  processed: number
  succeeded: number
  skipped: number
  failed: number
  progress: number
  lastError: string | null
  createdAt: string
  updatedAt: string
}

/** What the filters of a tab hold (also what a bulk action and the CSV take). */
export interface LogFilter {
  status: LogStatus | null
  marketplace: string | null
  search: string | null
  from: string | null
  to: string | null
  abnormalOnly: boolean
  cause: string | null
}
