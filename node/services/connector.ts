import type { Outcome } from '../domain/log'
import type { CatalogSku, InventoryBalance, OmsOrder } from '../domain/vtex'

/**
 * One of VTEX's own systems a Tracking log is addressed to (OMS, VTEX
 * Tracking): a target like a marketplace, whose log redoes its own update
 * when reprocessed.
 */
export interface SystemTarget {
  replay(orderId: string): Promise<{ payload: unknown; outcome: Outcome }>
}

/** Reads the current state in VTEX; null when the entity does not exist. */
export interface VtexSource {
  sku(skuId: string): Promise<CatalogSku | null>
  inventory(skuId: string): Promise<InventoryBalance | null>
  order(orderId: string): Promise<OmsOrder | null>
}

/** Sends a job's event. The VTEX IO implementation is clients.events. */
export interface JobDispatcher {
  dispatch(jobId: string, logId: string): Promise<void>
}

/** Runs a callback later in this process (a retry's re-send); the sweep covers a lost one. */
export interface Scheduler {
  later(ms: number, fn: () => void): void
}

export const timerScheduler: Scheduler = {
  later: (ms, fn) => {
    setTimeout(fn, ms)
  },
}
