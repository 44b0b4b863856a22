import type { LogStatus } from './log'
import type { Tab } from './tabs'

/**
 * Where each record lives in the `logs` VBase bucket (see docs/storage.md).
 *
 *   log/{TAB}/{marketplace}/{entityId}          the log document
 *   idx/{TAB}/{filter}/{order}_{marketplace}_{entityId}
 *                                                an index entry, one per filter
 *   stats/{TAB}/{shard}                          counts by marketplace and status (16 shards, summed)
 *   job/{jobId}                                  a pending reprocess job
 *
 * `filter` is `all`, `s.{STATUS}`, `m.{marketplace}` or `sm.{STATUS}.{marketplace}`,
 * so any combination of the two filters is one prefix listing. `order` makes
 * lexicographic order newest first.
 */
export const LOG_BUCKET = 'logs'

export const docPath = (tab: Tab, marketplace: string, entityId: string) =>
  `log/${tab}/${marketplace}/${entityId}`

/**
 * Counts are split in shards that are simply added up: any change may go to
 * any shard, so a writer picks one at random and, when it meets a concurrent
 * writer there (If-Match 412), moves to another instead of queueing behind it.
 */
export const STATS_SHARDS = 16

export const randomShard = (random = Math.random) =>
  Math.floor(random() * STATS_SHARDS)

export const statsPath = (tab: Tab, shard: number) => `stats/${tab}/${shard}`

export const jobPath = (jobId: string) => `job/${jobId}`
export const JOB_PREFIX = 'job/'

const MAX_MS = 9_999_999_999_999

/** Newest first under lexicographic order: inverted, zero-padded epoch ms. */
export const orderKey = (isoTime: string) =>
  String(MAX_MS - Date.parse(isoTime)).padStart(13, '0')

export function filterName(
  status?: LogStatus | null,
  marketplace?: string | null
) {
  if (status && marketplace) return `sm.${status}.${marketplace}`
  if (status) return `s.${status}`
  if (marketplace) return `m.${marketplace}`

  return 'all'
}

export const indexPrefix = (
  tab: Tab,
  status?: LogStatus | null,
  marketplace?: string | null
) => `idx/${tab}/${filterName(status, marketplace)}/`

/** The four index entries a log in this state is listed under. */
export function indexPaths(
  tab: Tab,
  status: LogStatus,
  marketplace: string,
  entityId: string,
  processedAt: string
): string[] {
  const leaf = `${orderKey(processedAt)}_${marketplace}_${entityId}`

  return [
    indexPrefix(tab) + leaf,
    indexPrefix(tab, status) + leaf,
    indexPrefix(tab, null, marketplace) + leaf,
    indexPrefix(tab, status, marketplace) + leaf,
  ]
}

/** Reads (marketplace, entityId, order) back from an index entry's path. */
export function parseIndexPath(path: string) {
  const leaf = path.slice(path.lastIndexOf('/') + 1)
  const first = leaf.indexOf('_')
  const second = leaf.indexOf('_', first + 1)

  if (first < 0 || second < 0) return null

  return {
    order: leaf.slice(0, first),
    marketplace: leaf.slice(first + 1, second),
    entityId: leaf.slice(second + 1),
  }
}
