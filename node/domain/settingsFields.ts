import type { FieldError, FieldErrorCode } from './errors'
import { invalidFields } from './errors'
import type { Tab } from './tabs'

/** Connectors the bridge knows. One today: any partner service can implement its contract. */
export const CONNECTORS = ['http-json'] as const
export type Connector = (typeof CONNECTORS)[number]

/** One marketplace as the store configures it. */
export interface MarketplaceConfig {
  id: string
  name: string
  connector: Connector
  /** Base URL of the marketplace's (or partner's) endpoint for the HTTP/JSON connector. */
  baseUrl: string
  /** Secret sent as a bearer token. Never returned by the API, never logged. */
  token: string | null
  tabs: Record<Tab, boolean>
  /** VTEX affiliate code of the marketplace (`MLB`); null until set (no order traffic). */
  affiliateId?: string | null
  /** Trade policy (sales channel) id (`"2"`); null until set. */
  salesChannel?: string | null
  /** Price table, when not the trade policy's own. */
  priceTable?: string | null
  /** The trade policy's currency, saved with it. */
  currency?: string | null
}

export type Raw = Record<string, unknown>

const MARKETPLACE_ID_RE = /^[a-z0-9][a-z0-9-]{0,39}$/

/**
 * Bounds of what the settings page saves (docs/README.md, "Settings").
 * Decision: 20 marketplaces. Every change fans out to each marketplace
 * enabled for its tab (one job, one request, one log each), so the count
 * multiplies the store's traffic and its logs; a store selling on more
 * channels than this runs them through a hub.
 */
export const SETTINGS_LIMITS = {
  marketplaces: 20,
  name: 60,
  url: 2048,
  token: 4096,
  username: 256,
  partnerToken: { min: 16, max: 256 },
} as const

const blank = (v: unknown) => v == null || v === ''

export const bool = (v: unknown, fallback: boolean) =>
  typeof v === 'boolean' ? v : fallback

/**
 * Collects every invalid settings field (path, code, params) so one save
 * reports all of them at once; `throwIfAny` raises INVALID_SETTINGS.
 */
export class Fields {
  readonly errors: FieldError[] = []

  constructor(readonly saving: boolean) {}

  add(field: string, code: FieldErrorCode, params?: FieldError['params']) {
    this.errors.push(params ? { field, code, params } : { field, code })
  }

  throwIfAny() {
    if (this.errors.length === 0) return
    const list = this.errors.map((e) => `${e.field} ${e.code}`).join(', ')

    throw invalidFields(
      'INVALID_SETTINGS',
      `Invalid settings, nothing was saved: ${list}.`,
      this.errors
    )
  }

  /** A whole number from min to max; blank is the default. */
  integer(
    v: unknown,
    field: string,
    min: number,
    max: number,
    fallback: number
  ) {
    const n = this.number(v, field, min, max, fallback)

    if (!Number.isInteger(n)) {
      if (!this.errors.some((e) => e.field === field))
        this.add(field, 'OUT_OF_RANGE', { min, max })

      return fallback
    }

    return n
  }

  /** A number from min to max; blank is the default. */
  number(
    v: unknown,
    field: string,
    min: number,
    max: number,
    fallback: number
  ) {
    if (blank(v)) return fallback
    const n = typeof v === 'number' || typeof v === 'string' ? Number(v) : NaN

    if (!Number.isFinite(n) || n < min || n > max) {
      this.add(field, 'OUT_OF_RANGE', { min, max })

      return fallback
    }

    return n
  }

  /** Trimmed text up to `max` characters (bounded when saving); blank is null. */
  text(v: unknown, field: string, max: number): string | null {
    if (blank(v)) return null
    if (typeof v !== 'string') {
      this.add(field, 'INVALID_FORMAT')

      return null
    }

    const t = v.trim()

    if (this.saving && t.length > max) this.add(field, 'TOO_LONG', { max })

    return t || null
  }

  /** A write-only secret of min to max characters; blank is "none". */
  secret(
    v: unknown,
    field: string,
    min: number,
    max: number,
    alwaysBounded = false
  ) {
    if (blank(v)) return null
    if (typeof v !== 'string') {
      this.add(field, 'INVALID_FORMAT')

      return null
    }

    if (v.length < min) this.add(field, 'TOO_SHORT', { min })
    else if ((this.saving || alwaysBounded) && v.length > max)
      this.add(field, 'TOO_LONG', { max })

    return v
  }

  /** An http(s) URL without trailing slashes; blank is null (or REQUIRED). */
  url(v: unknown, field: string, required: boolean): string | null {
    if (blank(v)) {
      if (required) this.add(field, 'REQUIRED')

      return null
    }

    const text = String(v).trim().replace(/\/+$/, '')

    if (this.saving && text.length > SETTINGS_LIMITS.url) {
      this.add(field, 'TOO_LONG', { max: SETTINGS_LIMITS.url })

      return text
    }

    let url: URL | null = null

    try {
      url = new URL(text)
    } catch {
      url = null
    }

    if (
      !url ||
      (url.protocol !== 'https:' && url.protocol !== 'http:') ||
      /\s/.test(text)
    )
      this.add(field, 'INVALID_FORMAT')

    return text
  }
}

/** One marketplace of the list; problems go to `{where}.{key}`. */
export function parseMarketplace(
  raw: Raw,
  where: string,
  f: Fields
): MarketplaceConfig {
  const id = typeof raw.id === 'string' ? raw.id.trim() : ''

  if (!id) f.add(`${where}.id`, 'REQUIRED')
  else if (!MARKETPLACE_ID_RE.test(id))
    f.add(`${where}.id`, 'INVALID_FORMAT', { max: 40 })
  const baseUrl = f.url(raw.baseUrl, `${where}.baseUrl`, true) ?? ''
  const connector = blank(raw.connector) ? 'http-json' : raw.connector

  if (!(CONNECTORS as readonly unknown[]).includes(connector))
    f.add(`${where}.connector`, 'UNKNOWN')
  const name = f.text(raw.name, `${where}.name`, SETTINGS_LIMITS.name)

  return {
    id,
    name: name ?? id,
    connector: connector as Connector,
    baseUrl,
    token: f.secret(raw.token, `${where}.token`, 1, SETTINGS_LIMITS.token),
    tabs: {
      PRODUCTS: bool(raw.products, true),
      INVENTORY: bool(raw.inventory, true),
      TRACKING: bool(raw.tracking, true),
    },
    affiliateId: f.text(raw.affiliateId, `${where}.affiliateId`, 40),
    salesChannel: f.text(
      raw.salesChannel == null ? raw.salesChannel : String(raw.salesChannel),
      `${where}.salesChannel`,
      40
    ),
    priceTable: f.text(raw.priceTable, `${where}.priceTable`, 40),
    currency: f.text(raw.currency, `${where}.currency`, 3),
  }
}
