import { createHash } from 'crypto'

import type { Cause } from '../domain/causes'
import { causeOf } from '../domain/causes'
import { causePath, statsDeltaPrefix } from '../domain/layout'
import type { IntegrationLog } from '../domain/log'
import type { Row } from '../domain/rows'
import { indexChanges, rowOf } from '../domain/rows'
import type { StatsChange } from '../domain/stats'
import { changesStats, encodeDelta } from '../domain/stats'
import type { Tab } from '../domain/tabs'
import type { Cleaner } from './cleaner'
import type { KeyValueStore } from './storage'

/** The count change of a row replaced by another (null: absent). */
export function changeOf(before: Row | null, after: Row | null): StatsChange {
  const ref = (after ?? before)!

  return {
    marketplace: ref.marketplace,
    from: before?.status ?? null,
    to: after?.status ?? null,
    abnormalFrom: Boolean(before?.abnormal),
    abnormalTo: Boolean(after?.abnormal),
    causeFrom: before?.cause ?? null,
    causeTo: after?.cause ?? null,
  }
}

/**
 * The count change of one transition of one log, as a file. Its name is
 * fixed by the transition (the new version's time and the document), not
 * drawn at random: whoever writes it — the writer, or whoever finishes a
 * removal its remover left half done — writes the same file, so it is
 * counted once.
 */
export function deltaFile(
  tab: Tab,
  change: StatsChange,
  atMs: number,
  doc: string
) {
  const nonce = createHash('sha1').update(doc).digest('hex').slice(0, 8)

  return {
    path: statsDeltaPrefix(tab) + encodeDelta(change, atMs, nonce),
    data: {},
  }
}

export interface Transition {
  tab: Tab
  /** The document's path. */
  doc: string
  /** The version replaced (its row and the one before it are tombstoned). */
  before: { row: Row; previousRow: Row | null } | null
  /** Rows to hide without uncounting them (a claim written over, ghosts). */
  hide?: Array<Row | null>
  /** The new version (null: removed). */
  after: IntegrationLog | null
  /** The new version's time (a removal's: its claim's). */
  atMs: number
}

/**
 * One upload for a committed transition: the new version's entries,
 * tombstones for the versions it replaces (the one read, and the one before
 * it in case that writer stopped before its own upload), the count change
 * and a new cause's text. The superseded pairs are deleted later.
 */
export async function uploadIndex(
  kv: KeyValueStore,
  cleaner: Cleaner,
  t: Transition
) {
  const beforeRow = t.before?.row ?? null
  const afterRow = t.after ? rowOf(t.after) : null
  const { add, tombstones } = indexChanges(t.tab, afterRow, [
    beforeRow,
    t.before?.previousRow,
    ...(t.hide ?? []),
  ])

  const files: Array<{ path: string; data: unknown }> = [
    ...add.map((p) => ({ path: p, data: {} })),
    ...tombstones.map((p) => ({ path: p, data: {} })),
  ]

  const change = beforeRow || afterRow ? changeOf(beforeRow, afterRow) : null

  if (change && changesStats(change))
    files.push(deltaFile(t.tab, change, t.atMs, t.doc))
  if (t.after && afterRow?.cause && afterRow.cause !== beforeRow?.cause) {
    const cause: Cause = causeOf(
      t.after.message,
      t.after.status === 'ALERT' ? 'ALERT' : 'ERROR'
    )

    files.push({ path: causePath(t.tab, cause.id), data: cause })
  }

  if (files.length === 0) return
  await kv.putMany(files)
  cleaner.add(tombstones)
}
