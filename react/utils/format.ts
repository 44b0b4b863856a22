/**
 * Pretty-prints a body for display. JSON is re-indented; anything else is
 * returned as it is. The result is always rendered as text (never as HTML).
 */
export function prettyBody(body: string | null | undefined): string {
  if (body == null || body === '') return ''
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

/** Date and time, in the admin's locale (react-intl 3 has no dateStyle). */
export const DATE_TIME = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
} as const
