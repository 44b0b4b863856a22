import { invalidFields } from './errors'

/**
 * The rules every JSON route applies to its body before reading a field:
 * a JSON media type, a bounded size, a parseable document.
 */

/** `application/json` or a `+json` type, any parameters (charset). */
export function isJsonMediaType(header: string | null | undefined): boolean {
  const type = (header ?? '').split(';')[0].trim().toLowerCase()

  return (
    type === 'application/json' ||
    /^application\/[a-z0-9.+-]+\+json$/.test(type)
  )
}

export const unsupportedMediaType = (given: string | null | undefined) =>
  invalidFields(
    'UNSUPPORTED_MEDIA_TYPE',
    `The body must be sent as application/json (got ${
      given ? `"${given}"` : 'no content-type'
    }); nothing changed.`,
    [
      {
        field: 'content-type',
        code: 'NOT_ALLOWED',
        params: { allowed: 'application/json' },
      },
    ]
  )

export const bodyTooLarge = (maxBytes: number) =>
  invalidFields(
    'BODY_TOO_LARGE',
    `The body is larger than ${Math.floor(
      maxBytes / 1024
    )} KB; nothing changed.`,
    [{ field: 'body', code: 'TOO_LONG', params: { max: maxBytes } }]
  )

/** A declared Content-Length over the bound (checked before reading). */
export function declaredTooLarge(
  contentLength: string | null | undefined,
  maxBytes: number
): boolean {
  const n = Number(contentLength)

  return (
    contentLength != null &&
    contentLength !== '' &&
    Number.isFinite(n) &&
    n > maxBytes
  )
}

/** Parses the body text; refuses what is not JSON (reason INVALID_JSON). */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw invalidFields(
      'INVALID_JSON',
      'The body is not valid JSON; nothing changed.',
      [{ field: 'body', code: 'INVALID_FORMAT' }]
    )
  }
}
