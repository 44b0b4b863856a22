import { NotFoundError, UserInputError } from '@vtex/api'

import { isDomainError } from '../domain/errors'

/** Maps domain errors to the GraphQL error types the admin understands. */
export function toGraphQLError(e: unknown): unknown {
  if (!isDomainError(e)) return e

  // INVALID_ARGUMENT, INVALID_TRANSITION and CONFLICT: the caller can act on the message.
  return e.code === 'NOT_FOUND'
    ? new NotFoundError(e.message)
    : new UserInputError(e.message)
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
