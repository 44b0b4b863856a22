import { invalidFields } from '../errors'

/** Splits RFC 4180 text into records, each with the line it starts on. */
export function csvRecords(text: string) {
  const out: Array<{ line: number; fields: string[] }> = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let start = 1
  let i = 0

  const endRecord = () => {
    fields.push(field)
    out.push({ line: start, fields })
    fields = []
    field = ''
  }

  while (i < text.length) {
    const c = text[i]

    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }

      if (c === '"') quoted = false
      else {
        if (c === '\n') line++
        field += c
      }

      i++
      continue
    }

    if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      fields.push(field)
      field = ''
    } else if (c === '\r' || c === '\n') {
      endRecord()
      if (c === '\r' && text[i + 1] === '\n') i++
      line++
      start = line
    } else field += c
    i++
  }

  if (quoted)
    throw invalidFields(
      'INVALID_LISTING_CSV',
      `The file has an unterminated quote starting on line ${start}.`,
      [{ field: 'file', code: 'INVALID_FORMAT', params: { line: start } }]
    )
  if (field !== '' || fields.length > 0) endRecord()

  return out
}
