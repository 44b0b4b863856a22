import { DEFAULT_KIND, KINDS, adapterOf } from '../marketplaces/registry'
import type { Raw, Fields } from './settingsFields'
import { SETTINGS_LIMITS, bool } from './settingsFields'
import type { Tab } from './tabs'

/**
 * One marketplace as the store configures it: which kind it is (the adapter
 * that talks to it, marketplaces/registry.ts), which tabs it receives, the
 * VTEX channel it sells through (affiliate and trade policy: filled in by the
 * channel stage, null until then) and the kind's own settings, parsed by the
 * kind's SettingsSection.
 */
export interface MarketplaceConfig<C = unknown> {
  id: string
  name: string
  kind: string
  tabs: Record<Tab, boolean>
  /** VTEX affiliate code of the marketplace's orders (`MLB`). */
  affiliateId: string | null
  /** The trade policy (sales channel) it sells (`"2"`). */
  salesChannel: string | null
  /** The kind's settings (the custom connector: `{ baseUrl, token }`). */
  config: C
}

const MARKETPLACE_ID_RE = /^[a-z0-9][a-z0-9-]{0,39}$/

/** The connector saved before marketplaces had kinds: the custom connector's. */
const LEGACY_CONNECTOR = 'http-json'

const blank = (v: unknown) => v == null || v === ''

/** Saved before marketplaces had kinds (no `kind`, no `config`). */
export const isLegacy = (raw: Raw) => raw.kind == null && raw.config == null

/**
 * Settings saved before marketplaces had kinds — by the settings page
 * (`v2/settings`) or in Apps › Settings, whose schema (manifest.json) still
 * has that shape — held the custom connector's fields at the top:
 * `{ connector: 'http-json', baseUrl, token }`. They read as kind `custom`
 * with `config: { baseUrl, token }`. Pure, on every read: nothing is written
 * back (the settings page saves the new shape on its next save; Apps ›
 * Settings stays the merchant's). A connector other than `http-json` is not
 * guessed: the `connector` field is refused (UNKNOWN).
 */
export function migrateMarketplace(raw: Raw): Raw {
  if (!isLegacy(raw)) return raw
  const { connector, baseUrl, token, ...rest } = raw

  return {
    ...rest,
    kind:
      blank(connector) || connector === LEGACY_CONNECTOR
        ? DEFAULT_KIND
        : connector,
    config: { baseUrl, token },
  }
}

/** One marketplace of the list; every problem goes to `{where}.{key}`. */
export function parseMarketplace(
  raw: Raw,
  where: string,
  f: Fields
): MarketplaceConfig {
  const m = migrateMarketplace(raw)
  const id = typeof m.id === 'string' ? m.id.trim() : ''

  if (!id) f.add(`${where}.id`, 'REQUIRED')
  else if (!MARKETPLACE_ID_RE.test(id))
    f.add(`${where}.id`, 'INVALID_FORMAT', { max: 40 })
  const name = f.text(m.name, `${where}.name`, SETTINGS_LIMITS.name)
  const kind = typeof m.kind === 'string' ? m.kind : ''
  const adapter = adapterOf(kind)

  // A legacy connector this version does not know is named as it was saved.
  if (!adapter && isLegacy(raw)) f.add(`${where}.connector`, 'UNKNOWN')
  else if (!adapter)
    f.add(`${where}.kind`, 'UNKNOWN', { allowed: KINDS.join(', ') })

  const configRaw =
    m.config && typeof m.config === 'object' && !Array.isArray(m.config)
      ? (m.config as Raw)
      : null

  if (!configRaw) f.add(`${where}.config`, 'INVALID_FORMAT')
  let config: unknown = null

  if (adapter && configRaw) {
    const parsed = adapter.settings.parse(configRaw, where, {
      saving: f.saving,
    })

    if ('errors' in parsed) parsed.errors.forEach((e) => f.errors.push(e))
    else config = parsed.config
  }

  return {
    id,
    name: name ?? id,
    kind,
    tabs: {
      PRODUCTS: bool(m.products, true),
      INVENTORY: bool(m.inventory, true),
      TRACKING: bool(m.tracking, true),
    },
    affiliateId: f.text(
      m.affiliateId,
      `${where}.affiliateId`,
      SETTINGS_LIMITS.name
    ),
    salesChannel: f.text(
      m.salesChannel,
      `${where}.salesChannel`,
      SETTINGS_LIMITS.name
    ),
    config,
  }
}

/** The marketplace list: every marketplace valid, at most 20 when saving, ids unique. */
export function parseMarketplaces(
  list: unknown,
  f: Fields
): MarketplaceConfig[] {
  if (list == null) return []
  if (!Array.isArray(list)) {
    f.add('marketplaces', 'INVALID_FORMAT')

    return []
  }

  if (f.saving && list.length > SETTINGS_LIMITS.marketplaces)
    f.add('marketplaces', 'TOO_MANY', { max: SETTINGS_LIMITS.marketplaces })
  const marketplaces = list.map((m, i) =>
    parseMarketplace((m ?? {}) as Raw, `marketplaces.${i}`, f)
  )

  const seen = new Set<string>()

  marketplaces.forEach((m, i) => {
    if (m.id && seen.has(m.id)) f.add(`marketplaces.${i}.id`, 'DUPLICATE')
    seen.add(m.id)
  })

  return marketplaces
}
