/**
 * A list field's error on the settings page: the list's own (`key`), or the
 * first of its entries' — `key.i` for a list of values, `key.i.field` for a
 * list of objects with `fields` — as the server names them.
 */
/** Entries looked at (the settings' lists are short; the first error is what the field shows). */
const ENTRIES = 50

export function listFieldError(
  at: (path: string) => string | undefined,
  key: string,
  fields: readonly string[] = []
): string | undefined {
  const paths = Array.from({ length: ENTRIES }, (_, i) =>
    fields.length ? fields.map((f) => `${key}.${i}.${f}`) : [`${key}.${i}`]
  ).flat()

  return at(key) ?? paths.map(at).find(Boolean)
}
