import { skuOf, withListing } from '../domain/listingOperation'
import type {
  HttpTransport,
  Listing,
  MarketplaceAdapter,
  Operation,
  OperationType,
  TokenKeeper,
} from '../marketplaces/adapter'
import { adapterOf } from '../marketplaces/registry'
import type { TargetView } from '../domain/export/decide'
import {
  describeOutcome,
  notSent,
  outcomeOfResult,
  transientOf,
} from '../domain/export/outcome'
import type { AttemptTrigger, Outcome } from '../domain/log'
import type { MarketplaceConfig } from '../domain/settings'

/** What one attempt at a marketplace came to: the log's outcome and, when it may pass, its transient failure. */
export interface Attempted {
  outcome: Outcome
  transient: { retryAfterMs: number | null } | null
}

export interface SenderDeps {
  /** The one HTTP transport (clients/httpTransport.ts) every adapter is given. */
  http: HttpTransport
  /**
   * The marketplace's token keeper (kinds with OAuth); the custom kind uses
   * none. `credentials`: the settings' refresh credentials of a kind that has
   * them (adapter.credentialsOf), null for a kind with a Connect flow.
   */
  tokens?: (marketplaceId: string, credentials: string | null) => TokenKeeper
  /** The SKU's listings on a marketplace (services/listings.ts), for kinds that use them. */
  listings?: (marketplaceId: string, skuId: string) => Promise<Listing[]>
  /** Records a listing the marketplace created or found for a SKU (LISTING_CREATED, LISTING_FOUND). */
  mapListing?: (listing: Listing) => Promise<unknown>
  now: () => number
}

/** Tokens for a kind that has none: asking is a NOT_CONNECTED failure. */
const noTokens: TokenKeeper = {
  accessToken: () =>
    Promise.reject(
      Object.assign(new Error('This marketplace has no connection.'), {
        code: 'NOT_CONNECTED' as const,
      })
    ),
  invalidate: async () => undefined,
  grant: async () => null,
}

/**
 * Marketplaces through their adapters (marketplaces/registry.ts): the
 * operations a marketplace of its kind performs, and one attempt at one
 * (adapter.perform, the outcome in the log's words). Never throws for the
 * marketplace's answer; an adapter that throws is recorded as an error.
 */
export class MarketplaceSender {
  constructor(private readonly deps: SenderDeps) {}

  private tokensOf(m: MarketplaceConfig, adapter: MarketplaceAdapter) {
    const credentials = adapter.credentialsOf?.(m.config) ?? null

    return this.deps.tokens?.(m.id, credentials) ?? noTokens
  }

  /** The export decision's view of a marketplace (null: its kind is not known here). */
  view(m: MarketplaceConfig): TargetView | null {
    const adapter = adapterOf(m.kind)

    return adapter
      ? { kind: 'marketplace', name: m.name, operations: adapter.operations }
      : null
  }

  operations(m: MarketplaceConfig): readonly OperationType[] {
    return adapterOf(m.kind)?.operations ?? []
  }

  async perform(
    m: MarketplaceConfig,
    operation: Operation,
    trigger: AttemptTrigger
  ): Promise<Attempted> {
    const adapter = adapterOf(m.kind)
    const at = () => new Date(this.deps.now()).toISOString()

    if (!adapter) {
      return {
        outcome: notSent(
          `Marketplace "${m.id}" is of a kind this version does not know (${m.kind}).`,
          at(),
          trigger
        ),
        transient: null,
      }
    }

    try {
      const sku = skuOf(operation)
      const mapped =
        adapter.usesListings && sku && this.deps.listings
          ? withListing(operation, await this.deps.listings(m.id, sku))
          : operation

      const result = await adapter.perform(mapped, {
        marketplace: { id: m.id, name: m.name, config: m.config },
        http: this.deps.http,
        tokens: this.tokensOf(m, adapter),
        now: this.deps.now,
      })

      const { listing } = result.outcome as { listing?: Listing }

      if (listing && this.deps.mapListing)
        await this.deps.mapListing(listing).catch(() => undefined)
      const message = (adapter.describe ?? describeOutcome)(
        result.outcome,
        m.name
      )

      return {
        outcome: outcomeOfResult(result, message, at(), trigger),
        transient: transientOf(result),
      }
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e)

      return {
        outcome: notSent(`Could not reach ${m.name}: ${error}`, at(), trigger),
        transient: { retryAfterMs: null },
      }
    }
  }

  /**
   * A PENDING outcome's final answer (its adapter's `followUp`), as an
   * outcome for the log; null when nobody can answer: the marketplace's
   * kind has no follow-up or is not known here.
   */
  async followUp(m: MarketplaceConfig, ref: string): Promise<Outcome | null> {
    const adapter = adapterOf(m.kind)

    if (!adapter?.followUp) return null
    const result = await adapter.followUp(ref, {
      marketplace: { id: m.id, name: m.name, config: m.config },
      http: this.deps.http,
      tokens: this.tokensOf(m, adapter),
      now: this.deps.now,
    })

    const message = (adapter.describe ?? describeOutcome)(
      result.outcome,
      m.name
    )

    return outcomeOfResult(
      result,
      message,
      new Date(this.deps.now()).toISOString(),
      'FOLLOW_UP'
    )
  }
}
