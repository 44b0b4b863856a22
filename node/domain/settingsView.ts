import type { FieldError } from './errors'
import { DomainError } from './errors'
import type { BridgeSettings } from './settings'
import { FIELD_PATHS } from './settings'

type Raw = Record<string, unknown>

/** Settings keys that hold secrets: never returned, kept when not sent again. */
export const SECRET_KEYS = [
  'carrierToken',
  'partnerToken',
  'vtexTrackingToken',
] as const

/** Set by the service, never by the page: not a change of the admin's. */
const DERIVED_KEYS = ['vtexTrackingValidatedAt']

/**
 * Applies what the settings page sends to the stored settings. A secret that
 * is absent (or null) keeps its value; an empty string clears it. The same
 * holds for each marketplace's token (matched by id).
 */
export function mergeSettingsInput(current: Raw, input: Raw): Raw {
  const out: Raw = { ...current }

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

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

const changedKeys = (before: Raw, after: Raw) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !DERIVED_KEYS.includes(k) && !same(before[k], after[k])
  )

/**
 * A save raced another one (If-Match failed). `base` is what this save read,
 * `mine` what it meant to write, `latest` what the other save wrote. The
 * changes merge when the two saves changed different keys (or the same key
 * to the same value): this save's changes are applied over `latest`.
 * Otherwise SETTINGS_CONFLICT names the keys both changed; nothing is saved.
 */
export function rebaseSettings(base: Raw, mine: Raw, latest: Raw): Raw {
  const theirs = new Set(changedKeys(base, latest))
  const changed = changedKeys(base, mine)
  const clash = changed.filter(
    (k) => theirs.has(k) && !same(mine[k], latest[k])
  )

  if (clash.length > 0) {
    throw new DomainError(
      'CONFLICT',
      `Someone else saved the settings meanwhile and changed ${clash.join(
        ', '
      )} too. Nothing was saved: reload the page and save again.`,
      'SETTINGS_CONFLICT',
      clash.map(
        (k): FieldError => ({ field: FIELD_PATHS[k] ?? k, code: 'NOT_ALLOWED' })
      )
    )
  }

  const out: Raw = { ...latest }

  for (const k of changed) out[k] = mine[k]

  return out
}

/** Saves kept racing others (every retry lost): nothing was saved, try again. */
export const settingsBusy = () =>
  new DomainError(
    'CONFLICT',
    'Other saves of the settings kept winning; nothing was saved. Save again.',
    'SETTINGS_CONFLICT'
  )

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
      affiliateId: m.affiliateId ?? null,
      salesChannel: m.salesChannel ?? null,
      currency: m.currency ?? null,
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
