import type { ContractError } from '../domain/graphqlErrors'
import { drain } from '../routes/body'
import { preExecutionErrorOf, requestRefusalOf } from '../domain/graphqlErrors'

type Next = () => Promise<unknown>

interface GraphQLState {
  graphql: {
    query?: unknown
    graphqlResponse?: { data?: unknown; errors?: readonly unknown[] }
  }
}

type Ctx = Context & GraphQLState

/** Logged by @vtex/api as a warning (bad input), not as an error. */
const quiet = (e: ContractError) => ({
  ...e,
  extensions: { ...e.extensions, exception: { level: 'warn' } },
})

/**
 * Inside @vtex/api's error middleware: a request refused before execution
 * (body not JSON or too large, no query, a syntax or validation error, a
 * variable of the wrong type) becomes a contract error with a 4xx status
 * instead of a thrown error (which @vtex/api answers 500 with its stack).
 */
export async function requestErrors(ctx: Ctx, next: Next) {
  try {
    await next()
  } catch (e) {
    const refusal = requestRefusalOf(e, ctx.graphql.query)

    if (!refusal) throw e
    // A body refused unread (too large) is drained so the answer arrives.
    if (refusal.status === 413) await drain(ctx.req)
    ctx.status = refusal.status
    ctx.graphql.graphqlResponse = {
      errors: refusal.errors.map(quiet),
    }

    return
  }

  const result = ctx.graphql.graphqlResponse

  // graphql-js returns no `data` at all when execution never started: the
  // variables could not be coerced, or no operation could be picked.
  if (result && result.data === undefined && result.errors?.length) {
    ctx.status = 400
    ctx.graphql.graphqlResponse = {
      errors: result.errors.map((e) =>
        quiet(preExecutionErrorOf(String((e as { message?: unknown }).message)))
      ),
    }
  }
}

const scrub = (e: unknown) => {
  if (!e || typeof e !== 'object') return e
  const { stack: _stack, ...rest } = e as Record<string, unknown>
  const extensions = rest.extensions as Record<string, unknown> | undefined

  if (!extensions) return rest
  const exception = extensions.exception as Record<string, unknown> | undefined
  const {
    stack: _s,
    stacktrace: _t,
    sensitive: _v,
    level: _l,
    ...kept
  } = exception ?? {}

  const { exception: _e, ...others } = extensions

  return {
    ...rest,
    extensions:
      Object.keys(kept).length > 0 ? { ...others, exception: kept } : others,
  }
}

/**
 * Outside @vtex/api's error middleware, before the body is written: no
 * error answer carries a stack trace, whatever threw it.
 */
export async function responseErrors(ctx: Ctx, next: Next) {
  await next()
  const result = ctx.graphql.graphqlResponse

  if (result?.errors) {
    ctx.graphql.graphqlResponse = {
      ...result,
      errors: result.errors.map(scrub),
    }
  }
}
