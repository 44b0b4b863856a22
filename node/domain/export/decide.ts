import type { Operation, OperationType } from '../../marketplaces/adapter'
import { stockOperation } from '../channels/stock'
import type { IntegrationLog } from '../log'
import { awaitsJob } from '../log'
import type { LogKey } from '../logId'
import { channelProductOf, productPayloadOf } from '../product'
import type { Job } from '../queue'
import {
  inventoryPayload,
  isBeyondInvoiced,
  isTrackingRegression,
  lastAcceptedQuantity,
  trackingUpdate,
} from '../rules'
import type { TrackingPayload } from '../trackingPayload'
import type { CatalogSku, InventoryBalance, OmsOrder } from '../vtex'

/** Where a log's updates go, as far as the decision needs to know. */
export type TargetView =
  /** One of VTEX's own systems (OMS, VTEX Tracking): its log redoes its own update. */
  | { kind: 'system' }
  /** A marketplace, told through its adapter, which performs these operations. */
  | { kind: 'marketplace'; name: string; operations: readonly OperationType[] }

/** What VTEX says now about the log's entity (null: it does not exist there). */
export type VtexFacts =
  | { tab: 'PRODUCTS'; sku: CatalogSku | null }
  | { tab: 'INVENTORY'; inventory: InventoryBalance | null }
  | { tab: 'TRACKING'; order: OmsOrder | null }

export interface ExportInput {
  job: Pick<Job, 'id' | 'kind' | 'changedAt' | 'stockOnly'>
  key: LogKey
  /** The log as stored (null when there is none yet). */
  log: IntegrationLog | null
  /** Null: no marketplace with this id receives this tab. */
  target: TargetView | null
  /** What VTEX says, once the decision asked for it (`read`). */
  vtex?: VtexFacts
}

export type ExportDecision =
  /** A reprocess job the log no longer waits for (a newer change or job replaced it). */
  | { kind: 'superseded' }
  /** This change, or a newer one, is already recorded (a redelivery). */
  | { kind: 'duplicate' }
  /** The log's marketplace is not configured for its tab: recorded as an error. */
  | { kind: 'not-configured' }
  /** One of VTEX's systems: it redoes its own update. */
  | { kind: 'replay' }
  /** Ask VTEX for the entity, then decide again with what it says. */
  | { kind: 'read'; tab: VtexFacts['tab'] }
  /** Nothing to send for this change, nothing recorded (exports only). */
  | { kind: 'skip'; reason: string }
  /** Nothing can be sent: recorded as an error with the reason. */
  | { kind: 'invalid'; reason: string }
  /** Send `operation`; `payload` is what the log records as sent. */
  | { kind: 'send'; payload: unknown; operation: Operation }

type Prepared =
  | { send: { payload: unknown; operation: Operation } }
  | { skip: string }
  | { invalid: string }

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

const skipOrInvalid = (
  job: ExportInput['job'],
  reason: string
): ExportDecision =>
  job.kind === 'EXPORT' ? { kind: 'skip', reason } : { kind: 'invalid', reason }

const tracking = (
  key: LogKey,
  order: OmsOrder | null,
  update: TrackingPayload
): Operation => ({
  type: 'TRACKING',
  order: {
    orderId: key.entityId,
    marketplaceOrderId: order?.marketplaceOrderId ?? null,
  },
  update,
})

/** This change (or a newer one) is already in the log: a redelivered notification. */
export const alreadyRecorded = (
  job: Pick<Job, 'changedAt'>,
  log: IntegrationLog | null
) => Boolean(log?.changedAt && job.changedAt && log.changedAt >= job.changedAt)

