/**
 * Errors raised by the domain. They carry a stable `code` so the GraphQL
 * layer can map them to the right error type without string matching.
 */
export type DomainErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'INVALID_TRANSITION'
  | 'CONFLICT'

export class DomainError extends Error {
  public readonly code: DomainErrorCode

  constructor(code: DomainErrorCode, message: string) {
    super(message)
    this.name = 'DomainError'
    this.code = code
  }
}

export const invalidArgument = (message: string) =>
  new DomainError('INVALID_ARGUMENT', message)

export const isDomainError = (e: unknown): e is DomainError =>
  e instanceof DomainError
