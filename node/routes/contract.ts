import { isDomainError } from '../domain/errors'
import type { RouteAnswer } from '../domain/routeErrors'
import {
  routeAnswerOf,
  routeAnswerOfStatus,
  routeError,
} from '../domain/routeErrors'

type Next = () => Promise<unknown>

/** Writes a refusal in the route contract. */
export function answer(ctx: Context, { status, body }: RouteAnswer) {
  ctx.status = status
  ctx.set('Cache-Control', 'no-store')
  ctx.body = body
}

/**
 * Every route answers the route error contract (CONTRACTS.md): domain
 * errors and @vtex/api's 4xx errors become `{ error: { code, reason,
 * message, fields } }`; a wrong method is a 405 in the same shape; anything
 * else is logged and answered 500 without its stack.
 */
export async function routeContract(ctx: Context, next: Next) {
  try {
    await next()
  } catch (e) {
    if (isDomainError(e)) return answer(ctx, routeAnswerOf(e))
    const { status } = e as { status?: unknown }

    if (typeof status === 'number' && status >= 400 && status < 500)
      return answer(ctx, routeAnswerOfStatus(status, (e as Error).message))
    ctx.vtex.logger.error({
      message: `Route ${ctx.vtex.route?.id} failed`,
      error: e instanceof Error ? e.message : String(e),
    })

    return answer(
      ctx,
      routeError(
        500,
        'INTERNAL_SERVER_ERROR',
        'INTERNAL_ERROR',
        'The request could not be completed; nothing was lost, try again.'
      )
    )
  }

  if (ctx.status === 405 && !ctx.body) {
    answer(
      ctx,
      routeError(
        405,
        'BAD_USER_INPUT',
        'METHOD_NOT_ALLOWED',
        `${ctx.method} is not allowed on this route.`
      )
    )
  }
}
