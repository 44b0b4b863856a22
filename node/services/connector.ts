import type { LogisticsSetup } from '../domain/channels/payloads'
import type { ComputedPrice } from '../domain/channels/vtexTypes'
import type { DeliveryRequest, DeliveryResponse } from '../domain/delivery'
import type { MarketplaceConfig } from '../domain/settings'
import type { CatalogSku, InventoryBalance, OmsOrder } from '../domain/vtex'

/**
 * Sends one request of the connector contract (docs/connector.md) to a
 * marketplace. Never throws for the marketplace's refusal or outage: the
 * response (or the network error) comes back for classification.
 */
export interface MarketplaceGateway {
  send(
    marketplace: MarketplaceConfig,
    request: DeliveryRequest
  ): Promise<DeliveryResponse>
}

/** Reads the current state in VTEX; null when the entity does not exist. */
export interface VtexSource {
  sku(skuId: string): Promise<CatalogSku | null>
  inventory(skuId: string): Promise<InventoryBalance | null>
  order(orderId: string): Promise<OmsOrder | null>
  /** Docks and warehouses (which warehouses each trade policy sells from); null when Logistics has none. */
  logistics(): Promise<LogisticsSetup | null>
  /** Pricing's computed price of a SKU in a price table; null when it has none. */
  price(skuId: string, priceTable: string): Promise<ComputedPrice | null>
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
