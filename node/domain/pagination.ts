import { createHmac, timingSafeEqual } from 'crypto'

import type { FieldErrorCode } from './errors'
import { invalidArgument, invalidFields } from './errors'

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

/** Longer cursors are refused before anything else is looked at. */
export const MAX_CURSOR_LENGTH = 8192

const CURSOR_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/

const mac = (secret: Uint8Array, payload: string) =>
  createHmac('sha256', secret).update(payload).digest()

export const invalidCursor = (
  message: string,
  code: FieldErrorCode = 'INVALID_FORMAT'
) =>
  invalidFields('INVALID_CURSOR', `Invalid cursor: ${message}`, [
    { field: 'after', code },
  ])

/**
 * Cursors are opaque to clients and signed: base64url of the JSON body, a
 * dot, and the body's HMAC-SHA256 with the account's cursor key. Only a
 * cursor this app handed out opens, so what a cursor says (where to list
 * from, which rows to skip or hold) can be trusted.
 */
export function sealCursor(secret: Uint8Array, body: unknown): string {
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url')

  return `${payload}.${mac(secret, payload).toString('base64url')}`
}

const RETURN_IT = 'pass back pageInfo.endCursor as it was returned.'

/** Refuses what cannot be a sealed cursor, before any key is read. */
export function assertCursorShape(cursor: unknown): asserts cursor is string {
  if (typeof cursor === 'string' && cursor.length > MAX_CURSOR_LENGTH)
    throw invalidCursor(RETURN_IT, 'TOO_LONG')
  if (typeof cursor !== 'string' || !CURSOR_RE.test(cursor))
    throw invalidCursor(RETURN_IT)
}

/**
 * The body of a cursor sealed with `secret`. Anything else — edited, forged,
 * signed with another key, too long, not a cursor — is refused with reason
 * INVALID_CURSOR, field `after`.
 */
export function openCursor(secret: Uint8Array, cursor: unknown): unknown {
  assertCursorShape(cursor)
  const [payload, signature] = cursor.split('.')
  const given = Buffer.from(signature, 'base64url')
  const expected = mac(secret, payload)

  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw invalidCursor(RETURN_IT)

  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
}
