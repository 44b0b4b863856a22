import {
  bulkAction,
  bulkActions,
  cancelBulkAction,
  resumeBulkAction,
  startBulkAction,
} from './bulk'
import { reprocessLogs } from './mutations/reprocessLogs'
import { removeLogs } from './mutations/removeLogs'
import { errorGroups } from './queries/errorGroups'
import { integrationLog } from './queries/integrationLog'
import { integrationLogs } from './queries/integrationLogs'
import { integrationOverview } from './queries/integrationOverview'
import { marketplaces } from './queries/marketplaces'
import { bridgeSettings, saveBridgeSettings } from './settings'

export const resolvers = {
  Query: {
    integrationLogs,
    integrationLog,
    integrationOverview,
    errorGroups,
    bulkAction,
    bulkActions,
    marketplaces,
    bridgeSettings,
  },
  Mutation: {
    reprocessLogs,
    removeLogs,
    startBulkAction,
    cancelBulkAction,
    resumeBulkAction,
    saveBridgeSettings,
  },
  PageInfo: {
    /** Counted only when asked for (two more storage calls). */
    total: (parent: { total: () => Promise<number | null> }) => parent.total(),
  },
}
