/**
 * The Mercado Livre section's category field and the config it stands for
 * (pure): VTEX category → Mercado Livre category typed as
 * `12=MLB1055, 15=MLB1276`. A category already saved keeps its listing type
 * (not edited here); a new one gets the server's default. The server
 * validates each entry (node/marketplaces/mercadolivre/settings.ts).
 */
interface CategoryRow {
  vtexCategoryId: string
  mlCategoryId: string
  listingTypeId?: string
}

const rows = (v: unknown): CategoryRow[] =>
  Array.isArray(v)
    ? v.map((r) => {
        const o = (r ?? {}) as Record<string, unknown>

        return {
          vtexCategoryId: String(o.vtexCategoryId ?? ''),
          mlCategoryId: String(o.mlCategoryId ?? ''),
          ...(typeof o.listingTypeId === 'string'
            ? { listingTypeId: o.listingTypeId }
            : {}),
        }
      })
    : []

/** `[{ vtexCategoryId, mlCategoryId }]` as the API shows it → `12=MLB1055, 15=MLB1276`. */
export const categoriesText = (v: unknown) =>
  rows(v)
    .map((r) => `${r.vtexCategoryId}=${r.mlCategoryId}`)
    .join(', ')

/**
 * The typed mapping as the config's rows; a pair without `=` keeps an empty
 * Mercado Livre category (the server says it is missing). `saved`: the
 * categories as saved, whose listing types are kept.
 */
export function categoriesOf(text: string, saved: unknown): CategoryRow[] {
  const before = new Map(rows(saved).map((r) => [r.vtexCategoryId, r]))

  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair) => {
      const [vtex, ml = ''] = pair.split('=')
      const vtexCategoryId = vtex.trim()
      const listingTypeId = before.get(vtexCategoryId)?.listingTypeId

      return {
        vtexCategoryId,
        mlCategoryId: ml.trim().toUpperCase(),
        ...(listingTypeId ? { listingTypeId } : {}),
      }
    })
}
