import { DEFAULT_KIND, adapterOf } from '../marketplaces/registry'
import type { FieldError } from './errors'
import { DomainError, invalidFields } from './errors'
import { isLegacy, migrateMarketplace } from './marketplaceSettings'
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

/** The kind's write-only fields (kept when the page leaves them empty). */
const secretsOf = (kind: unknown) =>
  adapterOf(typeof kind === 'string' ? kind : DEFAULT_KIND)?.settings.secrets ??
  []

/**
 * One marketplace the page sends, over the one saved with its id. Either
 * shape: the current one (`kind`, `config`: each of the kind's secrets
 * absent or null keeps the saved one if the kind is the same) or the one
 * from before kinds (`token` at the top; admin pages loaded before an update
 * still send it).
 */
function mergeMarketplace(input: Raw, saved: Raw | undefined): Raw {
  const before = saved ? migrateMarketplace(saved) : null
  const kept = (before?.config ?? {}) as Raw

  if (isLegacy(input)) {
    return {
      ...input,
      token: input.token == null ? kept.token ?? null : input.token,
    }
  }

  const config = { ...((input.config ?? {}) as Raw) }
  const sameKind = before && (input.kind ?? DEFAULT_KIND) === before.kind

  for (const secret of secretsOf(input.kind ?? DEFAULT_KIND))
    if (config[secret] == null)
      config[secret] = sameKind ? kept[secret] ?? null : null

  return { ...input, config }
}

/**
 * Applies what the settings page sends to the stored settings. A secret that
 * is absent (or null) keeps its value; an empty string clears it. The same
 * holds for each marketplace's secrets (matched by id).
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

      return mergeMarketplace(raw, before.get(raw.id))
    })
  }

  return out
}

/** Longest `config` the page may send for one marketplace (JSON text). */
const MAX_CONFIG_CHARS = 64 * 1024

/**
 * What the GraphQL input carries, as the stored settings hold it: each
 * marketplace's `config` (the kind's fields as JSON text) as an object.
 * Text that is not a JSON object is refused (INVALID_SETTINGS,
 * `marketplaces.{i}.config`), with the other fields' errors at save.
 */
export function settingsInputOf(input: Raw): Raw {
  if (!Array.isArray(input.marketplaces)) return input
  const errors: FieldError[] = []
  const marketplaces = input.marketplaces.map((m, i) => {
    const raw = (m ?? {}) as Raw
    const { config, ...rest } = raw

    if (config == null) return rest
    const field = `marketplaces.${i}.config`

    if (typeof config !== 'string' || config.length > MAX_CONFIG_CHARS) {
      errors.push(
        typeof config === 'string'
          ? { field, code: 'TOO_LONG', params: { max: MAX_CONFIG_CHARS } }
          : { field, code: 'INVALID_FORMAT' }
      )

      return rest
    }

    try {
      const parsed: unknown = JSON.parse(config)

      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        return { ...rest, config: parsed }
    } catch {
      // refused below
    }

    errors.push({ field, code: 'INVALID_FORMAT' })

    return rest
  })

  if (errors.length > 0) {
    throw invalidFields(
      'INVALID_SETTINGS',
      `Invalid settings, nothing was saved: ${errors
        .map((e) => `${e.field} ${e.code}`)
        .join(', ')}.`,
      errors
    )
  }

  return { ...input, marketplaces }
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
    marketplaces: s.marketplaces.map((m) => {
      const shown = adapterOf(m.kind)?.settings.present(m.config) ?? {}

      return {
        id: m.id,
        name: m.name,
        kind: m.kind,
        config: JSON.stringify(shown),
        affiliateId: m.affiliateId,
        salesChannel: m.salesChannel,
        // As admin pages loaded before kinds existed read them (custom kind).
        baseUrl: typeof shown.baseUrl === 'string' ? shown.baseUrl : null,
        hasToken: shown.hasToken === true,
        products: m.tabs.PRODUCTS,
        inventory: m.tabs.INVENTORY,
        tracking: m.tabs.TRACKING,
      }
    }),
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
