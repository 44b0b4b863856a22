/** One invalid field as the API names it (error contract: extensions.fields). */
export interface FieldProblem {
  field: string
  code: string
  params?: Record<string, string | number>
}

/**
 * What went wrong with a call, read from the error contract: `network` when
 * no answer came back, else the answer's reason (translated by the admin as
 * `error.{reason}`) and every invalid field.
 */
export interface Problem {
  network: boolean
  code: string | null
  reason: string | null
  fields: FieldProblem[]
}

interface ApolloLike {
  networkError?: unknown
  graphQLErrors?: Array<{
    extensions?: {
      code?: string
      reason?: string
      fields?: FieldProblem[]
      exception?: { reason?: string; fields?: FieldProblem[] }
    }
  }>
}

export function problemOf(e: unknown): Problem {
  const err = (e ?? {}) as ApolloLike
  const first = err.graphQLErrors?.[0]?.extensions

  if (first) {
    return {
      network: false,
      code: first.code ?? null,
      reason: first.reason ?? first.exception?.reason ?? null,
      fields: first.fields ?? first.exception?.fields ?? [],
    }
  }

  return {
    network: Boolean(err.networkError) || e instanceof TypeError,
    code: null,
    reason: null,
    fields: [],
  }
}

/** Reasons that mean "your filter cannot be searched" (the table shows why instead of rows). */
export const FILTER_REASONS = [
  'INVALID_SEARCH',
  'INVALID_DATE_RANGE',
  'INVALID_CURSOR',
]
