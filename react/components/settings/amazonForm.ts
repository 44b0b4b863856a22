/**
 * The Amazon section's text fields and the config they stand for (pure):
 * marketplace ids as a comma list, the category → product type mapping as
 * `12=SHOES, 15=LUGGAGE`. The server validates each entry (node/marketplaces/amazon/settings.ts).
 */
export const AMAZON_REGIONS = ['NA', 'EU', 'FE'] as const

const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => String(x)) : []

export const idsText = (v: unknown) =>
  Array.isArray(v) ? asList(v).join(', ') : typeof v === 'string' ? v : ''

export const idsOf = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

/** `[{ categoryId, productType }]` as the API shows it → `12=SHOES, 15=LUGGAGE`. */
export function productTypesText(v: unknown): string {
  if (!Array.isArray(v)) return ''

  return v
    .map((row) => {
      const r = (row ?? {}) as Record<string, unknown>

      return `${String(r.categoryId ?? '')}=${String(r.productType ?? '')}`
    })
    .join(', ')
}

/** The typed mapping as rows; a pair without `=` keeps an empty product type (the server says which is missing). */
export const productTypesOf = (text: string) =>
  idsOf(text).map((pair) => {
    const [categoryId, productType = ''] = pair.split('=')

    return { categoryId: categoryId.trim(), productType: productType.trim() }
  })
