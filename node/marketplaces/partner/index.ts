/**
 * Third-party connectors' logs (VTEX's "External marketplace integration
 * logs" standard): settings, the collection plan per day, the request and
 * the mapping of `Messages[]` to the bridge's log records, idempotent per
 * message. Collected on the schedule by a later stage; reprocessing is not
 * offered for them (the connector, not the bridge, sent what they record).
 */
export type { PartnerConnectorConfig } from './settings'
export { partnerSettings, parsePartnerSettings } from './settings'
export type { PartnerLogRecord, Rejected } from './messages'
export { mapAnswer, mapMessage, messageKey, PARTNER_STATUSES } from './messages'
export { collectionPlan, statusParam, utcDay } from './plan'
export { logsRequest } from './request'
export { collectDay } from './collect'
export type { DayResult, CollectReason } from './collect'
export { operationTab } from './operations'
