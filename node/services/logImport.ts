import { causeOf } from '../domain/causes'
import { invalidArgument } from '../domain/errors'
import { causePath, docPath } from '../domain/layout'
import type { IntegrationLog } from '../domain/log'
import { entryPaths, rowOf } from '../domain/rows'
import { applyStatsChange, emptyStats } from '../domain/stats'
import type { Tab } from '../domain/tabs'
import type { LogCounts } from './logCounts'
import { changeOf } from './logIndex'
import type { KeyValueStore } from './storage'

/**
 * Writes many new logs at once (seed data, benchmark fill, imports into an
 * empty store): documents, entries and cause texts in uploads of `chunk`
 * logs, counts folded straight into the base. Not for logs that may exist.
 */
export async function importLogs(
  kv: KeyValueStore,
  counts: LogCounts,
  tab: Tab,
  logs: IntegrationLog[],
  chunk = 500
) {
  if (logs.length === 0) return
  let added = emptyStats()
  const texts: Record<string, string> = {}

  for (let i = 0; i < logs.length; i += chunk) {
    const files: Array<{ path: string; data: unknown }> = []

    for (const log of logs.slice(i, i + chunk)) {
      if (log.tab !== tab)
        throw invalidArgument(`Log ${log.id} is not in ${tab}.`)
      const doc = { ...log, updatedAt: log.updatedAt ?? log.processedAt }
      const row = rowOf(doc)

      files.push({
        path: docPath(tab, log.marketplace, log.entityId),
        data: doc,
      })
      for (const p of entryPaths(tab, row)) files.push({ path: p, data: {} })
      added = applyStatsChange(added, changeOf(null, row))
      if (row.cause && !texts[row.cause]) {
        const cause = causeOf(
          log.message,
          log.status === 'ALERT' ? 'ALERT' : 'ERROR'
        )

        texts[cause.id] = cause.text
        files.push({ path: causePath(tab, cause.id), data: cause })
      }
    }

    await kv.putMany(files)
  }

  await counts.add(tab, added, texts)
}
