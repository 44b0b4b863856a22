import { isDomainError } from '../domain/errors'
import type { MercadoLivreConfig } from '../marketplaces/mercadolivre/config'
import { rootOf } from '../composition/root'

/** Where the seller lands back: the settings page, saying how it went. */
const SETTINGS = '/admin/app/marketplace-bridge/settings'

/**
 * GET /_v/marketplace-bridge/oauth/mercadolivre (public: the seller's
 * browser comes back here from Mercado Livre's authorization page with
 * `code` and `state`). The state the app issued opens it, once
 * (services/mercadoLivreConnect.ts); the grant is stored and the browser
 * goes back to the settings page with `connected={id}`, or with
 * `connectError={REASON}` — nothing stored — when anything was refused.
 */
export async function mercadoLivreOAuth(ctx: Context) {
  ctx.set('Cache-Control', 'no-store')
  const params: Record<string, string | undefined> = {}

  for (const [k, v] of Object.entries(ctx.query))
    params[k] = Array.isArray(v) ? v[0] : v ?? undefined
  const root = rootOf(ctx.clients)
  const { marketplaces } = await root.settings()
  const configOf = (id: string) =>
    (marketplaces.find((m) => m.id === id && m.kind === 'mercadolivre')
      ?.config as MercadoLivreConfig | undefined) ?? null

  let target: string

  try {
    const { marketplaceId } = await root.mercadoLivreConnect.complete(
      params,
      configOf
    )

    target = `${SETTINGS}?connected=${encodeURIComponent(marketplaceId)}`
  } catch (e) {
    if (!isDomainError(e)) throw e
    target = `${SETTINGS}?connectError=${encodeURIComponent(e.reason)}`
  }

  ctx.status = 302
  ctx.set('Location', target)
  ctx.body = ''
}
