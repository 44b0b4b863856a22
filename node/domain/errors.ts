/**
 * Errors raised by the domain. They carry a stable `code` (the kind of
 * failure), a stable `reason` (what went wrong, for the admin to translate)
 * and, for invalid input, every offending field at once, so the GraphQL
 * layer and the routes answer the same contract without string matching.
 */
export type DomainErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'INVALID_TRANSITION'
  | 'CONFLICT'

/** Why one field was refused. The admin translates `error.field.{code}` with `params`. */
export type FieldErrorCode =
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'TOO_SHORT'
  | 'TOO_MANY'
  | 'TOO_FEW'
  | 'OUT_OF_RANGE'
  | 'INVALID_FORMAT'
  | 'INVALID_DATE'
  | 'DUPLICATE'
  | 'UNKNOWN'
  | 'NOT_ALLOWED'

export interface FieldError {
  /** Path of the field in the input, dot-separated (`marketplaces.1.name`). */
  field: string
  code: FieldErrorCode
  params?: Record<string, string | number>
}

export class DomainError extends Error {
  public readonly code: DomainErrorCode
  /** Stable, translatable reason (`INVALID_SETTINGS`, `INVALID_SEARCH`, …). */
  public readonly reason: string
  public readonly fields: FieldError[]

  constructor(
    code: DomainErrorCode,
    message: string,
    reason: string = code,
    fields: FieldError[] = []
  ) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.reason = reason
    this.fields = fields
  }
}

export const invalidArgument = (message: string, reason = 'INVALID_ARGUMENT') =>
  new DomainError('INVALID_ARGUMENT', message, reason)

/** Invalid input with every offending field named (nothing was changed). */
export const invalidFields = (
  reason: string,
  message: string,
  fields: FieldError[]
) => new DomainError('INVALID_ARGUMENT', message, reason, fields)

export const isDomainError = (e: unknown): e is DomainError =>
  e instanceof DomainError
