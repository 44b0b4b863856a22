import type {
  BridgeSettingsInput,
  BridgeSettingsQuery,
} from '../../graphql/generated'

type Settings = BridgeSettingsQuery['bridgeSettings']
type SavedMarketplace = Settings['marketplaces'][number]

/**
 * One marketplace as the page edits it: the API's fields, the custom kind's
 * config as inputs (its base URL, a typed token), whether it is new.
 */
export type MarketplaceForm = Omit<SavedMarketplace, 'config'> & {
  baseUrl: string
  /** The saved config says a token is set (never the token itself). */
  hasToken: boolean
  /** Typed by the admin; empty keeps the saved token. */
  token: string
  isNew: boolean
  /**
   * Another kind's config as the API shows it (its secrets only as
   * `…Set`), edited field by field; sent back as it is, secrets typed in
   * `secrets` (empty keeps the saved one).
   */
  kindConfig: Record<string, unknown>
  secrets: Record<string, string>
}

/** The kind's config as the API shows it (JSON text; secrets only as has…). */
function configOf(m: SavedMarketplace): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(m.config)

    return parsed && typeof parsed === 'object'
      ? (parsed as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}

const marketplaceForm = (m: SavedMarketplace): MarketplaceForm => {
  const { config: _config, ...rest } = m
  const config = configOf(m)

  return {
    ...rest,
    baseUrl: typeof config.baseUrl === 'string' ? config.baseUrl : '',
    hasToken: config.hasToken === true,
    token: '',
    isNew: false,
    kindConfig: m.kind === 'custom' ? {} : config,
    secrets: {},
  }
}

/**
 * The page's fields: the API's settings (BridgeSettings) as the inputs hold
 * them (numbers as typed text), secrets typed afresh.
 */
export interface SettingsForm {
  marketplaces: MarketplaceForm[]
  maxRetries: string
  successRetentionDays: string
  errorRetentionDays: string
  carrierBaseUrl: string
  carrierToken: string
  carrierRefreshHours: string
  carrierRefreshDays: string
  partnerToken: string
  vtexTrackingEnabled: boolean
  vtexTrackingUsername: string
  vtexTrackingToken: string
  vtexTrackingOnlyWithInvoiceFile: boolean
  vtexTrackingStatusUpdates: boolean
  /** Read-only: what the API says is saved. */
  saved: Settings
}

export const toForm = (s: Settings): SettingsForm => ({
  marketplaces: s.marketplaces.map(marketplaceForm),
  maxRetries: String(s.maxRetries),
  successRetentionDays: String(s.successRetentionDays),
  errorRetentionDays: String(s.errorRetentionDays),
  carrierBaseUrl: s.carrierBaseUrl ?? '',
  carrierToken: '',
  carrierRefreshHours: String(s.carrierRefreshHours),
  carrierRefreshDays: String(s.carrierRefreshDays),
  partnerToken: '',
  vtexTrackingEnabled: s.vtexTracking.enabled,
  vtexTrackingUsername: s.vtexTracking.username ?? '',
  vtexTrackingToken: '',
  vtexTrackingOnlyWithInvoiceFile: s.vtexTracking.onlyWithInvoiceFile,
  vtexTrackingStatusUpdates: s.vtexTracking.statusUpdates,
  saved: s,
})

/** A typed secret replaces the saved one; an untouched field keeps it (null). */
const secret = (typed: string) => (typed === '' ? null : typed)
/** Numbers as typed: the service says what is wrong with them. */
const num = (v: string) => (v.trim() === '' ? null : Number(v))

/** The config sent for a kind other than `custom`: its fields, `…Set` flags dropped, typed secrets. */
function kindConfigInput(m: MarketplaceForm) {
  const fields = Object.fromEntries(
    Object.entries(m.kindConfig).filter(([k]) => !/Set$/.test(k))
  )

  for (const [k, v] of Object.entries(m.secrets)) fields[k] = secret(v)

  return fields
}

export const toInput = (f: SettingsForm): BridgeSettingsInput => ({
  marketplaces: f.marketplaces.map((m) => ({
    id: m.id.trim(),
    name: m.name.trim(),
    kind: m.kind,
    // The custom kind's config (a token left empty keeps the saved one); another kind's as edited.
    config: JSON.stringify(
      m.kind === 'custom'
        ? { baseUrl: m.baseUrl.trim(), token: secret(m.token) }
        : kindConfigInput(m)
    ),
    affiliateId: m.affiliateId ?? null,
    salesChannel: m.salesChannel ?? null,
    products: m.products,
    inventory: m.inventory,
    tracking: m.tracking,
  })),
  maxRetries: num(f.maxRetries),
  successRetentionDays: num(f.successRetentionDays),
  errorRetentionDays: num(f.errorRetentionDays),
  carrierBaseUrl: f.carrierBaseUrl.trim() || null,
  carrierToken: secret(f.carrierToken),
  carrierRefreshHours: num(f.carrierRefreshHours),
  carrierRefreshDays: num(f.carrierRefreshDays),
  partnerToken: secret(f.partnerToken),
  vtexTrackingEnabled: f.vtexTrackingEnabled,
  vtexTrackingUsername: f.vtexTrackingUsername.trim() || null,
  vtexTrackingToken: secret(f.vtexTrackingToken),
  vtexTrackingOnlyWithInvoiceFile: f.vtexTrackingOnlyWithInvoiceFile,
  vtexTrackingStatusUpdates: f.vtexTrackingStatusUpdates,
})

/** The API's field paths (INVALID_SETTINGS) → the page's inputs. */
const PATHS: Record<string, string> = {
  'retention.successDays': 'successRetentionDays',
  'retention.errorDays': 'errorRetentionDays',
  'carrier.baseUrl': 'carrierBaseUrl',
  'carrier.token': 'carrierToken',
  'carrier.everyHours': 'carrierRefreshHours',
  'carrier.forDays': 'carrierRefreshDays',
  'vtexTracking.username': 'vtexTrackingUsername',
  'vtexTracking.token': 'vtexTrackingToken',
  'vtexTracking.enabled': 'vtexTrackingEnabled',
}

/** Where a field error shows: `maxRetries`, `marketplaces.1.name`, … */
export const inputOf = (path: string) => PATHS[path] ?? path
