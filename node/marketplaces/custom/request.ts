import { productPayloadOf } from '../../domain/rules'
import type { Exchange, HttpRequest, HttpResponse, Operation } from '../adapter'
import type { CustomConfig } from './settings'

/**
 * The connector contract's request for an operation (docs/connector.md): one
 * PUT per entity under the marketplace's base URL, the bridge's payload as
 * the JSON body, the token as a bearer header. Null for an operation the
 * contract has no route for.
 */
export function customRequest(
  operation: Operation,
  config: CustomConfig
): HttpRequest | null {
  const put = (route: string, body: unknown): HttpRequest => ({
    method: 'PUT',
    url: `${config.baseUrl}/${route}`,
    headers: config.token ? { Authorization: `Bearer ${config.token}` } : {},
    body,
  })

  switch (operation.type) {
    case 'PRODUCT':
      return put(
        `products/${encodeURIComponent(operation.product.skuId)}`,
        productPayloadOf(operation.product)
      )

    case 'STOCK':
      return put(`inventory/${encodeURIComponent(operation.skuId)}`, {
        quantity: operation.quantity,
      })

    case 'TRACKING':
      return put(
        // Addressed by the id the marketplace knows (its own; VTEX's when OMS has none).
        `orders/${encodeURIComponent(
          operation.order.marketplaceOrderId || operation.order.orderId
        )}/tracking`,
        operation.update
      )

    default:
      return null
  }
}

const asText = (body: unknown): string | null => {
  if (body == null || body === '') return null

  return typeof body === 'string' ? body : JSON.stringify(body)
}

/** The call as the log shows it: method, URL and body — never the token. */
export const exchangeOf = (
  request: HttpRequest,
  response: HttpResponse
): Exchange => ({
  request: {
    method: request.method,
    url: request.url,
    body: JSON.stringify(request.body ?? {}),
  },
  response: { status: response.status, body: asText(response.body) },
})
