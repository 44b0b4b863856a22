import { reprocessLogs } from './mutations/reprocessLogs'
import { removeLogs } from './mutations/removeLogs'
import { integrationLog } from './queries/integrationLog'
import { integrationLogs } from './queries/integrationLogs'
import { integrationOverview } from './queries/integrationOverview'
import { marketplaces } from './queries/marketplaces'

export const resolvers = {
  Query: { integrationLogs, integrationLog, integrationOverview, marketplaces },
  Mutation: { reprocessLogs, removeLogs },
}
