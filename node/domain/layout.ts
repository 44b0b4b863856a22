import type { LogStatus } from './logStatus'
import type { Tab } from './tabs'

/**
 * Where each record lives in the `logs` VBase bucket (docs/storage.md).
 * Everything sits under the layout version `v2/`, which is also the folder a
 * zipped multi-file upload is unpacked into.
 *
 *   v2/log/{TAB}/{marketplace}/{entityId}      the log document
 *   v2/idx/{TAB}/{filter}/{row}                an index entry; the row is in the path
 *   v2/idx/{TAB}/{filter}/{row}~x              its tombstone (the entry is superseded)
 *   v2/stats/{TAB}/base                        folded counts
 *   v2/stats/{TAB}/d/{delta}                   one count change per committed write
 *   v2/cause/{TAB}/{causeId}                   the text of an error cause
 *   v2/job/{jobId}                             a pending export or reprocess job
 *   v2/bulk/{bulkId}                           a bulk action and its progress
 *   v2/keys/cursor                             the secret listing cursors are signed with
 */
export const LOG_BUCKET = 'logs'
export const LAYOUT_ROOT = 'v2'

const root = (rest: string) => `${LAYOUT_ROOT}/${rest}`

/** A path relative to the layout root (what a zipped upload contains). */
export const relative = (path: string) =>
  path.startsWith(`${LAYOUT_ROOT}/`) ? path.slice(LAYOUT_ROOT.length + 1) : path

export const docPath = (tab: Tab, marketplace: string, entityId: string) =>
  root(`log/${tab}/${marketplace}/${entityId}`)

export const statsBasePath = (tab: Tab) => root(`stats/${tab}/base`)
export const statsDeltaPrefix = (tab: Tab) => root(`stats/${tab}/d/`)
export const causePath = (tab: Tab, causeId: string) =>
  root(`cause/${tab}/${causeId}`)

export const jobPath = (jobId: string) => root(`job/${jobId}`)
export const JOB_PREFIX = root('job/')

/** The account's secret for signing listing cursors. */
export const cursorKeyPath = root('keys/cursor')

export const bulkPath = (bulkId: string) => root(`bulk/${bulkId}`)
export const BULK_PREFIX = root('bulk/')

/** A followed package (carrier refresh). */
export const carrierPath = (orderId: string) => root(`carrier/${orderId}`)
/** When the next carrier check is due: listed oldest first. */
export const DUE_PREFIX = root('due/')
export const duePath = (dueMs: number, orderId: string) =>
  `${DUE_PREFIX}${String(Math.max(0, Math.floor(dueMs))).padStart(
    13,
    '0'
  )}~${orderId}`

export function parseDuePath(path: string) {
  const leaf = path.slice(DUE_PREFIX.length)
  const [ms, orderId] = leaf.split('~')

  return /^\d{13}$/.test(ms ?? '') && orderId
    ? { dueMs: Number(ms), orderId }
    : null
}

export const indexRoot = (tab: Tab) => root(`idx/${tab}/`)

/**
 * The index folders ("filters") a log is listed under. Each is one prefix
 * listing, newest first:
 *   s.{STATUS}              by status
 *   sm.{STATUS}.{market}    by status and marketplace
 *   e.{entityId}            lookup by SKU, product or order id
 *   a / am.{market}         abnormal latency only (only abnormal logs)
 *   c.{causeId}             errors with this cause (only errors)
 */
export const filterPrefix = (tab: Tab, filter: string) =>
  `${indexRoot(tab)}${filter}/`

export const statusFilter = (status: LogStatus, marketplace?: string | null) =>
  marketplace ? `sm.${status}.${marketplace}` : `s.${status}`

export const entityFilter = (entityId: string) => `e.${entityId}`
export const abnormalFilter = (marketplace?: string | null) =>
  marketplace ? `am.${marketplace}` : 'a'

export const causeFilter = (causeId: string) => `c.${causeId}`

const MAX_MS = 9_999_999_999_999

/** Newest first under lexicographic order: inverted, zero-padded epoch ms. */
export const orderKeyOfMs = (ms: number) =>
  String(MAX_MS - ms).padStart(13, '0')

export const orderKey = (isoTime: string) => orderKeyOfMs(Date.parse(isoTime))

export const msOfOrderKey = (key: string) => MAX_MS - Number(key)
