/**
 * Errors grouped by cause: a message is normalised (ids, numbers but HTTP
 * statuses, quoted values but short symbols, URLs and dates become placeholders) so that "SKU 1001
 * has no price" and "SKU 2002 has no price" are one group. The cause id is a
 * short hash of the normalised text; it never changes for a given text.
 */
const URL_RE = /https?:\/\/\S+/g
const QUOTED_RE = /"[^"]*"|'[^']*'|“[^”]*”/g
const UUID_RE =
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi

const DATE_RE = /\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?/g

// A token that holds a digit: ids, SKUs, amounts. An HTTP status stays.
const ID_RE = /(?<![\w.-])(?=[\w.-]*\d)[\w.-]+(?![\w.-])/g
const HTTP_STATUS_BEFORE = /HTTP\s*$/i

export const MAX_CAUSE_TEXT = 200

/**
 * A quoted value is usually data (an id, a name) and becomes "…"; a short one
 * made only of symbols is the cause itself (`contains "/"`) and stays.
 */
const quoted = (match: string) => {
  const inner = match.slice(1, -1)

  return inner.length > 0 &&
    inner.length <= 3 &&
    /^[^\p{L}\p{N}\s]+$/u.test(inner)
    ? match
    : '"…"'
}

export function normalizeCause(message: string): string {
  return message
    .replace(URL_RE, '<url>')
    .replace(QUOTED_RE, quoted)
    .replace(UUID_RE, '#')
    .replace(DATE_RE, '#')
    .replace(ID_RE, (token, offset: number, whole: string) =>
      /^\d{3}$/.test(token) &&
      HTTP_STATUS_BEFORE.test(whole.slice(Math.max(0, offset - 8), offset))
        ? token
        : '#'
    )
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_CAUSE_TEXT)
}

/** FNV-1a, 32 bits, as 8 hex digits: stable across processes and releases. */
function fnv1a(text: string) {
  let h = 0x811c9dc5

  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }

  return h.toString(16).padStart(8, '0')
}

export interface Cause {
  id: string
  text: string
}

/** The status a cause's logs have (statusModel.ts: errors and alerts have causes). */
export type CausedStatus = 'ERROR' | 'ALERT'

/** An alert's cause id starts with this (8 hex digits alone: an error's, as before alerts existed). */
const ALERT_PREFIX = 'al'

/**
 * The cause of an error or alert message. Decision: the id names the status
 * (an alert's is `al` + the hash), so a group's status, and how many logs of a
 * status it holds, are known from the counts alone; the same text as an
 * error and as an alert is two groups.
 */
export function causeOf(
  message: string,
  status: CausedStatus = 'ERROR'
): Cause {
  const text = normalizeCause(message) || '(no message)'
  const hash = fnv1a(text)

  return { id: status === 'ALERT' ? `${ALERT_PREFIX}${hash}` : hash, text }
}

export const CAUSE_ID_RE = /^(?:al)?[0-9a-f]{8}$/

/** The status of the logs a cause id groups. */
export const causeStatus = (causeId: string): CausedStatus =>
  causeId.startsWith(ALERT_PREFIX) && causeId.length === 10 ? 'ALERT' : 'ERROR'
