import { retryAfterMs } from '../../domain/queue'
import type { AdapterOutcome, HttpResponse, OutcomeParams } from '../adapter'
import { REASONS } from './reasons'

/**
 * What Mercado Livre's answers mean. ML's error body is
 * `{ message, error, status, cause: [{ code, message, type, references }] }`
 * (causes may also be plain strings); its words go into the log's business
 * message as they came. Nothing here throws for what ML answers.
 */

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export const is2xx = (res: HttpResponse) =>
  res.status != null && res.status >= 200 && res.status < 300

export function header(res: HttpResponse, name: string): string | null {
  const key = Object.keys(res.headers ?? {}).find(
    (k) => k.toLowerCase() === name.toLowerCase()
  )

  return key == null ? null : res.headers[key]
}

function causeText(cause: unknown): string | null {
  if (typeof cause === 'string') return cause.trim() || null
  if (!isObject(cause)) return null
  const message = typeof cause.message === 'string' ? cause.message : null
  const code =
    typeof cause.code === 'string'
      ? cause.code
      : typeof cause.cause_id === 'number'
      ? String(cause.cause_id)
      : null

  if (!message) return code
  const warning = cause.type === 'warning' ? ' (warning)' : ''

  return code ? `${code}: ${message}${warning}` : `${message}${warning}`
}

/**
 * ML's own words for an error answer: `message`, `error` when it adds
 * something, then every cause, e.g. `Validation error [validation_error]:
 * item.price.invalid: Price must be positive; item.title.length: …`.
 */
export function businessMessage(body: unknown): string | null {
  if (typeof body === 'string') return body.trim().slice(0, 2000) || null
  if (!isObject(body)) return null
  const message =
    typeof body.message === 'string'
      ? body.message
      : typeof body.error_description === 'string'
      ? body.error_description
      : null

  const error = typeof body.error === 'string' ? body.error : null
  const head = [message, error && error !== message ? `[${error}]` : null]
    .filter(Boolean)
    .join(' ')

  const causes = (Array.isArray(body.cause) ? body.cause : [])
    .map(causeText)
    .filter((c): c is string => Boolean(c))

  const text = causes.length ? `${head || 'Error'}: ${causes.join('; ')}` : head

  return text || null
}

export const errorCode = (body: unknown) =>
  isObject(body) && typeof body.error === 'string' ? body.error : null

type ErrorOutcome = Extract<AdapterOutcome, { status: 'ERROR' }>

export function errorOutcome(
  reason: string,
  params?: OutcomeParams,
  message?: string | null,
  transient?: { retryAfterMs: number | null }
): ErrorOutcome {
  return {
    status: 'ERROR',
    reason,
    ...(params ? { params } : {}),
    businessMessage: message ?? null,
    ...(transient ? { transient } : {}),
  }
}

/**
 * A failed answer (anything but 2xx), after the session's one retry of a 401.
 * No answer, 429, 5xx and 409 (a version that moved) may succeed later;
 * other 4xx will not until someone changes something.
 */
export function failureOutcome(
  res: HttpResponse,
  now: number,
  notFoundReason: string = REASONS.ML_NOT_FOUND
): ErrorOutcome {
  const message = businessMessage(res.body)
  const retry = () => ({
    retryAfterMs: retryAfterMs(header(res, 'retry-after'), now),
  })

  if (res.status == null)
    return errorOutcome(
      REASONS.ML_UNREACHABLE,
      undefined,
      res.networkError ?? null,
      { retryAfterMs: null }
    )

  const params = { httpStatus: res.status }

  if (res.status === 429)
    return errorOutcome(REASONS.ML_RATE_LIMITED, params, message, retry())
  if (res.status >= 500)
    return errorOutcome(REASONS.ML_UNAVAILABLE, params, message, retry())
  if (res.status === 408 || res.status === 409)
    return errorOutcome(REASONS.ML_CONFLICT, params, message, retry())
  if (res.status === 401)
    return errorOutcome(REASONS.AUTHORIZATION_REVOKED, params, message)
  if (res.status === 403)
    return errorOutcome(REASONS.ML_FORBIDDEN, params, message)
  if (res.status === 404) return errorOutcome(notFoundReason, params, message)

  return errorOutcome(REASONS.ML_REFUSED, params, message)
}

/** A 2xx whose body is not the JSON object ML documents: the change may or may not have happened. */
export const malformedOutcome = (res: HttpResponse) =>
  errorOutcome(
    REASONS.ML_MALFORMED_ANSWER,
    { httpStatus: res.status ?? 0 },
    typeof res.body === 'string'
      ? res.body.slice(0, 500)
      : JSON.stringify(res.body ?? null).slice(0, 500),
    { retryAfterMs: null }
  )

/** The JSON object a 2xx must carry; null when malformed. */
export const objectBody = (res: HttpResponse) =>
  isObject(res.body) ? res.body : null
