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
  /** VTEX Tracking: invoiced orders imported as delivery services. */
  vtexTracking: {
    enabled: boolean
    username: string | null
    /** Write-only; validated against VTEX Tracking before it is saved. */
    token: string | null
    /** Import only orders whose invoice has a file (invoiceUrl). */
    onlyWithInvoiceFile: boolean
    /** Let VTEX Tracking send status updates back to the order. */
    statusUpdates: boolean
    validatedAt: string | null
  }
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
  const vtexTracking = parseVtexTracking(obj)
  const list = obj.marketplaces

  if (list == null)
    return {
      marketplaces: [],
      maxRetries,
      retention,
      carrier,
      partnerToken,
      vtexTracking,
    }
  if (!Array.isArray(list))
    throw invalidArgument('marketplaces must be a list.')
  const marketplaces = list.map((m, i) => parseMarketplace((m ?? {}) as Raw, i))
  const seen = new Set<string>()

  for (const m of marketplaces) {
    if (seen.has(m.id))
      throw invalidArgument(`Marketplace "${m.id}" is configured twice.`)
    seen.add(m.id)
  }

  return {
    marketplaces,
    maxRetries,
    retention,
    carrier,
    partnerToken,
    vtexTracking,
  }
}

function parseVtexTracking(obj: Raw): BridgeSettings['vtexTracking'] {
  const enabled = bool(obj.vtexTrackingEnabled, false)
  const username =
    typeof obj.vtexTrackingUsername === 'string' &&
    obj.vtexTrackingUsername.trim()
      ? obj.vtexTrackingUsername.trim()
      : null

  const token =
    typeof obj.vtexTrackingToken === 'string' && obj.vtexTrackingToken !== ''
      ? obj.vtexTrackingToken
      : null

  if (enabled && (!username || !token)) {
    throw invalidArgument(
      'VTEX Tracking needs its username and token (ask VTEX support for the token).'
    )
  }

  return {
    enabled,
    username,
    token,
    onlyWithInvoiceFile: bool(obj.vtexTrackingOnlyWithInvoiceFile, false),
    statusUpdates: bool(obj.vtexTrackingStatusUpdates, true),
    validatedAt:
      typeof obj.vtexTrackingValidatedAt === 'string'
        ? obj.vtexTrackingValidatedAt
        : null,
  }
}

/** Settings keys that hold secrets: never returned, kept when not sent again. */
export const SECRET_KEYS = [
  'carrierToken',
  'partnerToken',
  'vtexTrackingToken',
] as const

/**
 * Applies what the settings page sends to the stored settings. A secret that
 * is absent (or null) keeps its value; an empty string clears it. The same
 * holds for each marketplace's token (matched by id).
 */
export function mergeSettingsInput(
  current: Record<string, unknown>,
  input: Record<string, unknown>
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...current }

  for (const [k, v] of Object.entries(input)) {
    if (k === 'marketplaces') continue
    if ((SECRET_KEYS as readonly string[]).includes(k) && v == null) continue
    if (v !== undefined) out[k] = v
  }

  if (Array.isArray(input.marketplaces)) {
    const before = new Map(
      (Array.isArray(current.marketplaces) ? current.marketplaces : []).map(
        (m) => [(m as Raw).id, m as Raw]
      )
    )

    out.marketplaces = input.marketplaces.map((m) => {
      const raw = (m ?? {}) as Raw
      const token =
        raw.token == null ? before.get(raw.id)?.token ?? null : raw.token

      return { ...raw, token }
    })
  }

  return out
}

/** What the settings page shows: every value but the secrets, which are only "set" or not. */
export function settingsView(s: BridgeSettings) {
  return {
    marketplaces: s.marketplaces.map((m) => ({
      id: m.id,
      name: m.name,
      baseUrl: m.baseUrl,
      hasToken: Boolean(m.token),
      products: m.tabs.PRODUCTS,
      inventory: m.tabs.INVENTORY,
      tracking: m.tabs.TRACKING,
    })),
    maxRetries: s.maxRetries,
    successRetentionDays: s.retention.successDays,
    errorRetentionDays: s.retention.errorDays,
    carrierBaseUrl: s.carrier.baseUrl,
    hasCarrierToken: Boolean(s.carrier.token),
    carrierRefreshHours: s.carrier.everyHours,
    carrierRefreshDays: s.carrier.forDays,
    hasPartnerToken: Boolean(s.partnerToken),
    vtexTracking: {
      enabled: s.vtexTracking.enabled,
      username: s.vtexTracking.username,
      hasToken: Boolean(s.vtexTracking.token),
      onlyWithInvoiceFile: s.vtexTracking.onlyWithInvoiceFile,
      statusUpdates: s.vtexTracking.statusUpdates,
      validatedAt: s.vtexTracking.validatedAt,
    },
  }
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
