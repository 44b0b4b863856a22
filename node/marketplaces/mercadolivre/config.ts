/**
 * What the bridge knows about one Mercado Livre connection: the store's ML
 * application (client id and secret, redirect URI), the site it sells on, the
 * seller the grant belongs to, and the store's own mapping of VTEX categories
 * to ML categories (listing creation happens only where one exists).
 */

/**
 * The API host, the same for every site (the sites' authorization hosts are
 * the seller's browser's, never called by the app).
 * @outbound fixed — manifest.json declares it (scripts/check-outbound.js).
 */
export const API = 'https://api.mercadolibre.com'

/** Sites the adapter supports: where sellers authorize, and the currency ML accepts there. */
export const SITES = {
  MLB: { authHost: 'auth.mercadolivre.com.br', currency: 'BRL' },
  MLA: { authHost: 'auth.mercadolibre.com.ar', currency: 'ARS' },
  MLM: { authHost: 'auth.mercadolibre.com.mx', currency: 'MXN' },
  MLC: { authHost: 'auth.mercadolibre.cl', currency: 'CLP' },
  MCO: { authHost: 'auth.mercadolibre.com.co', currency: 'COP' },
  MLU: { authHost: 'auth.mercadolibre.com.uy', currency: 'UYU' },
  MPE: { authHost: 'auth.mercadolibre.com.pe', currency: 'PEN' },
} as const

export type SiteId = keyof typeof SITES
export const SITE_IDS = Object.keys(SITES) as SiteId[]

/** Listing types ML documents for new items (`/sites/{site}/listing_types`). */
export const LISTING_TYPES = [
  'gold_pro',
  'gold_premium',
  'gold_special',
  'gold',
  'silver',
  'bronze',
  'free',
] as const

export type ListingType = (typeof LISTING_TYPES)[number]

export const CONDITIONS = ['new', 'used', 'not_specified'] as const
export type Condition = (typeof CONDITIONS)[number]

export interface CategoryMapping {
  /** VTEX category id (the product's CategoryId). */
  vtexCategoryId: string
  /** ML category id on the connection's site (e.g. `MLB1055`). */
  mlCategoryId: string
  listingTypeId: ListingType
}

/** A VTEX courier name whose tracking numbers ML knows under this shipping service. */
export interface CourierService {
  courier: string
  serviceId: number
}

export interface MercadoLivreConfig {
  /** The ML application's id ("App ID" / client_id). */
  clientId: string
  /** The application's secret key. Write-only. */
  clientSecret: string | null
  siteId: SiteId
  /** Must be exactly one of the redirect URIs registered in the ML application. */
  redirectUri: string
  /** ML user id of the connected seller: written by the connect flow from the grant, never typed. */
  sellerId: string | null
  categories: CategoryMapping[]
  /** When false, PRICE operations send nothing and PRODUCT updates leave prices alone. */
  sendPrices: boolean
  /** Condition of the items the bridge lists. */
  condition: Condition
  /** ML shipping service (`/sites/{site}/shipping_services`) for tracking numbers of orders the seller ships. */
  trackingServiceId: number | null
  courierServices: CourierService[]
}

export const currencyOf = (siteId: SiteId) => SITES[siteId].currency

export const categoryFor = (
  config: MercadoLivreConfig,
  vtexCategoryId: string | null
) =>
  vtexCategoryId == null
    ? null
    : config.categories.find((c) => c.vtexCategoryId === vtexCategoryId) ?? null

/** The shipping service for a courier: the courier's own mapping, else the default, else null. */
export function serviceIdFor(
  config: MercadoLivreConfig,
  courier: string | null | undefined
): number | null {
  const key = (courier ?? '').trim().toLowerCase()
  const own = config.courierServices.find(
    (c) => c.courier.trim().toLowerCase() === key
  )

  return own ? own.serviceId : config.trackingServiceId
}
