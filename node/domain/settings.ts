import type { LogStatus } from './log'
import { DEFAULT_REFRESH_DAYS, DEFAULT_REFRESH_HOURS } from './carrier'
import type { FieldError } from './errors'
import { invalidFields } from './errors'
import type { Tab } from './tabs'
import type { MarketplaceConfig } from './marketplaceSettings'
import { parseMarketplaces } from './marketplaceSettings'
import type { Raw } from './settingsFields'
import { Fields, SETTINGS_LIMITS, bool } from './settingsFields'

export type { MarketplaceConfig } from './marketplaceSettings'
export { SETTINGS_LIMITS } from './settingsFields'

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

/**
 * Where each stored key is reported in INVALID_SETTINGS / SETTINGS_CONFLICT
 * (`fields[].field`); marketplace fields are `marketplaces.{index}.{key}`.
 */
export const FIELD_PATHS: Record<string, string> = {
  marketplaces: 'marketplaces',
  maxRetries: 'maxRetries',
  successRetentionDays: 'retention.successDays',
  errorRetentionDays: 'retention.errorDays',
  carrierBaseUrl: 'carrier.baseUrl',
  carrierToken: 'carrier.token',
  carrierRefreshHours: 'carrier.everyHours',
  carrierRefreshDays: 'carrier.forDays',
  partnerToken: 'partnerToken',
  vtexTrackingEnabled: 'vtexTracking.enabled',
  vtexTrackingUsername: 'vtexTracking.username',
  vtexTrackingToken: 'vtexTracking.token',
  vtexTrackingOnlyWithInvoiceFile: 'vtexTracking.onlyWithInvoiceFile',
  vtexTrackingStatusUpdates: 'vtexTracking.statusUpdates',
}

/**
 * Days a log of this status is kept; null: retention never removes it.
 * Successes follow successDays; errors, alerts (the store must act) and
 * queued logs the errors' age. A PENDING log awaits the marketplace's final
 * answer and is never expired: its follow-ups end it within a day
 * (statusModel.ts followUpStep), so it cannot linger.
 */
export const retentionDays = (s: BridgeSettings, status: LogStatus) =>
  status === 'PENDING'
    ? null
    : status === 'SUCCESS'
    ? s.retention.successDays
    : s.retention.errorDays

/**
 * Validates settings (the app settings with what the settings page saved
 * over them) and reports every invalid field at once: INVALID_SETTINGS with
 * `fields`. `saving` adds the bounds of the settings page; settings saved
 * before a bound existed still load, so nothing stops working or is lost,
 * and the page asks for the fix on the next save.
 */
export function parseSettings(raw: unknown, saving = false): BridgeSettings {
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Raw
  const f = new Fields(saving)
  const settings: BridgeSettings = {
    maxRetries: f.integer(
      obj.maxRetries,
      'maxRetries',
      1,
      20,
      DEFAULT_MAX_RETRIES
    ),
    retention: {
      successDays: f.integer(
        obj.successRetentionDays,
        'retention.successDays',
        1,
        MAX_RETENTION_DAYS,
        DEFAULT_RETENTION.successDays
      ),
      errorDays: f.integer(
        obj.errorRetentionDays,
        'retention.errorDays',
        1,
        MAX_RETENTION_DAYS,
        DEFAULT_RETENTION.errorDays
      ),
    },
    carrier: {
      baseUrl: f.url(obj.carrierBaseUrl, 'carrier.baseUrl', false),
      token: f.secret(
        obj.carrierToken,
        'carrier.token',
        1,
        SETTINGS_LIMITS.token
      ),
      everyHours: f.number(
        obj.carrierRefreshHours,
        'carrier.everyHours',
        1,
        48,
        DEFAULT_REFRESH_HOURS
      ),
      forDays: f.number(
        obj.carrierRefreshDays,
        'carrier.forDays',
        1,
        60,
        DEFAULT_REFRESH_DAYS
      ),
    },
    partnerToken: f.secret(
      obj.partnerToken,
      'partnerToken',
      SETTINGS_LIMITS.partnerToken.min,
      SETTINGS_LIMITS.partnerToken.max,
      true
    ),
    vtexTracking: parseVtexTracking(obj, f),
    marketplaces: parseMarketplaces(obj.marketplaces, f),
  }

  f.throwIfAny()

  return settings
}

function parseVtexTracking(
  obj: Raw,
  f: Fields
): BridgeSettings['vtexTracking'] {
  const enabled = bool(obj.vtexTrackingEnabled, false)
  const username = f.text(
    obj.vtexTrackingUsername,
    'vtexTracking.username',
    SETTINGS_LIMITS.username
  )

  const token = f.secret(
    obj.vtexTrackingToken,
    'vtexTracking.token',
    1,
    SETTINGS_LIMITS.token
  )

  if (enabled && !username) f.add('vtexTracking.username', 'REQUIRED')
  if (enabled && !token) f.add('vtexTracking.token', 'REQUIRED')

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

/** VTEX Tracking refused the username and token: nothing was saved. */
export const trackingRejected = (said: string | null) =>
  invalidFields(
    'VTEX_TRACKING_REJECTED',
    `VTEX Tracking did not accept the username and token${
      said ? `: ${said}` : ''
    }. Nothing was saved.`,
    [
      { field: 'vtexTracking.username', code: 'NOT_ALLOWED' },
      { field: 'vtexTracking.token', code: 'NOT_ALLOWED' },
    ] as FieldError[]
  )

/** Marketplaces that receive a tab's changes (the one rule of which marketplace gets what tab). */
export const enabledFor = (
  settings: Pick<BridgeSettings, 'marketplaces'>,
  tab: Tab
) => settings.marketplaces.filter((m) => m.tabs[tab])

/** The marketplace a log of this tab goes to, if it is configured and receives the tab. */
export const configuredFor = (
  settings: BridgeSettings,
  tab: Tab,
  marketplaceId: string
) => enabledFor(settings, tab).find((m) => m.id === marketplaceId) ?? null
