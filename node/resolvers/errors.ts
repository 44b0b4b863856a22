import { NotFoundError, UserInputError } from '@vtex/api'

import { isDomainError } from '../domain/errors'

const GRAPHQL_CODES = {
  INVALID_ARGUMENT: 'BAD_USER_INPUT',
  INVALID_TRANSITION: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  NOT_FOUND: 'NOT_FOUND',
} as const

/**
 * Maps domain errors to the GraphQL error types the admin understands. The
 * error contract: `extensions.code` (BAD_USER_INPUT, NOT_FOUND, CONFLICT),
 * `extensions.reason` (stable, translated by the admin) and
 * `extensions.fields` (every invalid field, possibly empty).
 */
export function toGraphQLError(e: unknown): unknown {
  if (!isDomainError(e)) return e

  const error =
    e.code === 'NOT_FOUND'
      ? new NotFoundError(e.message)
      : new UserInputError(e.message)

  // graphql-js copies an original error's `extensions` into the response.
  Object.assign(error, {
    extensions: {
      code: GRAPHQL_CODES[e.code],
      reason: e.reason,
      fields: e.fields,
    },
  })

  return error
}

type Resolver<A, R> = (root: unknown, args: A, ctx: Context) => Promise<R>

export const withErrors =
  <A, R>(fn: Resolver<A, R>): Resolver<A, R> =>
  async (root, args, ctx) => {
    try {
      return await fn(root, args, ctx)
    } catch (e) {
      throw toGraphQLError(e)
    }
  }
