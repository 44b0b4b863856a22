/**
 * The parts of the local Amazon emulator (local/emulator/amazon, plain
 * CommonJS) that tests use, typed.
 */
import type { InProcessServer } from './emulatorTransport'
import type { Seed } from './harness'

export interface AmazonEmulatorStats {
  requests: number
  invalidRequests: number
  invalidResponses: number
  throttled: number
  byOperation: Record<string, number>
}

export interface AmazonEmulatorInstance extends InProcessServer {
  stats: AmazonEmulatorStats
  lwa: { issued: number }
  listings: {
    processingMs: number
    notifications: unknown[]
    get(
      sellerId: string,
      sku: string
    ): {
      attributes: Record<string, Array<Record<string, unknown>>>
      productType: string
    } | null
  }
  orders: {
    pageSize: number
    find(
      sellerId: string,
      orderId: string
    ): {
      status: string
      items: Array<{ QuantityShipped: number; QuantityOrdered: number }>
    } | null
  }
  received: Array<{
    operation: string
    method: string
    url: string
    body: unknown
  }>
  invalid: Array<{ errors: string[] }>
  badResponses: Array<{ errors: string[] }>
  act(name: string, body?: Record<string, unknown>): unknown
  handle(req: unknown, res: unknown, ctx: unknown): Promise<void>
  control(req: unknown, res: unknown, ctx: unknown): void
}

export interface AmazonEmulatorModule {
  AmazonEmulator: {
    new (options: { clock: { now(): number } }): AmazonEmulatorInstance
    /** True for api.amazon.com and the SP-API regional hosts. */
    handles(host: string): boolean
  }
  AMAZON_SEED: Seed & {
    otherSellerId: string
    skus: string[]
    orders: string[]
  }
}
