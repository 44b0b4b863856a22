import type { DomainError, FieldError } from './errors'

/**
 * The route error contract (CONTRACTS.md): every refusal of an HTTP route is
 * a 4xx with `{ error: { code, reason, message, fields } }` — the same code,
 * reason and field meanings as GraphQL's extensions.
 */
export interface RouteErrorBody {
  error: {
    code: string
    reason: string
    message: string
    fields: FieldError[]
  }
}

export interface RouteAnswer {
  status: number
  body: RouteErrorBody
}

/** Reasons whose HTTP status is not the one of their code. */
const STATUS_BY_REASON: Record<string, number> = {
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVOICE_NOT_ADDRESSABLE: 422,
}

const BY_CODE: Record<DomainError['code'], { status: number; code: string }> = {
  INVALID_ARGUMENT: { status: 400, code: 'BAD_USER_INPUT' },
  // Well-formed, but the order (or log) is not in a state that allows it.
  INVALID_TRANSITION: { status: 422, code: 'BAD_USER_INPUT' },
  NOT_FOUND: { status: 404, code: 'NOT_FOUND' },
  CONFLICT: { status: 409, code: 'CONFLICT' },
}

export const routeError = (
  status: number,
  code: string,
  reason: string,
  message: string,
  fields: FieldError[] = []
): RouteAnswer => ({
  status,
  body: { error: { code, reason, message, fields } },
})

/** How a route answers a domain error: status, code, reason, fields. */
export function routeAnswerOf(e: DomainError): RouteAnswer {
  const { status, code } = BY_CODE[e.code]

  return routeError(
    STATUS_BY_REASON[e.reason] ?? status,
    code,
    e.reason,
    e.message,
    e.fields
  )
}

/** The code of a platform error's HTTP status (@vtex/api's AuthenticationError is 401…). */
export function routeAnswerOfStatus(
  status: number,
  message: string
): RouteAnswer {
  const code =
    status === 401
      ? 'UNAUTHENTICATED'
      : status === 403
      ? 'FORBIDDEN'
      : status === 404
      ? 'NOT_FOUND'
      : status === 409
      ? 'CONFLICT'
      : 'BAD_USER_INPUT'

  return routeError(status, code, code, message)
}
