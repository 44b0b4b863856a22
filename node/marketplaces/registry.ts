import type { MarketplaceAdapter } from './adapter'
import { amazonAdapter } from './amazon'
import { customAdapter } from './custom'
import { mercadoLivreAdapter } from './mercadolivre'
import { partnerAdapter } from './partner/adapter'

/**
 * Every kind of marketplace the bridge talks to, by the `kind` saved with
 * each marketplace in the settings. Adding a kind is its folder under
 * node/marketplaces/ and one line here.
 */
const ADAPTERS: Readonly<Record<string, MarketplaceAdapter>> = {
  custom: customAdapter,
  mercadolivre: mercadoLivreAdapter as MarketplaceAdapter,
  amazon: amazonAdapter as MarketplaceAdapter,
  partner: partnerAdapter as MarketplaceAdapter,
}

/** The kinds the settings accept. */
export const KINDS: readonly string[] = Object.keys(ADAPTERS)

/** The kind saved before marketplaces had kinds (`connector: 'http-json'`). */
export const DEFAULT_KIND = 'custom'

/** The adapter of a kind; null for a kind this version does not know. */
export const adapterOf = (kind: string): MarketplaceAdapter | null =>
  Object.prototype.hasOwnProperty.call(ADAPTERS, kind) ? ADAPTERS[kind] : null
