import type { FieldError, FieldErrorCode } from './errors'

/**
 * The GraphQL error contract for requests refused before any resolver runs
 * (CONTRACTS.md): a body that is not JSON or too large, a missing or
 * malformed query, an unknown field or argument, a literal or variable of
 * the wrong type. Each becomes `{ message, extensions: { code:
 * 'BAD_USER_INPUT', reason, fields } }` with a 4xx status, never
 * INTERNAL_SERVER_ERROR, a 500 or a stack trace.
 */
export interface ContractError {
  message: string
  locations?: Array<{ line: number; column: number }>
  extensions: { code: 'BAD_USER_INPUT'; reason: string; fields: FieldError[] }
}

export interface RequestRefusal {
  status: number
  errors: ContractError[]
}

/** What the refusal rules read of a thrown error (any library's). */
export interface ThrownError {
  name?: string
  message?: string
  status?: number
  statusCode?: number
  type?: string
  locations?: Array<{ line: number; column: number }>
}

const refusal = (
  message: string,
  reason: string,
  fields: FieldError[] = [],
  locations?: ContractError['locations']
): ContractError => ({
  message,
  ...(locations ? { locations } : {}),
  extensions: { code: 'BAD_USER_INPUT', reason, fields },
})

/**
 * The argument or input field a literal at `line`/`column` of the query
 * belongs to (`first: 99999999999` → `first`), when the text says so.
 */
export function argumentAt(
  source: string,
  location: { line: number; column: number } | undefined
): string | null {
  if (!location) return null
  const lines = source.split('\n')

  if (location.line < 1 || location.line > lines.length) return null
  const before = [
    ...lines.slice(0, location.line - 1),
    lines[location.line - 1].slice(0, location.column - 1),
  ].join('\n')

  // `first: 99…` or, inside a list, `ids: [1, {…`.
  return (
    /([_A-Za-z][_0-9A-Za-z]*)\s*:\s*(?:\[[^\]:]*)?$/.exec(before)?.[1] ?? null
  )
}

const q = (s: string) => `"${s}"`

/** One graphql-js parse or validation error, in the contract. */
export function queryErrorOf(e: ThrownError, source: string): ContractError {
  const message = e.message ?? 'The query is not valid.'
  const where = e.locations?.[0]
  let m = /^Cannot query field "([^"]+)"/.exec(message)

  if (m)
    return refusal(
      message,
      'INVALID_QUERY',
      [{ field: m[1], code: 'UNKNOWN' }],
      e.locations
    )
  m = /^Unknown argument "([^"]+)"/.exec(message)
  if (m)
    return refusal(
      message,
      'INVALID_QUERY',
      [{ field: m[1], code: 'UNKNOWN' }],
      e.locations
    )
  m = /argument "([^"]+)" of type "[^"]+" is required/.exec(message)
  if (m)
    return refusal(
      message,
      'INVALID_QUERY',
      [{ field: m[1], code: 'REQUIRED' }],
      e.locations
    )
  m =
    /^Expected (?:value of )?type "?([^",]+?)"?, found (.+?)(?:;.*)?\.?$/.exec(
      message
    )
  if (m) {
    const argument = argumentAt(source, where)
    const code: FieldErrorCode =
      m[2] === 'null'
        ? 'REQUIRED'
        : /^Int!?$/.test(m[1]) && /^-?\d+$/.test(m[2])
        ? 'OUT_OF_RANGE'
        : /^-?[\d.]+$|^"/.test(m[2])
        ? 'INVALID_FORMAT'
        : 'UNKNOWN'

    return refusal(
      message,
      'INVALID_QUERY',
      argument ? [{ field: argument, code }] : [],
      e.locations
    )
  }

  return refusal(
    message,
    'INVALID_QUERY',
    /^Syntax Error/.test(message)
      ? [{ field: 'query', code: 'INVALID_FORMAT' }]
      : [],
    e.locations
  )
}

/** A variable graphql-js could not coerce (execution never started). */
export function variableErrorOf(message: string): ContractError {
  const name = /^Variable "\$([^"]+)"/.exec(message)?.[1]
  const code: FieldErrorCode = /was not provided|must not be null/.test(message)
    ? 'REQUIRED'
    : /non 32-bit signed integer|non-integer value|cannot represent non/.test(
        message
      ) && /Int/.test(message)
    ? 'OUT_OF_RANGE'
    : /Expected type "?[A-Z][A-Za-z]*"?\.?$/.test(message) &&
      /got invalid value "/.test(message)
    ? 'UNKNOWN'
    : 'INVALID_FORMAT'

  return refusal(
    message,
    'INVALID_VARIABLES',
    name ? [{ field: name, code }] : []
  )
}

/**
 * An error graphql-js returned without executing anything (no `data`): a
 * variable it could not coerce, or an operation it could not pick (unknown
 * operationName, several operations and none named).
 */
export function preExecutionErrorOf(message: string): ContractError {
  return /^Variable "\$/.test(message)
    ? variableErrorOf(message)
    : refusal(
        message,
        'INVALID_QUERY',
        /operation/i.test(message)
          ? [{ field: 'operationName', code: 'INVALID_FORMAT' }]
          : []
      )
}

/**
 * How a GraphQL request that failed before execution is answered: the
 * thrown error (or graphql-js's list of them) and what the body held.
 * Null when the failure is not the client's (then it is a server error).
 */
export function requestRefusalOf(
  thrown: unknown,
  body: unknown
): RequestRefusal | null {
  const list = (Array.isArray(thrown) ? thrown : [thrown]) as ThrownError[]
  const first = list[0] ?? {}
  const status = first.statusCode ?? first.status

  if (status === 413 || first.type === 'entity.too.large') {
    return {
      status: 413,
      errors: [
        refusal('The request body is too large.', 'BODY_TOO_LARGE', [
          { field: 'body', code: 'TOO_LONG' },
        ]),
      ],
    }
  }

  if (body === undefined) {
    // The body was never read as a document: not JSON (or a bad querystring).
    if (
      first.name === 'SyntaxError' ||
      status === 400 ||
      first.type === 'entity.parse.failed'
    )
      return {
        status: 400,
        errors: [
          refusal('The request body is not valid JSON.', 'INVALID_JSON', [
            { field: 'body', code: 'INVALID_FORMAT' },
          ]),
        ],
      }

    return null
  }

  const query = (body && typeof body === 'object' ? body : {}) as {
    query?: unknown
  }

  if (typeof query.query !== 'string' || query.query.trim() === '') {
    return {
      status: 400,
      errors: [
        refusal(
          `The request must carry a GraphQL query (got ${
            body === null || typeof body !== 'object'
              ? `a JSON ${body === null ? 'null' : typeof body}`
              : `query ${
                  query.query === undefined ? 'missing' : q(String(query.query))
                }`
          }).`,
          'INVALID_QUERY',
          [{ field: 'query', code: 'REQUIRED' }]
        ),
      ],
    }
  }

  if (list.every((e) => e && e.name === 'GraphQLError')) {
    return {
      status: 400,
      errors: list.map((e) => queryErrorOf(e, query.query as string)),
    }
  }

  return null
}
