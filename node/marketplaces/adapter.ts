/**
 * The seam between the bridge and each kind of marketplace (issues 12, 13).
 *
 * The bridge decides WHAT to tell a marketplace (node/domain: rules, channel,
 * export decision) as an `Operation`; an adapter decides HOW that marketplace
 * is told (its API, its authentication, its listing ids) and what its answer
 * means, as an `AdapterOutcome`. One folder per kind under node/marketplaces/
 * (`custom/`, `mercadolivre/`, `amazon/`, …) holds its client, the pure
 * builders of its requests, the pure mapping of its answers to outcomes and
 * its settings section; adding a marketplace touches no other folder but a
 * registry line (node/marketplaces/registry.ts).
 *
 * This file is types only (no @vtex/api): adapters are tested without the
 * platform, with a transport that answers as the marketplace documents.
 */
import type { FieldError } from '../domain/errors'
import type { AlertAction } from '../domain/logStatus'
import type { TrackingPayload } from '../domain/trackingPayload'

// ------------------------------------------------------------ what to do

/** The listing that stands for one VTEX SKU on one marketplace (the SKU ↔ listing mapping). */
export interface Listing {
  marketplaceId: string
  skuId: string
  /** The marketplace's id of the listing: Mercado Livre item id (MLB…), Amazon seller SKU. */
  listingId: string
  /** Mercado Livre variation id, when the item has variations. */
  variationId?: string | null
  /** Other ids the marketplace needs (e.g. `userProductId`, `asin`, `productType`). */
  attributes?: Record<string, string>
}

export interface Money {
  /** In the currency's units (e.g. 129.9). */
  amount: number
  /** ISO 4217 (`BRL`). */
  currency: string
}

/** A SKU as one channel (trade policy) sells it. */
export interface ChannelProduct {
  skuId: string
  productId: string
  name: string
  description: string | null
  brand: string | null
  ean: string | null
  refId: string | null
  /** VTEX category id (listing creation needs the store's category mapping). */
  categoryId: string | null
  imageUrls: string[]
  active: boolean
  /** The trade policy's price; null when the marketplace is not sent prices or none is set. */
  price: Money | null
  listPrice: Money | null
}

/** What the bridge asks a marketplace to do. Decided in node/domain; never built by an adapter. */
export type Operation =
  | { type: 'PRODUCT'; product: ChannelProduct; listing: Listing | null }
  | {
      type: 'PRICE'
      skuId: string
      price: Money
      listPrice: Money | null
      listing: Listing | null
    }
  | { type: 'STOCK'; skuId: string; quantity: number; listing: Listing | null }
  /** The SKU left the channel's trade policy (or was deactivated): pause / close the listing. */
  | { type: 'DEACTIVATE'; skuId: string; listing: Listing | null }
  | {
      type: 'TRACKING'
      /** VTEX's order id and the marketplace's own (from the OMS order). */
      order: { orderId: string; marketplaceOrderId: string | null }
      update: TrackingPayload
    }

export type OperationType = Operation['type']

// ------------------------------------------------------------ what came of it

/** Why the store must act although the marketplace took the call (status ALERT): the log's model owns the list. */
export type { AlertAction } from '../domain/logStatus'

/**
 * The meaning of a marketplace's answer. `reason` is stable and translated by
 * the admin (`admin/marketplace-bridge.outcome.{reason}`, with `params`);
 * `businessMessage` is the marketplace's own words, shown as they came.
 */
export type AdapterOutcome =
  | {
      status: 'SUCCESS'
      reason: string
      params?: OutcomeParams
      businessMessage?: string | null
      listing?: Listing
    }
  | {
      status: 'ERROR'
      reason: string
      params?: OutcomeParams
      businessMessage?: string | null
      /** Present when trying again later may succeed (5xx, 429, timeouts): the queue's retry policy decides. */
      transient?: { retryAfterMs: number | null }
    }
  | {
      status: 'PENDING'
      reason: string
      params?: OutcomeParams
      businessMessage?: string | null
      /** How the final answer will be learnt: `ref` handed back to `followUp` after `afterMs`. */
      followUp: { ref: string; afterMs: number }
    }
  | {
      status: 'ALERT'
      reason: string
      params?: OutcomeParams
      businessMessage?: string | null
      action: AlertAction
      listing?: Listing
    }

export type OutcomeParams = Record<string, string | number>

/** One call made to the marketplace, for the log (VTEX's "content translated" and "content destination"). */
export interface Exchange {
  request: { method: string; url: string; body: string | null }
  response: { status: number | null; body: string | null }
}

export interface AdapterResult {
  outcome: AdapterOutcome
  /** Every call made, in order (a token refresh is not listed: it carries secrets). */
  exchanges: Exchange[]
}

// ------------------------------------------------------------ what an adapter is given

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  url: string
  headers?: Record<string, string>
  query?: Record<string, string>
  /** Serialised as JSON unless `form` is set. */
  body?: unknown
  /** Send `body` as application/x-www-form-urlencoded (OAuth token endpoints). */
  form?: boolean
}

