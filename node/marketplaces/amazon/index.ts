/**
 * The Amazon marketplace adapter (Selling Partner API): stock, price,
 * deactivation and product data through the Listings Items API, tracking
 * through the Orders API's shipment confirmation. Submissions Amazon
 * accepts are PENDING until their issues are known (`followUp`).
 *
 * One adapter per process: it owns the rate limiter shared by every job of
 * every seller it serves.
 */
import type {
  AdapterContext,
  AdapterResult,
  MarketplaceAdapter,
  Operation,
  OperationType,
} from '../adapter'
import { decodeRef } from './followUpRef'
import { followUpListing, sellerSku, sendListing } from './listings'
import { DEFAULT_LIMITER, RateLimiter } from './rateLimiter'
import type { LimiterOptions } from './rateLimiter'
import { AmazonSession } from './session'
import type { SessionDeps } from './session'
import type { AmazonConfig } from './settings'
import { amazonSettings } from './settings'
import { sendTracking } from './tracking'

export type { AmazonConfig } from './settings'
export { issuesChange } from './notification'

export const AMAZON_OPERATIONS: readonly OperationType[] = [
  'PRODUCT',
  'PRICE',
  'STOCK',
  'DEACTIVATE',
  'TRACKING',
]

export interface AmazonAdapterOptions {
  limiter?: LimiterOptions
  sleep?: (ms: number) => Promise<void>
  /** Amazon asks every call to name the app: `Name/Version (Language=…)`, at most 500 characters. */
  userAgent?: string
}

export const defaultUserAgent = (version: string) =>
  `MarketplaceBridge/${version} (Language=TypeScript; Platform=Node.js/${process.versions.node}; Host=VTEX IO)`

const realSleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The slot a job keeps in the usage plan: its operation and SKU (or order). */
const ticketOf = (op: Operation) =>
  op.type === 'TRACKING'
    ? `TRACKING:${op.order.orderId}`
    : op.type === 'PRODUCT'
    ? `PRODUCT:${sellerSku(op.listing, op.product.skuId)}`
    : `${op.type}:${sellerSku(op.listing, op.skuId)}`

export function createAmazonAdapter(
  options: AmazonAdapterOptions = {}
): MarketplaceAdapter<AmazonConfig> {
  const deps: SessionDeps = {
    limiter: new RateLimiter(options.limiter ?? DEFAULT_LIMITER),
    sleep: options.sleep ?? realSleep,
    userAgent:
      options.userAgent ??
      defaultUserAgent(process.env.VTEX_APP_VERSION ?? '0.0.0'),
  }

  return {
    kind: 'amazon',
    operations: AMAZON_OPERATIONS,
    settings: amazonSettings,
    // The refresh uses the settings' credentials (lwa.ts): a new save is a new token.
    credentialsOf: (c) =>
      [c.lwaClientId, c.lwaClientSecret, c.lwaRefreshToken].join('\n'),
    // The seller SKU is the mapped listing's (SKU → seller SKU), else the VTEX SKU id: no mapping is needed first.
    needsListing: () => false,
    usesListings: true,
    async perform(
      operation: Operation,
      context: AdapterContext<AmazonConfig>
    ): Promise<AdapterResult> {
      const session = new AmazonSession(context, deps, ticketOf(operation))
      const c = context.marketplace.config
      const now = () => context.now()
      const outcome =
        operation.type === 'TRACKING'
          ? await sendTracking(operation, c, session, now)
          : await sendListing(operation, c, session, now)

      return { outcome, exchanges: session.exchanges }
    },
    async followUp(
      ref: string,
      context: AdapterContext<AmazonConfig>
    ): Promise<AdapterResult> {
      const submission = decodeRef(ref)

      if (!submission) {
        return {
          outcome: {
            status: 'ERROR',
            reason: 'AMAZON_INVALID_FOLLOW_UP',
            params: { ref: String(ref).slice(0, 200) },
          },
          exchanges: [],
        }
      }

      const session = new AmazonSession(
        context,
        deps,
        `FOLLOW_UP:${submission.submissionId}`
      )

      const outcome = await followUpListing(
        submission,
        context.marketplace.config,
        session,
        () => context.now()
      )

      return { outcome, exchanges: session.exchanges }
    },
  }
}

/** The adapter the registry lists (real timers, default limits). */
export const amazonAdapter = createAmazonAdapter()
