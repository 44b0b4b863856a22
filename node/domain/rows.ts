import { causeOf } from './causes'
import {
  abnormalFilter,
  causeFilter,
  entityFilter,
  filterPrefix,
  msOfOrderKey,
  orderKey,
  statusFilter,
} from './layout'
import type { IntegrationLog, LogSummary } from './log'
import { buildLogId } from './logId'
import type { LogStatus } from './logStatus'
import type { Row } from './row'
import { hasCause } from './statusModel'
import type { Tab } from './tabs'

export type { Row } from './row'

export const TOMBSTONE = '~x'
/** Marks the optional ninth part of a row, the alias. */
const ALIAS_MARK = 'a.'

export const MESSAGE_BYTES = 96

const STATUS_LETTER: Record<LogStatus, string> = {
  SUCCESS: 'S',
  ERROR: 'E',
  PENDING: 'P',
  ALERT: 'A',
  QUEUED: 'Q',
}

const LETTER_STATUS: Record<string, LogStatus> = {
  S: 'SUCCESS',
  E: 'ERROR',
  P: 'PENDING',
  A: 'ALERT',
  Q: 'QUEUED',
}

/** Cuts to at most `max` UTF-8 bytes without splitting a character. */
function clip(text: string, max: number) {
  const bytes = Buffer.from(text, 'utf8')

  if (bytes.length <= max) return text
  let end = max

  // Step back over continuation bytes (10xxxxxx).
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--

  return `${bytes.subarray(0, end).toString('utf8')}…`
}

export function encodeRow(row: Row): string {
  const flags =
    STATUS_LETTER[row.status] +
    (row.abnormal ? 'a' : '') +
    (row.partner ? 'p' : '')

  return [
    row.order,
    row.marketplace,
    row.entityId,
    flags,
    row.attempts.toString(36),
    row.latencyMs == null ? '' : Math.round(row.latencyMs).toString(36),
    row.cause ?? '',
    Buffer.from(clip(row.message, MESSAGE_BYTES), 'utf8').toString('base64url'),
    ...(row.alias ? [`${ALIAS_MARK}${row.alias}`] : []),
  ].join('~')
}

export const isTombstone = (path: string) => path.endsWith(TOMBSTONE)

export const tombstoneOf = (path: string) => `${path}${TOMBSTONE}`

export const leafOf = (path: string) => path.slice(path.lastIndexOf('/') + 1)

/** The row in an entry's path; null for anything else (tombstones included). */
export function decodeRow(path: string): Row | null {
  const parts = leafOf(path).split('~')

  // A ninth part is an alias (marked, so a tombstone's "x" is never one).
  if (
    parts.length !== 8 &&
    !(parts.length === 9 && parts[8].startsWith(ALIAS_MARK))
  )
    return null
  const [
    order,
    marketplace,
    entityId,
    flags,
    attempts,
    latency,
    cause,
    msg,
    alias,
  ] = parts

  const status = LETTER_STATUS[flags.charAt(0)]

  if (!status || !/^\d{13}$/.test(order)) return null

  return {
    order,
    marketplace,
    entityId,
    status,
    abnormal: flags.includes('a'),
    ...(flags.includes('p') ? { partner: true } : {}),
    attempts: parseInt(attempts, 36) || 0,
    latencyMs: latency ? parseInt(latency, 36) : null,
    cause: cause || null,
    message: Buffer.from(msg, 'base64url').toString('utf8'),
    ...(alias ? { alias: alias.slice(ALIAS_MARK.length) } : {}),
  }
}

/** The index folders a row is listed under (see layout.ts). */
export function rowFilters(row: Row): string[] {
  const filters = [
    statusFilter(row.status),
    statusFilter(row.status, row.marketplace),
    entityFilter(row.entityId),
  ]

  if (row.alias && row.alias !== row.entityId)
    filters.push(entityFilter(row.alias))
  if (row.abnormal)
    filters.push(abnormalFilter(), abnormalFilter(row.marketplace))
  if (hasCause(row.status) && row.cause) filters.push(causeFilter(row.cause))

  return filters
}

export const entryPaths = (tab: Tab, row: Row) => {
  const leaf = encodeRow(row)

  return rowFilters(row).map((f) => filterPrefix(tab, f) + leaf)
}

export function summaryOf(tab: Tab, row: Row): LogSummary {
  return {
    id: buildLogId(tab, row.marketplace, row.entityId),
    tab,
    marketplace: row.marketplace,
    entityId: row.entityId,
    status: row.status,
    message: row.message,
    processedAt: new Date(msOfOrderKey(row.order)).toISOString(),
    attempts: row.attempts,
    abnormal: row.abnormal,
    latencyMs: row.latencyMs,
    marketplaceOrderId: row.alias ?? null,
    fromPartner: Boolean(row.partner),
  }
}

/**
 * Index changes for a committed write: the new version's entries, and
 * tombstones for the versions it replaces (the one read, and the one before
 * it, in case that writer stopped between its document and its index write).
 * A path the new version keeps is never tombstoned.
 */
export function indexChanges(
  tab: Tab,
  after: Row | null,
  replaced: Array<Row | null | undefined>
) {
  const add = after ? entryPaths(tab, after) : []
  const keep = new Set(add)
  const tombstones = new Set<string>()

  for (const row of replaced) {
    if (!row) continue
    for (const p of entryPaths(tab, row))
      if (!keep.has(p)) tombstones.add(tombstoneOf(p))
  }

  return { add, tombstones: [...tombstones] }
}

/** The row a stored log is listed as. Errors and alerts carry their cause. */
export function rowOf(log: IntegrationLog): Row {
  return {
    order: orderKey(log.updatedAt ?? log.processedAt),
    marketplace: log.marketplace,
    entityId: log.entityId,
    status: log.status,
    abnormal: Boolean(log.abnormal),
    ...(log.partner ? { partner: true } : {}),
    attempts: log.attempts,
    latencyMs: log.latencyMs ?? null,
    cause: hasCause(log.status) ? causeOf(log.message, log.status).id : null,
    message: log.message,
    ...(aliasOf(log) ? { alias: aliasOf(log) } : {}),
  }
}

const ALIAS_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

/**
 * The second id a log is found by: a Tracking log's marketplace order id,
 * when it can be an index folder name (an id the search box accepts).
 */
export function aliasOf(log: IntegrationLog): string | null {
  const id = log.marketplaceOrderId?.trim() ?? ''

  return id && id !== log.entityId && ALIAS_RE.test(id) ? id : null
}

/** A version time strictly after the previous one (rows must not collide). */
export function nextVersionTime(
  previous: string | null | undefined,
  nowMs: number
) {
  const prev = previous ? Date.parse(previous) : -Infinity

  return new Date(Math.max(nowMs, prev + 1)).toISOString()
}
