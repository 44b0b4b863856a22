/**
 * Amazon's selling regions and stores (SP-API "Marketplace IDs" and
 * "SP-API Endpoints" pages): each store belongs to one region, whose host
 * serves every SP-API call for it; Login with Amazon has one host for all.
 */
export const REGIONS = ['NA', 'EU', 'FE'] as const
export type Region = (typeof REGIONS)[number]

export const isRegion = (v: unknown): v is Region =>
  typeof v === 'string' && (REGIONS as readonly string[]).includes(v)

/** @outbound fixed — Login with Amazon, one host for every region. */
export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token'

/** @outbound fixed — each region's SP-API host (manifest.json declares them). */
export const SP_API_ENDPOINTS: Record<Region, string> = {
  NA: 'https://sellingpartnerapi-na.amazon.com',
  EU: 'https://sellingpartnerapi-eu.amazon.com',
  FE: 'https://sellingpartnerapi-fe.amazon.com',
}

export const spApiHost = (region: Region) =>
  new URL(SP_API_ENDPOINTS[region]).hostname

export interface AmazonStore {
  id: string
  country: string
  region: Region
  currency: string
  /** Language of the store's listings (attributes' `language_tag`, `issueLocale`). */
  language: string
}

const store = (
  id: string,
  country: string,
  region: Region,
  currency: string,
  language: string
): AmazonStore => ({ id, country, region, currency, language })

export const AMAZON_STORES: readonly AmazonStore[] = [
  store('A2EUQ1WTGCTBG2', 'CA', 'NA', 'CAD', 'en_CA'),
  store('ATVPDKIKX0DER', 'US', 'NA', 'USD', 'en_US'),
  store('A1AM78C64UM0Y8', 'MX', 'NA', 'MXN', 'es_MX'),
  store('A2Q3Y263D00KWC', 'BR', 'NA', 'BRL', 'pt_BR'),
  store('A28R8C7NBKEWEA', 'IE', 'EU', 'EUR', 'en_IE'),
  store('A1RKKUPIHCS9HS', 'ES', 'EU', 'EUR', 'es_ES'),
  store('A1F83G8C2ARO7P', 'UK', 'EU', 'GBP', 'en_GB'),
  store('A13V1IB3VIYZZH', 'FR', 'EU', 'EUR', 'fr_FR'),
  store('AMEN7PMS3EDWL', 'BE', 'EU', 'EUR', 'fr_BE'),
  store('A1805IZSGTT6HS', 'NL', 'EU', 'EUR', 'nl_NL'),
  store('A1PA6795UKMFR9', 'DE', 'EU', 'EUR', 'de_DE'),
  store('APJ6JRA9NG5V4', 'IT', 'EU', 'EUR', 'it_IT'),
  store('A2NODRKZP88ZB9', 'SE', 'EU', 'SEK', 'sv_SE'),
  store('AE08WJ6YKNBMC', 'ZA', 'EU', 'ZAR', 'en_ZA'),
  store('A1C3SOZRARQ6R3', 'PL', 'EU', 'PLN', 'pl_PL'),
  store('ARBP9OOSHTCHU', 'EG', 'EU', 'EGP', 'ar_AE'),
  store('A33AVAJ2PDY3EV', 'TR', 'EU', 'TRY', 'tr_TR'),
  store('A17E79C6D8DWNP', 'SA', 'EU', 'SAR', 'ar_AE'),
  store('A2VIGQ35RCS4UG', 'AE', 'EU', 'AED', 'en_AE'),
  store('A21TJRUUN4KGV', 'IN', 'EU', 'INR', 'en_IN'),
  store('A19VAU5U5O7RUS', 'SG', 'FE', 'SGD', 'en_SG'),
  store('A39IBJ37TRP1C6', 'AU', 'FE', 'AUD', 'en_AU'),
  store('A1VC38T7YXB528', 'JP', 'FE', 'JPY', 'ja_JP'),
]

export const amazonStore = (id: string) =>
  AMAZON_STORES.find((s) => s.id === id) ?? null
