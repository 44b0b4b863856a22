/**
 * A marketplace served by a partner's VTEX connector: where the connector
 * exposes its logs (VTEX's standard: `{urlBase}/{account}/logs`) and how the
 * bridge authenticates there. VTEX's guide does not fix the credentials;
 * decision: VTEX's own convention for calls between VTEX and partners, an
 * app key and token (`X-VTEX-API-AppKey` / `X-VTEX-API-AppToken` headers),
 * or a bearer token for connectors that issue one. Secrets are write-only.
 */
import type { FieldError } from '../../domain/errors'
import type { SettingsSection } from '../adapter'
import type { PartnerStatus } from './messages'
import { PARTNER_STATUSES } from './messages'

export const PARTNER_AUTH = ['appKey', 'bearer'] as const
export type PartnerAuth = (typeof PARTNER_AUTH)[number]

export interface PartnerConnectorConfig {
  /** `{urlBase}` of VTEX's standard, without the account (e.g. https://connector.example.com/vtex). */
  logBaseUrl: string
  auth: PartnerAuth
  /** For `appKey`: the key the connector gave the store (readable). */
  appKey: string | null
  /** Write-only. For `appKey`. */
  appToken: string | null
  /** Write-only. For `bearer`. */
  bearerToken: string | null
  /** Statuses collected; all four by default. */
  statuses: PartnerStatus[]
  /** Days collected back from today on each run (today's logs keep growing; yesterday's may still change). */
  lookbackDays: number
}

export const PARTNER_SECRETS = ['appToken', 'bearerToken'] as const
export const DEFAULT_LOOKBACK_DAYS = 2
const MAX_LOOKBACK_DAYS = 30
const MAX_SECRET = 1024
const MAX_URL = 500

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')

/** http only for local hosts: the connector's credentials travel in headers. */
function parseUrl(raw: unknown, field: string, errors: FieldError[]) {
  const value = text(raw).replace(/\/+$/, '')

  if (!value) {
    errors.push({ field, code: 'REQUIRED' })

    return value
  }

  if (value.length > MAX_URL) {
    errors.push({ field, code: 'TOO_LONG', params: { max: MAX_URL } })

    return value
  }

  try {
    const url = new URL(value)
    const local =
      url.hostname === 'localhost' || url.hostname.endsWith('.local')

    if (
      !(url.protocol === 'https:' || (url.protocol === 'http:' && local)) ||
      url.search ||
      url.hash ||
      url.username
    )
      errors.push({ field, code: 'NOT_ALLOWED' })
  } catch {
    errors.push({ field, code: 'INVALID_FORMAT' })
  }

  return value
}

function parseStatuses(raw: unknown, field: string, errors: FieldError[]) {
  if (raw == null || raw === '' || (Array.isArray(raw) && !raw.length))
    return [...PARTNER_STATUSES]
  const list = Array.isArray(raw) ? raw : String(raw).split(',')
  const out: PartnerStatus[] = []

  list.forEach((v, i) => {
    const s = PARTNER_STATUSES.find(
      (p) => p.toLowerCase() === text(v).toLowerCase()
    )

    if (!s) errors.push({ field: `${field}.${i}`, code: 'UNKNOWN' })
    else if (!out.includes(s)) out.push(s)
  })

  return out
}

export function parsePartnerSettings(
  raw: Record<string, unknown>,
  path: string
): { config: PartnerConnectorConfig } | { errors: FieldError[] } {
  const errors: FieldError[] = []
  const at = (f: string) => (path ? `${path}.${f}` : f)
  const logBaseUrl = parseUrl(raw.logBaseUrl, at('logBaseUrl'), errors)
  const authText = text(raw.auth) || 'appKey'
  const auth = PARTNER_AUTH.find((a) => a === authText)

  if (!auth) errors.push({ field: at('auth'), code: 'UNKNOWN' })
  const secret = (name: string, needed: boolean) => {
    const value = text(raw[name])

    if (needed && !value) errors.push({ field: at(name), code: 'REQUIRED' })
    else if (value.length > MAX_SECRET)
      errors.push({
        field: at(name),
        code: 'TOO_LONG',
        params: { max: MAX_SECRET },
      })

    return value || null
  }

  const appKey = secret('appKey', auth === 'appKey')
  const appToken = secret('appToken', auth === 'appKey')
  const bearerToken = secret('bearerToken', auth === 'bearer')
  const statuses = parseStatuses(raw.statuses, at('statuses'), errors)
  const days =
    raw.lookbackDays == null || raw.lookbackDays === ''
      ? DEFAULT_LOOKBACK_DAYS
      : Number(raw.lookbackDays)

  if (!Number.isInteger(days) || days < 1 || days > MAX_LOOKBACK_DAYS)
    errors.push({
      field: at('lookbackDays'),
      code: 'OUT_OF_RANGE',
      params: { min: 1, max: MAX_LOOKBACK_DAYS },
    })

  if (errors.length || !auth) return { errors }

  return {
    config: {
      logBaseUrl,
      auth,
      appKey: auth === 'appKey' ? appKey : null,
      appToken: auth === 'appKey' ? appToken : null,
      bearerToken: auth === 'bearer' ? bearerToken : null,
      statuses,
      lookbackDays: days,
    },
  }
}

export const partnerSettings: SettingsSection<PartnerConnectorConfig> = {
  parse: parsePartnerSettings,
  present: (c) => ({
    logBaseUrl: c.logBaseUrl,
    auth: c.auth,
    appKey: c.appKey,
    appTokenSet: Boolean(c.appToken),
    bearerTokenSet: Boolean(c.bearerToken),
    statuses: [...c.statuses],
    lookbackDays: c.lookbackDays,
  }),
  secrets: PARTNER_SECRETS,
}