/**
 * The export decision: what a job does for its log, from the job, the log,
 * the target and what VTEX says. Pure: when it needs VTEX's word it answers
 * `read`, and the caller asks VTEX and decides again (so VTEX is read only
 * when a send may follow). In order:
 *
 * 1. a reprocess the log no longer waits for is superseded;
 * 2. an export of a change already recorded is a duplicate;
 * 3. a marketplace that does not receive the tab is not configured;
 * 4. one of VTEX's systems redoes its own update (replay);
 * 5. otherwise the entity is re-read in VTEX (a reprocess never resends a
 *    stale payload) and the tab's rules apply: the ≤ 5 rule on this
 *    marketplace's last accepted balance (stock-only exports), no tracking
 *    status older than one accepted (exports), nothing the marketplace
 *    already has (exports). A carrier or partner update beyond Invoiced is
 *    reprocessed as it was (OMS's workflow stops at invoiced).
 *
 * A reprocess is never skipped: what an export would skip is recorded for it
 * as an error with the reason (the admin asked, and sees why).
 */
export function decideExport(input: ExportInput): ExportDecision {
  const { job, log, target } = input

  if (job.kind === 'REPROCESS' && !awaitsJob(log, job.id))
    return { kind: 'superseded' }
  if (job.kind === 'EXPORT' && alreadyRecorded(job, log))
    return { kind: 'duplicate' }
  if (!target) return { kind: 'not-configured' }
  if (target.kind === 'system') return { kind: 'replay' }

  const prepared = prepare(input)

  if (prepared === 'read') return { kind: 'read', tab: input.key.tab }
  if (
    'send' in prepared &&
    !target.operations.includes(prepared.send.operation.type)
  ) {
    return skipOrInvalid(
      job,
      `${target.name} does not take ${prepared.send.operation.type} updates`
    )
  }

  if ('skip' in prepared) return skipOrInvalid(job, prepared.skip)
  if ('invalid' in prepared)
    return { kind: 'invalid', reason: prepared.invalid }

  return { kind: 'send', ...prepared.send }
}

/** The tab's rules over what VTEX says ('read' until it was asked). */
function prepare(input: ExportInput): Prepared | 'read' {
  const { job, key, log, vtex } = input
  const exporting = job.kind === 'EXPORT'
  const unchanged = (payload: unknown) =>
    exporting && log?.status === 'SUCCESS' && same(log.lastAccepted, payload)

  const sendOrSkip = (payload: unknown, operation: Operation): Prepared =>
    unchanged(payload)
      ? { skip: 'unchanged' }
      : { send: { payload, operation } }

  if (key.tab === 'TRACKING') {
    // A reprocess of a carrier or partner update sends that update again.
    const carried = log?.payload as TrackingPayload | null | undefined

    if (!exporting && carried && isBeyondInvoiced(carried.status))
      return {
        send: { payload: carried, operation: tracking(key, null, carried) },
      }
  }

  if (!vtex || vtex.tab !== key.tab) return 'read'

  if (vtex.tab === 'PRODUCTS') {
    if (!vtex.sku)
      return {
        invalid: `SKU ${key.entityId} was not found in the VTEX catalog.`,
      }
    const product = channelProductOf(vtex.sku)

    return sendOrSkip(productPayloadOf(product), {
      type: 'PRODUCT',
      product,
      listing: null,
    })
  }

  if (vtex.tab === 'INVENTORY') {
    if (!vtex.inventory)
      return {
        invalid: `SKU ${key.entityId} has no inventory in VTEX logistics.`,
      }
    const payload = inventoryPayload(vtex.inventory)
    const balance = vtex.inventory.balance ?? []
    // The ≤ 5 rule (rules.ts shouldExportStock), on this marketplace's log.
    const operation = stockOperation(
      key.entityId,
      {
        quantity: payload.quantity,
        unlimited: balance.some((b) => b.hasUnlimitedQuantity === true),
        warehouseIds: balance.map((b) => b.warehouseId),
      },
      lastAcceptedQuantity(log),
      exporting && job.stockOnly,
      null
    )

    return 'skip' in operation ? operation : sendOrSkip(payload, operation)
  }

  if (!vtex.order)
    return { invalid: `Order ${key.entityId} was not found in VTEX OMS.` }
  const decision = trackingUpdate(vtex.order)

  if ('skip' in decision || 'invalid' in decision) return decision
  if (
    exporting &&
    isTrackingRegression(log?.lastAccepted ?? null, decision.send)
  )
    return { skip: `order is past ${decision.send.status}` }

  return sendOrSkip(decision.send, tracking(key, vtex.order, decision.send))
}
