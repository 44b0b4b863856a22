import type { LogStatus } from './log'
import { invalidArgument } from './errors'
import { validateMarketplace } from './log'
import type { Tab } from './tabs'

/** One marketplace as the store configures it in the app settings. */
/** Connectors the bridge knows. One today: any partner service can implement its contract. */
export const CONNECTORS = ['http-json'] as const
export type Connector = (typeof CONNECTORS)[number]

export interface MarketplaceConfig {
  id: string
  name: string
  connector: Connector
  /** Base URL of the marketplace's (or partner's) endpoint for the HTTP/JSON connector. */
  baseUrl: string
  /** Secret sent as a bearer token. Never returned by the API, never logged. */
  token: string | null
  tabs: Record<Tab, boolean>
}

export interface BridgeSettings {
  marketplaces: MarketplaceConfig[]
  /** Attempts at the marketplace for an export before it is an error ("retries exhausted"). */
  maxRetries: number
  /** Logs untouched for longer than this are removed automatically. */
  retention: { successDays: number; errorDays: number }
}

export const DEFAULT_MAX_RETRIES = 10
export const DEFAULT_RETENTION = { successDays: 30, errorDays: 90 }
export const DAY_MS = 86_400_000
const MAX_RETENTION_DAYS = 3650

/** Days a log of this status is kept (queued logs follow the errors' age). */
export const retentionDays = (s: BridgeSettings, status: LogStatus) =>
  status === 'SUCCESS' ? s.retention.successDays : s.retention.errorDays

function parseDays(value: unknown, name: string, fallback: number) {
  if (value == null || value === '') return fallback
  const n = Number(value)

  if (!Number.isInteger(n) || n < 1 || n > MAX_RETENTION_DAYS) {
    throw invalidArgument(
      `${name} must be a whole number of days from 1 to ${MAX_RETENTION_DAYS} (got ${String(
        value
      )}).`
    )
  }

  return n
}

type Raw = Record<string, unknown>

const bool = (v: unknown, fallback: boolean) =>
  typeof v === 'boolean' ? v : fallback

function parseMarketplace(raw: Raw, index: number): MarketplaceConfig {
  const where = `marketplaces[${index}]`
  const id = typeof raw.id === 'string' ? raw.id.trim() : ''

  if (!id) throw invalidArgument(`${where}.id is required.`)
  validateMarketplace(id)
  const baseUrl =
    typeof raw.baseUrl === 'string'
      ? raw.baseUrl.trim().replace(/\/+$/, '')
      : ''

  let url: URL

  try {
    url = new URL(baseUrl)
  } catch {
    throw invalidArgument(`${where}.baseUrl "${baseUrl}" is not a URL.`)
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidArgument(`${where}.baseUrl must be http or https.`)
  }

  const connector =
    raw.connector == null || raw.connector === '' ? 'http-json' : raw.connector

  if (!(CONNECTORS as readonly unknown[]).includes(connector)) {
    throw invalidArgument(
      `${where}.connector "${String(
        connector
      )}" is unknown: use ${CONNECTORS.join(', ')}.`
    )
  }

  return {
    id,
    name:
      typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim() : id,
    connector: connector as Connector,
    baseUrl,
    token: typeof raw.token === 'string' && raw.token !== '' ? raw.token : null,
    tabs: {
      PRODUCTS: bool(raw.products, true),
      INVENTORY: bool(raw.inventory, true),
      TRACKING: bool(raw.tracking, true),
    },
  }
}

/** Validates the app settings as saved by the admin (settingsSchema in manifest.json). */
export function parseSettings(raw: unknown): BridgeSettings {
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Raw
  const maxRetries =
    obj.maxRetries == null || obj.maxRetries === ''
      ? DEFAULT_MAX_RETRIES
      : Number(obj.maxRetries)

  if (!Number.isInteger(maxRetries) || maxRetries < 1 || maxRetries > 20) {
    throw invalidArgument(
      `maxRetries must be a whole number from 1 to 20 (got ${String(
        obj.maxRetries
      )}).`
    )
  }

  const retention = {
    successDays: parseDays(
      obj.successRetentionDays,
      'successRetentionDays',
      DEFAULT_RETENTION.successDays
    ),
    errorDays: parseDays(
      obj.errorRetentionDays,
      'errorRetentionDays',
      DEFAULT_RETENTION.errorDays
    ),
  }

  const list = obj.marketplaces

  if (list == null) return { marketplaces: [], maxRetries, retention }
  if (!Array.isArray(list))
    throw invalidArgument('marketplaces must be a list.')
  const marketplaces = list.map((m, i) => parseMarketplace((m ?? {}) as Raw, i))
  const seen = new Set<string>()

  for (const m of marketplaces) {
    if (seen.has(m.id))
      throw invalidArgument(`Marketplace "${m.id}" is configured twice.`)
    seen.add(m.id)
  }

  return { marketplaces, maxRetries, retention }
}

/** Marketplaces that receive a tab. */
export const enabledFor = (settings: BridgeSettings, tab: Tab) =>
  settings.marketplaces.filter((m) => m.tabs[tab])
