import type { FieldError } from './errors'

/** A posted JSON object's fields, before validation. */
export type Fields = Record<string, unknown>

/**
 * Reads one optional or required text field of a posted object, trimmed;
 * records why it is refused (REQUIRED, INVALID_FORMAT, TOO_LONG) and answers
 * null then. Nothing is truncated.
 */
export function readText(
  o: Fields,
  key: string,
  path: string,
  errors: FieldError[],
  { required = false, max }: { required?: boolean; max: number }
): string | null {
  const v = o[key]

  if (v == null || (typeof v === 'string' && v.trim() === '')) {
    if (required) errors.push({ field: path, code: 'REQUIRED' })

    return null
  }

  if (typeof v !== 'string') {
    errors.push({ field: path, code: 'INVALID_FORMAT' })

    return null
  }

  const trimmed = v.trim()

  if (trimmed.length > max) {
    errors.push({ field: path, code: 'TOO_LONG', params: { max } })

    return null
  }

  return trimmed
}

/** Whether a text is an absolute http(s) URL. */
export const isHttpUrl = (v: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol)
  } catch {
    return false
  }
}
