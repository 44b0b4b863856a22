import type { DeliveryResponse } from '../domain/delivery'

/**
 * Runs a write and answers what came back instead of throwing: the HTTP
 * status and body (errors included), or the network error. The log then
 * keeps exactly what the other side said.
 */
export async function answerOf(
  call: () => Promise<{ status: number; data: unknown }>
): Promise<DeliveryResponse> {
  try {
    const r = await call()

    return { status: r.status, body: r.data }
  } catch (e) {
    const r = (e as { response?: { status?: number; data?: unknown } }).response

    if (r?.status) return { status: r.status, body: r.data ?? null }

    return {
      status: null,
      body: null,
      networkError: e instanceof Error ? e.message : String(e),
    }
  }
}
