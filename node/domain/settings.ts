import type { LogStatus } from './log'
import { DEFAULT_REFRESH_DAYS, DEFAULT_REFRESH_HOURS } from './carrier'
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
  /** Carrier refresh: every `everyHours` for `forDays` after the invoice (6 h, 12.5 days). */
  carrier: {
    baseUrl: string | null
    /** Write-only. */
    token: string | null
    everyHours: number
    forDays: number
  }
  /** Logistics partners authenticate with this bearer token (write-only). */
  partnerToken: string | null
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

  const carrier = parseCarrier(obj)
  const partnerToken = optionalSecret(obj.partnerToken, 'partnerToken')
  const list = obj.marketplaces

  if (list == null)
    return { marketplaces: [], maxRetries, retention, carrier, partnerToken }
  if (!Array.isArray(list))
    throw invalidArgument('marketplaces must be a list.')
  const marketplaces = list.map((m, i) => parseMarketplace((m ?? {}) as Raw, i))
  const seen = new Set<string>()

  for (const m of marketplaces) {
    if (seen.has(m.id))
      throw invalidArgument(`Marketplace "${m.id}" is configured twice.`)
    seen.add(m.id)
  }

  return { marketplaces, maxRetries, retention, carrier, partnerToken }
}

function optionalSecret(value: unknown, name: string) {
  if (value == null || value === '') return null
  if (typeof value !== 'string' || value.length < 16 || value.length > 256) {
    throw invalidArgument(`${name} must be a string of 16 to 256 characters.`)
  }

  return value
}

function parseCarrier(obj: Raw): BridgeSettings['carrier'] {
  const baseUrl =
    obj.carrierBaseUrl == null || obj.carrierBaseUrl === ''
      ? null
      : String(obj.carrierBaseUrl)

  if (baseUrl && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(baseUrl)) {
    throw invalidArgument(
      `carrierBaseUrl must be an http(s) URL (got "${baseUrl}").`
    )
  }

  const everyHours =
    obj.carrierRefreshHours == null || obj.carrierRefreshHours === ''
      ? DEFAULT_REFRESH_HOURS
      : Number(obj.carrierRefreshHours)

  const forDays =
    obj.carrierRefreshDays == null || obj.carrierRefreshDays === ''
      ? DEFAULT_REFRESH_DAYS
      : Number(obj.carrierRefreshDays)

  if (!Number.isFinite(everyHours) || everyHours < 1 || everyHours > 48) {
    throw invalidArgument('carrierRefreshHours must be from 1 to 48.')
  }

  if (!Number.isFinite(forDays) || forDays < 1 || forDays > 60) {
    throw invalidArgument('carrierRefreshDays must be from 1 to 60.')
  }

  return {
    baseUrl: baseUrl ? baseUrl.replace(/\/+$/, '') : null,
    token: obj.carrierToken ? String(obj.carrierToken) : null,
    everyHours,
    forDays,
  }
}

/** Marketplaces that receive a tab. */
export const enabledFor = (settings: BridgeSettings, tab: Tab) =>
  settings.marketplaces.filter((m) => m.tabs[tab])
