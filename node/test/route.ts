import { routeContract } from '../routes/contract'
import type { MockContext } from './mockContext'

/** Runs a route handler as node/index.ts mounts it: inside the route contract. */
export async function runRoute(
  ctx: MockContext,
  handler: (ctx: Context) => Promise<unknown>
) {
  await routeContract(ctx, () => handler(ctx))

  return ctx
}
