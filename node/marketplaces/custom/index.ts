import type {
  AdapterResult,
  MarketplaceAdapter,
  OperationType,
} from '../adapter'
import { CUSTOM_REASONS, customOutcome, describeCustom } from './answer'
import { customRequest, exchangeOf } from './request'
import type { CustomConfig } from './settings'
import { customSettings } from './settings'

/**
 * The custom connector (docs/connector.md): any marketplace, or a partner
 * service in front of one, that answers the bridge's HTTP/JSON contract —
 * products, stock and order tracking, one PUT each, the bridge's payload as
 * the body. No listing mapping: the contract addresses VTEX's own ids.
 */
const OPERATIONS: readonly OperationType[] = ['PRODUCT', 'STOCK', 'TRACKING']

export const customAdapter: MarketplaceAdapter<CustomConfig> = {
  kind: 'custom',
  operations: OPERATIONS,
  settings: customSettings,
  needsListing: () => false,
  async perform(operation, context): Promise<AdapterResult> {
    const request = customRequest(operation, context.marketplace.config)

    if (!request) {
      return {
        outcome: {
          status: 'ERROR',
          reason: CUSTOM_REASONS.UNSUPPORTED_OPERATION,
          params: { type: operation.type },
        },
        exchanges: [],
      }
    }

    const response = await context.http.send(request)

    return {
      outcome: customOutcome(response, context.now()),
      exchanges: [exchangeOf(request, response)],
    }
  },
  describe: describeCustom,
}

export type { CustomConfig } from './settings'
