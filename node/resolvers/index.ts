import {
  bulkAction,
  bulkActions,
  cancelBulkAction,
  resumeBulkAction,
  startBulkAction,
} from './bulk'
import {
  cancelCsvExport,
  csvExport,
  csvExportList,
  startCsvExport,
} from './csvExport'
import { reprocessLogs } from './mutations/reprocessLogs'
import {
  connectMercadoLivre,
  disconnectMercadoLivre,
  marketplaceConnection,
} from './mercadoLivre'
import { removeLogs } from './mutations/removeLogs'
import { importListingCsv } from './mutations/importListingCsv'
import { removeListing, saveListing, skuListings } from './listings'
import { errorGroupPage, errorGroups } from './queries/errorGroups'
import { integrationLog } from './queries/integrationLog'
import { integrationLogs } from './queries/integrationLogs'
import { integrationOverview } from './queries/integrationOverview'
import { marketplaces } from './queries/marketplaces'
import { vtexChannels } from './queries/vtexChannels'
import { bridgeSettings, saveBridgeSettings } from './settings'
import { rootOf } from '../composition/root'
import type { Resolvers } from '../typings/graphql'

/** Every resolver, checked against the schema's generated types (typings/graphql.ts). */
export const resolvers = {
  Query: {
    marketplaceConnection,
    integrationLogs,
    integrationLog,
    integrationOverview,
    errorGroups,
    errorGroupPage,
    bulkAction,
    bulkActions,
    csvExport,
    csvExports: csvExportList,
    marketplaces,
    bridgeSettings,
    vtexChannels,
    skuListings,
  },
  Mutation: {
    connectMercadoLivre,
    disconnectMercadoLivre,
    reprocessLogs,
    removeLogs,
    startBulkAction,
    cancelBulkAction,
    resumeBulkAction,
    startCsvExport,
    cancelCsvExport,
    saveBridgeSettings,
    importListingCsv,
    saveListing,
    removeListing,
  },
  PageInfo: {
    /** Counted only when asked for (two more storage calls). */
    total: (parent) => parent.total(),
  },
  IntegrationLogSummary: {
    /**
     * Rows carry no retry state (they are index paths): read it from the log
     * for queued rows only, the only ones that can be retrying.
     */
    retry: async (row, _, ctx) =>
      row.status === 'QUEUED' && row.id
        ? (await rootOf(ctx.clients).logs.get(row.id))?.retry ?? null
        : null,
  },
} satisfies Resolvers
