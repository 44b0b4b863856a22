import { invalidArgument } from './errors'

export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100

/** Validates a requested page size: a whole number from 1 to MAX_PAGE_SIZE. */
export function parsePageSize(value: number | null | undefined): number {
  if (value == null) return DEFAULT_PAGE_SIZE
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw invalidArgument(
      `Invalid page size ${value}: it must be a whole number from 1 to ${MAX_PAGE_SIZE}.`
    )
  }

  return value
}

/**
 * Cursors are opaque to clients: base64url of the storage cursor. Anything
 * that does not decode to the expected shape is refused.
 */
export function encodeCursor(storageCursor: string): string {
  return Buffer.from(JSON.stringify({ v: 1, c: storageCursor })).toString(
    'base64url'
  )
}

export function decodeCursor(
  cursor: string | null | undefined
): string | undefined {
  if (cursor == null || cursor === '') return undefined
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))

    if (
      parsed &&
      parsed.v === 1 &&
      typeof parsed.c === 'string' &&
      parsed.c !== ''
    ) {
      return parsed.c
    }
  } catch {
    // fall through to the error below
  }

  throw invalidArgument(
    `Invalid cursor "${cursor}": pass back a cursor the API returned.`
  )
}
