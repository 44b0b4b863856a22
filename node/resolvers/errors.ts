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

type Fn<P, A, R> = (parent: P, args: A, ctx: Context) => Promise<R>

/** A resolver whose domain errors reach the admin as the error contract says. */
export const withErrors =
  <P, A, R>(fn: Fn<P, A, R>): Fn<P, A, R> =>
  async (parent, args, ctx) => {
    try {
      return await fn(parent, args, ctx)
    } catch (e) {
      throw toGraphQLError(e)
    }
  }
