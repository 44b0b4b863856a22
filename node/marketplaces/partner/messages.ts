/**
 * A partner connector's log messages (VTEX's "External marketplace
 * integration logs" standard: `{ Messages: [{ id, Operation, Direction,
 * ContentSource, ContentTransalted, ContentDestination, BusinessMessage,
 * Status }] }`, statuses Success / Error / Alert / Pending) mapped to the
 * bridge's log records, keeping VTEX's four contents by name.
 *
 * Tolerance, decided: field names are matched without regard to case, and
 * `ContentTranslated` (spelled right) is read when `ContentTransalted` (as
 * VTEX's guide spells it) is absent; statuses are read without regard to
 * case, including the guide's own `sucess`. Contents that are JSON objects
 * rather than text are kept as JSON text. A message without an id or with
 * an unknown status is rejected with the reason, never guessed.
 */
import { createHash } from 'crypto'

import { truncate } from '../../domain/log'
import type { Tab } from '../../domain/tabs'
import { entityOf } from './entity'
import { operationTab } from './operations'

export const PARTNER_STATUSES = [
  'Success',
  'Error',
  'Alert',
  'Pending',
] as const
export type PartnerStatus = (typeof PARTNER_STATUSES)[number]

export type RecordStatus = 'SUCCESS' | 'ERROR' | 'ALERT' | 'PENDING'

/** Messages kept from one answer; more are reported (`overflow`), not held in memory. */
export const MAX_MESSAGES_PER_ANSWER = 5000

export interface PartnerLogRecord {
  /** Idempotency key: the same message (marketplace, id) collected twice is one log. */
  key: string
  /** Changes when the connector rewrites the message (e.g. Pending → Success). */
  fingerprint: string
  marketplace: string
  tab: Tab
  entityId: string
  status: RecordStatus
  messageId: string
  operation: string
  direction: string
  /** VTEX's vocabulary: ContentSource, ContentTransalted, ContentDestination. */
  contents: {
    source: string | null
    translated: string | null
    destination: string | null
  }
  businessMessage: string | null
  /** The DateAt it was collected for. */
  day: string
}

export type RejectReason =
  | 'PARTNER_MESSAGE_NOT_OBJECT'
  | 'PARTNER_MESSAGE_NO_ID'
  | 'PARTNER_MESSAGE_STATUS_UNKNOWN'

export interface Rejected {
  index: number
  messageId: string | null
  reason: RejectReason
}

const STATUS: Record<string, RecordStatus> = {
  success: 'SUCCESS',
  sucess: 'SUCCESS',
  error: 'ERROR',
  alert: 'ALERT',
  pending: 'PENDING',
}

/** A field by name, whatever its case; the first of `names` present wins. */
function field(o: Record<string, unknown>, ...names: string[]): unknown {
  const lower = new Map(Object.keys(o).map((k) => [k.toLowerCase(), k]))

  for (const n of names) {
    const k = lower.get(n.toLowerCase())

    if (k !== undefined && o[k] !== undefined && o[k] !== null) return o[k]
  }

  return undefined
}

const asText = (v: unknown): string | null =>
  v === undefined || v === null || v === ''
    ? null
    : truncate(typeof v === 'string' ? v : JSON.stringify(v))

const sha = (...parts: string[]) =>
  createHash('sha1').update(parts.join('\u0000')).digest('hex')

/** The idempotency key of a message: its marketplace and id. */
export const messageKey = (marketplace: string, messageId: string) =>
  sha(marketplace, messageId).slice(0, 32)

export function mapMessage(
  raw: unknown,
  index: number,
  ctx: { marketplace: string; day: string }
): { record: PartnerLogRecord } | { rejected: Rejected } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return {
      rejected: {
        index,
        messageId: null,
        reason: 'PARTNER_MESSAGE_NOT_OBJECT',
      },
    }
  const m = raw as Record<string, unknown>
  const rawId = field(m, 'id', 'Id', 'OperationId')
  const messageId =
    typeof rawId === 'string' || typeof rawId === 'number'
      ? String(rawId).trim()
      : ''

  if (!messageId)
    return {
      rejected: { index, messageId: null, reason: 'PARTNER_MESSAGE_NO_ID' },
    }
  const status =
    STATUS[
      String(field(m, 'Status') ?? '')
        .trim()
        .toLowerCase()
    ]

  if (!status)
    return {
      rejected: { index, messageId, reason: 'PARTNER_MESSAGE_STATUS_UNKNOWN' },
    }
  const operation = String(field(m, 'Operation') ?? '').trim()
  const contents = {
    source: asText(field(m, 'ContentSource')),
    translated: asText(field(m, 'ContentTransalted', 'ContentTranslated')),
    destination: asText(field(m, 'ContentDestination')),
  }

  const businessMessage = asText(field(m, 'BusinessMessage'))
  const tab = operationTab(operation)

  return {
    record: {
      key: messageKey(ctx.marketplace, messageId),
      fingerprint: sha(
        status,
        operation,
        contents.source ?? '',
        contents.translated ?? '',
        contents.destination ?? '',
        businessMessage ?? ''
      ).slice(0, 16),
      marketplace: ctx.marketplace,
      tab,
      entityId: entityOf(
        tab,
        [contents.source, contents.translated, contents.destination],
        messageId
      ),
      status,
      messageId,
      operation,
      direction: String(field(m, 'Direction') ?? '').trim(),
      contents,
      businessMessage,
      day: ctx.day,
    },
  }
}

export interface MappedAnswer {
  records: PartnerLogRecord[]
  rejected: Rejected[]
  /** Messages beyond MAX_MESSAGES_PER_ANSWER, not read. */
  overflow: number
}

/**
 * The connector's answer for one day: every message mapped or rejected
 * with its reason; the same id twice in one answer is one record (the last
 * one, as the connector's latest word). Null when the answer is not
 * `{ Messages: [...] }`.
 */
export function mapAnswer(
  body: unknown,
  ctx: { marketplace: string; day: string }
): MappedAnswer | null {
  const list =
    body && typeof body === 'object' && !Array.isArray(body)
      ? field(body as Record<string, unknown>, 'Messages')
      : undefined

  if (!Array.isArray(list)) return null
  const byKey = new Map<string, PartnerLogRecord>()
  const rejected: Rejected[] = []

  list.slice(0, MAX_MESSAGES_PER_ANSWER).forEach((raw, i) => {
    const r = mapMessage(raw, i, ctx)

    if ('rejected' in r) rejected.push(r.rejected)
    else {
      byKey.delete(r.record.key)
      byKey.set(r.record.key, r.record)
    }
  })

  return {
    records: [...byKey.values()],
    rejected,
    overflow: Math.max(0, list.length - MAX_MESSAGES_PER_ANSWER),
  }
}
