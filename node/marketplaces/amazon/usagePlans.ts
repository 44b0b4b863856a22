/**
 * The default usage plans (requests per second and burst) Amazon documents
 * for the operations the bridge calls, as written in each operation's
 * description in the SP-API models (listingsItems_2021-08-01, ordersV0).
 * Amazon may grant a seller more: the `x-amzn-RateLimit-Limit` header of
 * each answer carries the rate really applied, and the limiter follows it.
 */
export const SP_API_OPERATIONS = [
  'getListingsItem',
  'putListingsItem',
  'patchListingsItem',
  'getOrder',
  'getOrderItems',
  'confirmShipment',
] as const

export type SpApiOperation = (typeof SP_API_OPERATIONS)[number]

export interface UsagePlan {
  /** Tokens added per second. */
  rate: number
  /** Bucket size: requests that may go at once after a quiet period. */
  burst: number
}

export const USAGE_PLANS: Record<SpApiOperation, UsagePlan> = {
  getListingsItem: { rate: 5, burst: 10 },
  putListingsItem: { rate: 5, burst: 10 },
  patchListingsItem: { rate: 5, burst: 5 },
  getOrder: { rate: 0.5, burst: 30 },
  getOrderItems: { rate: 0.5, burst: 30 },
  confirmShipment: { rate: 2, burst: 10 },
}

/** `x-amzn-RateLimit-Limit` ("5.0") as requests per second; null when absent or unreadable. */
export function rateLimitHeader(
  headers: Record<string, string> | undefined
): number | null {
  if (!headers) return null
  const key = Object.keys(headers).find(
    (k) => k.toLowerCase() === 'x-amzn-ratelimit-limit'
  )

  const value = key ? Number(headers[key]) : NaN

  return Number.isFinite(value) && value > 0 ? value : null
}
