import { randomBytes } from 'crypto'

import { docPath, entityFilter, filterPrefix } from '../domain/layout'
import type { IntegrationLog, LogKey } from '../domain/log'
import type { RemovalMarker } from '../domain/removal'
import {
  isRemovalMarker,
  isStale,
  orphanClaim,
  removalClaim,
  takeOver,
} from '../domain/removal'
import type { Row } from '../domain/rows'
import { rowOf } from '../domain/rows'
import type { Cleaner } from './cleaner'
import { IndexSource } from './indexReader'
import { readMerged } from './mergedReader'
import { uploadIndex } from './logIndex'
import { withOptimisticRetry } from './retry'
import type { KeyValueStore } from './storage'

export interface RemovalDeps {
  kv: KeyValueStore
  now: () => number
  cleaner: Cleaner
  wait?: (ms: number) => Promise<void>
}

const newClaim = () => randomBytes(6).toString('base64url')

/** Rows of one log still listed (no tombstone), newest first: one listing. */
export async function visibleRows(kv: KeyValueStore, key: LogKey) {
  const source = new IndexSource(kv, [
    filterPrefix(key.tab, entityFilter(key.entityId)),
  ])

  const page = await readMerged(
    [source],
    100,
    (r) => r.marketplace === key.marketplace,
    4
  )

  return page.rows
}

type Claimed =
  | { kind: 'absent' }
  | { kind: 'taken' }
  | { kind: 'removed'; marker: RemovalMarker }
  | { kind: 'stale'; marker: RemovalMarker }
  | { kind: 'orphan'; marker: RemovalMarker }

/**
 * Removes a log (docs/storage.md, "Removal"). True for the one remover that
 * removed it; false when there was nothing to remove or another removal has
 * it. Every way through writes the count change at most once.
 */
export async function removeLog(
  deps: RemovalDeps,
  key: LogKey
): Promise<boolean> {
  const doc = docPath(key.tab, key.marketplace, key.entityId)
  const claimed = await withOptimisticRetry<Claimed>(
    `Removing log ${doc}`,
    async () => {
      const file = await deps.kv.get<IntegrationLog | RemovalMarker>(doc)
      const now = deps.now()

      if (!file) {
        if ((await visibleRows(deps.kv, key)).length === 0)
          return { kind: 'absent' }
        const marker = orphanClaim(now, newClaim())

        await deps.kv.put(doc, marker, { ifAbsent: true })

        return { kind: 'orphan', marker }
      }

      if (isRemovalMarker(file.data)) {
        if (!isStale(file.data, now)) return { kind: 'taken' }
        const marker = takeOver(file.data, now, newClaim())

        await deps.kv.put(doc, marker, { ifMatch: file.etag })

        return { kind: 'stale', marker }
      }

      const log = file.data
      const marker = removalClaim(
        log,
        rowOf(log),
        log.previousRow ?? null,
        now,
        newClaim()
      )

      await deps.kv.put(doc, marker, { ifMatch: file.etag })

      return { kind: 'removed', marker }
    },
    deps.wait
  )

  if (claimed.kind === 'absent' || claimed.kind === 'taken') return false
  const { marker } = claimed

  if (claimed.kind === 'removed') {
    await uploadIndex(deps.kv, deps.cleaner, {
      tab: key.tab,
      doc,
      before: { row: marker.row!, previousRow: marker.previousRow },
      after: null,
      atMs: Date.parse(marker.at),
    })
    deps.cleaner.release(doc, marker.claim)

    return true
  }

  return finish(deps, key, doc, marker)
}

/**
 * Finishes a removal whose remover stopped (a stale claim), or clears rows
 * left without a document. What is still listed is hidden; only the row
 * still counted is uncounted: the claimed row if its removal's upload never
 * landed (it is still listed), or, for an orphan, the newest listed row.
 */
async function finish(
  deps: RemovalDeps,
  key: LogKey,
  doc: string,
  marker: RemovalMarker
) {
  const visible = await visibleRows(deps.kv, key)
  const current = await deps.kv.get<RemovalMarker>(doc)

  // Written over meanwhile (a new outcome): that version is the log now.
  if (!isRemovalMarker(current?.data) || current!.data.claim !== marker.claim)
    return false

  const counted: Row | null = marker.row
    ? visible.find((r) => r.order === marker.row!.order) ?? null
    : visible[0] ?? null

  await uploadIndex(deps.kv, deps.cleaner, {
    tab: key.tab,
    doc,
    before: counted ? { row: counted, previousRow: marker.previousRow } : null,
    hide: [...visible, marker.row, marker.previousRow],
    after: null,
    atMs: Date.parse(marker.at),
  })
  deps.cleaner.release(doc, marker.claim)

  return visible.length > 0
}
