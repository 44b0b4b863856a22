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
