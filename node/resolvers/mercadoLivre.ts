import { DomainError } from '../domain/errors'
import type { GrantRecord } from '../domain/grant'
import type { MercadoLivreConfig } from '../marketplaces/mercadolivre/config'
import { rootOf } from '../composition/root'
import { withErrors } from './errors'
import type { MutationFn, QueryFn } from './types'

/** The saved Mercado Livre marketplace `id`'s config; NOT_FOUND otherwise. */
export async function mercadoLivreConfigOf(
  clients: Context['clients'],
  id: string
): Promise<MercadoLivreConfig> {
  const m = (await rootOf(clients).settings()).marketplaces.find(
    (x) => x.id === id && x.kind === 'mercadolivre'
  )

  if (!m)
    throw new DomainError(
      'NOT_FOUND',
      `No Mercado Livre marketplace "${id}" is saved in the settings.`,
      'MARKETPLACE_NOT_FOUND'
    )

  return m.config as MercadoLivreConfig
}

/** The URL of Mercado Livre's authorization page for a saved marketplace (Connect). */
export const connectMercadoLivre: MutationFn<'connectMercadoLivre'> =
  withErrors(async (_, args, ctx) =>
    rootOf(ctx.clients).mercadoLivreConnect.start(
      args.marketplaceId,
      await mercadoLivreConfigOf(ctx.clients, args.marketplaceId)
    )
  )

/** A stored grant as the settings page sees it (never a token). */
export const presentConnection = (record: GrantRecord | null) =>
  record
    ? {
        state: record.state,
        sellerId: record.grant?.extra?.userId ?? null,
        siteId: record.grant?.extra?.siteId ?? null,
        since: new Date(record.updatedAt).toISOString(),
        revokedReason: record.revoked?.reason ?? null,
        marketplaceRevoked: record.revoked?.marketplaceRevoked ?? null,
      }
    : { state: 'NOT_CONNECTED' }

/** Whether a marketplace with OAuth is connected, and as which seller (no token is ever returned). */
export const marketplaceConnection: QueryFn<'marketplaceConnection'> =
  withErrors(async (_, args, ctx) =>
    presentConnection(
      await rootOf(ctx.clients).tokenKeeper(args.marketplaceId).record()
    )
  )

/** Disconnect: revoked here at once, then at Mercado Livre best-effort; answers the connection as it now is. */
export const disconnectMercadoLivre: MutationFn<'disconnectMercadoLivre'> =
  withErrors(async (_, args, ctx) => {
    const root = rootOf(ctx.clients)

    await root.mercadoLivreConnect.disconnect(
      args.marketplaceId,
      await mercadoLivreConfigOf(ctx.clients, args.marketplaceId)
    )

    return presentConnection(
      await root.tokenKeeper(args.marketplaceId).record()
    )
  })
