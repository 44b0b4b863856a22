import { invalidFields } from './errors'

/**
 * The admin's search box, read as an id: a SKU, product or order id (ids are
 * 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit).
 *
 * A term of PREFIX_MIN_LENGTH characters or more finds the logs whose id
 * starts with it (a partial order id); a shorter one finds that exact id.
 * Decision: 3 characters. VBase lists the `e.{id}` index folders by prefix,
 * so any length would work, but one or two characters match a tenth or a
 * hundredth of a catalog (every SKU starting with "1"), which is never what
 * an admin typing "12" means; three characters narrow to what was typed.
 */
export const SEARCH_MAX_LENGTH = 64
export const PREFIX_MIN_LENGTH = 3

const TERM_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

export interface SearchTerm {
  term: string
  /** True: ids starting with `term`; false: exactly `term`. */
  prefix: boolean
}

/**
 * Parses a search; null when there is none (absent or blank). Anything that
 * cannot be (the start of) an id is refused with reason INVALID_SEARCH:
 * field `search`, TOO_LONG or INVALID_FORMAT.
 */
export function parseSearch(raw: unknown): SearchTerm | null {
  if (raw == null) return null
  if (typeof raw !== 'string') {
    throw invalidFields('INVALID_SEARCH', 'Invalid search: text expected.', [
      { field: 'search', code: 'INVALID_FORMAT' },
    ])
  }

  const term = raw.trim()

  if (term === '') return null
  if (term.length > SEARCH_MAX_LENGTH) {
    throw invalidFields(
      'INVALID_SEARCH',
      `Invalid search: ids have at most ${SEARCH_MAX_LENGTH} characters.`,
      [
        {
          field: 'search',
          code: 'TOO_LONG',
          params: { max: SEARCH_MAX_LENGTH },
        },
      ]
    )
  }

  if (!TERM_RE.test(term)) {
    throw invalidFields(
      'INVALID_SEARCH',
      'Invalid search: type a SKU, product or order id (letters, digits, ".", "_" or "-").',
      [{ field: 'search', code: 'INVALID_FORMAT' }]
    )
  }

  return { term, prefix: term.length >= PREFIX_MIN_LENGTH }
}

/** Whether an id answers a parsed search. */
export const matchesSearch = (entityId: string, search: SearchTerm) =>
  search.prefix ? entityId.startsWith(search.term) : entityId === search.term
