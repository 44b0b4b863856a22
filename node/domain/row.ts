import type { LogStatus } from './logStatus'

/**
 * A table row, encoded in an index entry's path so that one prefix listing
 * returns whole rows (no document reads per page):
 *
 *   {order}~{marketplace}~{entityId}~{flags}~{attempts}~{latency}~{cause}~{message}[~a.{alias}]
 *
 * order    inverted epoch ms of the version (newest first), 13 digits
 * flags    status letter (S, E, P, A, Q) + "a" when the latency was abnormal,
 *          + "p" for a partner connector's log
 * attempts base 36; latency: base 36 ms or empty; cause: causes.ts id or empty
 * message  the first MESSAGE_BYTES bytes of the message, base64url
 * alias    (only when set) the marketplace's own id of the entity — a
 *          Tracking log's marketplace order id —, listed under `e.{alias}`
 *          too, so searching either id finds the log
 *
 * Marketplace ids ([a-z0-9-]) and entity ids ([A-Za-z0-9._-]) never hold "~".
 * A tombstone is the entry's path + "~x": it sorts right after its entry, so
 * a reader drops the pair without reading anything else.
 */
export interface Row {
  order: string
  marketplace: string
  entityId: string
  status: LogStatus
  abnormal: boolean
  /** Collected from a partner's connector (never reprocessed). */
  partner?: boolean
  attempts: number
  latencyMs: number | null
  cause: string | null
  message: string
  alias?: string | null
}
