import type { FieldError, FieldErrorCode } from './errors'
import { invalidFields } from './errors'

export type Raw = Record<string, unknown>

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
