import { DomainError, invalidArgument, invalidFields } from './errors'
import type { Tab } from './tabs'
import { parseTab } from './tabs'

const MARKETPLACE_RE = /^[a-z0-9][a-z0-9-]{0,39}$/
const ENTITY_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

export function validateMarketplace(value: string): string {
  if (!MARKETPLACE_RE.test(value)) {
    throw invalidArgument(
      `Invalid marketplace "${value}": use 1-40 lowercase letters, digits or "-".`
    )
  }

  return value
}

export function validateEntityId(value: string): string {
  if (!ENTITY_RE.test(value)) {
    throw invalidArgument(
      `Invalid entity id "${value}": use 1-64 letters, digits, ".", "_" or "-".`
    )
  }

  return value
}

/** `PRODUCTS:mercadolivre:1234` — stable, readable, one per (tab, marketplace, entity). */
export function buildLogId(tab: Tab, marketplace: string, entityId: string) {
  return `${tab}:${validateMarketplace(marketplace)}:${validateEntityId(
    entityId
  )}`
}

export interface LogKey {
  tab: Tab
  marketplace: string
  entityId: string
}

export function parseLogId(id: string): LogKey {
  const parts = typeof id === 'string' ? id.split(':') : []

  if (parts.length !== 3) {
    throw invalidArgument(
      `Invalid log id "${String(id)}": expected TAB:marketplace:entityId.`,
      'INVALID_LOG_ID'
    )
  }

  const [tab, marketplace, entityId] = parts

  return {
    tab: parseTab(tab),
    marketplace: validateMarketplace(marketplace),
    entityId: validateEntityId(entityId),
  }
}

/** Most log ids one request may name (reprocess, remove); more go through bulk actions. */
export const MAX_IDS = 100

/**
 * The ids one request acts on: 1 to MAX_IDS, every one valid, checked before
 * anything changes. `verb` says what the request does ("reprocess", "remove").
 */
export function parseLogIds(ids: readonly string[], verb: string): LogKey[] {
  if (ids.length === 0 || ids.length > MAX_IDS) {
    const message = `Pass from 1 to ${MAX_IDS} log ids to ${verb}.`

    throw ids.length === 0
      ? invalidFields('INVALID_ARGUMENT', message, [
          { field: 'ids', code: 'TOO_FEW', params: { min: 1 } },
        ])
      : invalidFields('TOO_MANY_IDS', message, [
          { field: 'ids', code: 'TOO_MANY', params: { max: MAX_IDS } },
        ])
  }

  return ids.map(parseLogId)
}

/** A log id that names no log (anymore). */
export const logNotFound = (id: string) =>
  new DomainError('NOT_FOUND', `Log ${id} was not found.`, 'LOG_NOT_FOUND')