export interface HttpResponse {
  /** Null when no HTTP answer came back (timeout, refused connection). */
  status: number | null
  headers: Record<string, string>
  body: unknown
  networkError?: string
}

/** Sends one request; never throws for an HTTP error or an outage (the answer is data). */
export interface HttpTransport {
  send(request: HttpRequest): Promise<HttpResponse>
}

/** A marketplace's stored authorization (tokens), kept in VBase by the bridge. */
export interface StoredGrant {
  accessToken: string | null
  /** Epoch ms after which the access token must not be used. */
  expiresAt: number
  refreshToken: string | null
  /** Kind-specific values the grant carries (seller id, site…). */
  extra?: Record<string, string>
}

/**
 * Why a token could not be had, thrown (by a TokenKeeper, or by the refresh
 * function an adapter hands it) as an Error carrying `code`; duck-typed, so an
 * adapter needs nothing from services/ to throw or read one:
 * - NOT_CONNECTED: no grant is stored for this marketplace (connect first);
 * - GRANT_REVOKED: the marketplace refused the refresh token (OAuth
 *   `invalid_grant`) or there is none; the grant is kept, marked revoked:
 *   the store must connect again;
 * - CLIENT_REFUSED: the marketplace refused the app's own credentials
 *   (client id / secret); nothing was consumed: fix the settings;
 * - REFRESH_FAILED: the token endpoint or the storage failed (5xx, 429,
 *   timeout, a lease that did not settle): try again after `retryAfterMs`.
 */
export type TokenFailureCode =
  | 'NOT_CONNECTED'
  | 'GRANT_REVOKED'
  | 'CLIENT_REFUSED'
  | 'REFRESH_FAILED'

export interface TokenFailure extends Error {
  code: TokenFailureCode
  retryAfterMs?: number | null
  /** The marketplace's own words, when it answered. */
  businessMessage?: string | null
  /** GRANT_REVOKED: why (`DISCONNECTED`: the store disconnected it in the settings). */
  revokedReason?: string | null
}

/**
 * Hands out a valid access token per marketplace. Refreshes at most once
 * across concurrent jobs and replicas (a lease in VBase with If-Match), and
 * stores the new grant — including a rotated, single-use refresh token —
 * before anyone may use it, so a refresh token is never lost.
 */
export interface TokenKeeper {
  /** Rejects with a `TokenFailure` when no token can be had. */
  accessToken(
    refresh: (grant: StoredGrant) => Promise<StoredGrant>
  ): Promise<string>
  /** The marketplace refused this token (401): the next call refreshes. */
  invalidate(accessToken: string): Promise<void>
  /** The current grant without refreshing (null when not connected). */
  grant(): Promise<StoredGrant | null>
}

export interface AdapterContext<C> {
  marketplace: { id: string; name: string; config: C }
  http: HttpTransport
  tokens: TokenKeeper
  now(): number
}

// ------------------------------------------------------------ an adapter

export interface SettingsSection<C> {
  /**
   * Validates this kind's part of one marketplace's settings (raw as saved,
   * secrets merged by the caller); every invalid field at once, paths under
   * `path` (e.g. `marketplaces.2.sellerId`).
   */
  parse(
    raw: Record<string, unknown>,
    path: string,
    /** `saving`: the settings page's bounds apply (settings saved before a bound existed still load). */
    options?: { saving?: boolean }
  ): { config: C } | { errors: FieldError[] }
  /** What the admin may read: never a secret (only whether it is set). */
  present(config: C): Record<string, unknown>
  /** Names of the write-only fields (kept when the admin leaves them empty). */
  secrets: readonly string[]
}

export interface MarketplaceAdapter<C = unknown> {
  /** Stable id saved in the settings (`custom`, `mercadolivre`, `amazon`). */
  readonly kind: string
  readonly operations: readonly OperationType[]
  readonly settings: SettingsSection<C>
  /** True when this operation cannot be done without the SKU's listing on this marketplace. */
  needsListing(operation: Operation): boolean
  /**
   * The kind addresses SKUs by its own listing ids: the SKU ↔ listing
   * mapping (services/listings.ts) is read and handed in the operation
   * before `perform` (domain/listingOperation.ts withListing).
   */
  readonly usesListings?: boolean
  /**
   * The kind refreshes its token with credentials from its settings, not a
   * stored authorization (Amazon's Login with Amazon refresh token): what
   * identifies them (the bridge keeps only a hash), so that a cached token
   * obtained with other credentials is not used. Absent: OAuth with Connect.
   */
  credentialsOf?(config: C): string
  /** Does the operation and says what came of it. Never throws for the marketplace's answers. */
  perform(
    operation: Operation,
    context: AdapterContext<C>
  ): Promise<AdapterResult>
  /** Learns the final answer of a PENDING outcome (e.g. an Amazon submission's issues). */
  followUp?(ref: string, context: AdapterContext<C>): Promise<AdapterResult>
  /**
   * The outcome in English for the log's message (CSV, search, error
   * groups); the admin shows `reason` translated. Default: the marketplace's
   * name, the reason and the business message (domain/export/outcome.ts).
   */
  describe?(outcome: AdapterOutcome, marketplaceName: string): string
}
