/**
 * A partner connector's log message as one of the bridge's logs (issue 13.2,
 * docs/marketplaces/partner-connectors.md): the connector's status, its four
 * contents in VTEX's vocabulary, idempotent (the same message collected
 * again writes nothing; a rewritten one updates the same log). Pure.
 */
import { createHash } from 'crypto'

import type { PartnerLogRecord } from '../marketplaces/partner/messages'
import type { IntegrationLog, Outcome, OutcomeBase } from './log'
import { recordOutcome } from './log'

const ENTITY_RE = /^[A-Za-z0-9._-]{1,64}$/

/**
 * The log a message is: one per message (decided: "once each", and a
 * connector's price and stock messages of one SKU are two logs), its entity
 * the SKU or order the message names followed by the message id
 * (`1006.13`), so a search by the SKU or order id finds it beside the
 * bridge's own logs; a message naming none keeps its `msg-{id}`.
 */
export function partnerEntity(
  record: Pick<PartnerLogRecord, 'entityId' | 'messageId'>
) {
  if (record.entityId.startsWith('msg-')) return record.entityId
  const id = `${record.entityId}.${record.messageId}`

  return ENTITY_RE.test(id)
    ? id
    : `${record.entityId.slice(0, 43)}.${createHash('sha1')
        .update(record.messageId)
        .digest('hex')
        .slice(0, 20)}`
}

/** The connector's source content as the log's payload: its JSON when it is JSON. */
function sourceOf(text: string | null): unknown {
  if (text == null) return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/**
 * The change collecting `record` makes to its log: null when the log
 * already holds this version of the message. A Pending of the connector is
 * followed by collecting again (not by an adapter follow-up); an Alert's
 * action is the connector's business message (PARTNER_ACTION).
 */
export function partnerLogChange(
  record: PartnerLogRecord,
  at: string
): (current: IntegrationLog | null) => IntegrationLog | null {
  return (current) => {
    if (current?.partner?.fingerprint === record.fingerprint) return null
    const base: OutcomeBase = {
      status: record.status,
      message:
        record.businessMessage ??
        `${record.operation} (${record.direction}): ${record.status}`,
      origin: null,
      at,
      trigger: 'COLLECTED',
      businessMessage: record.businessMessage,
    }

    const outcome: Outcome =
      record.status === 'ALERT'
        ? { ...base, status: 'ALERT', action: 'PARTNER_ACTION' }
        : record.status === 'PENDING'
        ? {
            ...base,
            status: 'PENDING',
            followUp: { ref: record.key, afterMs: 0 },
          }
        : { ...base, status: record.status }

    const log = recordOutcome(
      current,
      {
        tab: record.tab,
        marketplace: record.marketplace,
        entityId: partnerEntity(record),
      },
      sourceOf(record.contents.source),
      outcome
    )

    return {
      ...log,
      // The connector's pending is refreshed by the next collection.
      pending: null,
      partner: {
        messageId: record.messageId,
        operation: record.operation,
        direction: record.direction,
        translated: record.contents.translated,
        destination: record.contents.destination,
        fingerprint: record.fingerprint,
        day: record.day,
      },
    }
  }
}

/** The log of the collection itself, per partner marketplace (Produtos tab). */
export const COLLECTION_ENTITY = 'logs-collection'

export interface CollectionResult {
  ok: boolean
  /** The failure's stable reason (PARTNER_LOGS_REFUSED…); null when it went well. */
  reason: string | null
  day: string
  exchange: {
    request: { method: string; url: string; body: string | null }
    response: { status: number | null; body: string | null }
  }
}

/**
 * How a collection run shows: a failure the store must fix (refused
 * credentials, no endpoint, malformed answer) is an ERROR log of the
 * marketplace saying so, written once per kind of failure; the next run
 * that goes well turns it into a success. Nothing is written while it keeps
 * going well, nor for an outage (collected again next run).
 */
export function collectionLogChange(
  marketplace: { id: string; name: string },
  result: CollectionResult,
  at: string
): (current: IntegrationLog | null) => IntegrationLog | null {
  return (current) => {
    const fingerprint = result.ok
      ? 'OK'
      : `${result.reason}:${result.exchange.response.status ?? '-'}`

    if (current?.partner?.fingerprint === fingerprint) return null
    if (result.ok && !current) return null
    const status = result.ok ? 'SUCCESS' : 'ERROR'
    const log = recordOutcome(
      current,
      {
        tab: 'PRODUCTS',
        marketplace: marketplace.id,
        entityId: COLLECTION_ENTITY,
      },
      { day: result.day },
      {
        status,
        message: result.ok
          ? `${marketplace.name}'s connector logs collected again.`
          : `Could not collect ${marketplace.name}'s connector logs for ${
              result.day
            }: ${result.reason} (HTTP ${
              result.exchange.response.status ?? 'no answer'
            }).`,
        origin: result.exchange,
        at,
        trigger: 'COLLECTED',
      }
    )

    return {
      ...log,
      partner: {
        messageId: COLLECTION_ENTITY,
        operation: 'Logs collection',
        direction: 'Marketplace to VTEX',
        translated: null,
        destination: result.exchange.response.body,
        fingerprint,
        day: result.day,
      },
    }
  }
}
