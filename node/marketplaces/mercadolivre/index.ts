import { isTokenFailure } from '../../domain/grant'
import type {
  AdapterContext,
  AdapterOutcome,
  AdapterResult,
  MarketplaceAdapter,
  Operation,
  OperationType,
} from '../adapter'
import type { MercadoLivreConfig } from './config'
import { createListing } from './create'
import { sendDeactivate, sendPrice } from './price'
import { updateListing } from './product'
import { REASONS } from './reasons'
import { Session, tokenOutcome } from './session'
import { mercadoLivreSettings } from './settings'
import { sendStock } from './stock'
import { sendTracking } from './tracking'

/**
 * Mercado Livre on its published API (docs/marketplaces/mercadolivre.md):
 * products, prices and stock on mapped items and variations (user-products
 * stock where the listing uses it), listing creation where the store mapped
 * the VTEX category, and tracking for orders the seller ships. Every call is
 * made as the connected seller through the TokenKeeper; every answer becomes
 * an outcome, never an exception.
 */
const OPERATIONS: readonly OperationType[] = [
  'PRODUCT',
  'PRICE',
  'STOCK',
  'DEACTIVATE',
  'TRACKING',
]

const notMapped = (skuId: string): AdapterOutcome => ({
  status: 'ALERT',
  action: 'SKU_NOT_MAPPED',
  reason: REASONS.SKU_NOT_MAPPED,
  params: { skuId },
})

function run(
  operation: Operation,
  ctx: AdapterContext<MercadoLivreConfig>,
  session: Session
): Promise<AdapterOutcome> {
  const { config } = ctx.marketplace

  switch (operation.type) {
    case 'PRODUCT':
      return operation.listing
        ? updateListing(
            operation.product,
            operation.listing,
            config,
            session,
            ctx.now
          )
        : createListing(operation.product, ctx, session)

    case 'PRICE':
      return operation.listing
        ? sendPrice(
            operation.price,
            operation.listing,
            config,
            session,
            ctx.now
          )
        : Promise.resolve(notMapped(operation.skuId))

    case 'STOCK':
      return operation.listing
        ? sendStock(operation.quantity, operation.listing, session, ctx.now)
        : Promise.resolve(notMapped(operation.skuId))

    case 'DEACTIVATE':
      return operation.listing
        ? sendDeactivate(operation.listing, session, ctx.now)
        : Promise.resolve(notMapped(operation.skuId))

    case 'TRACKING':
      return sendTracking(
        operation.order,
        operation.update,
        config,
        session,
        ctx.now
      )

    default:
      return Promise.resolve({
        status: 'ERROR',
        reason: REASONS.UNSUPPORTED_OPERATION,
        params: { type: (operation as { type: string }).type },
      })
  }
}

export const mercadoLivreAdapter: MarketplaceAdapter<MercadoLivreConfig> = {
  kind: 'mercadolivre',
  operations: OPERATIONS,
  usesListings: true,
  settings: mercadoLivreSettings,
  // PRODUCT without a listing creates one (where the category is mapped).
  needsListing: (operation) =>
    operation.type === 'PRICE' ||
    operation.type === 'STOCK' ||
    operation.type === 'DEACTIVATE',
  async perform(operation, ctx): Promise<AdapterResult> {
    const session = new Session(ctx)

    try {
      const outcome = await run(operation, ctx, session)

      return { outcome, exchanges: session.exchanges }
    } catch (e) {
      if (!isTokenFailure(e)) throw e

      return { outcome: tokenOutcome(e), exchanges: session.exchanges }
    }
  },
}

export type { MercadoLivreConfig } from './config'
