'use strict'

/**
 * Answers and checks shared by the Mercado Livre emulator's routes. Errors
 * use ML's documented body `{ message, error, status, cause }`; shapes are
 * checked the way ML's API reports them: unknown properties
 * (`body.invalid_fields`), wrong types (`body.invalid_field_types`, with
 * "invalid property type: [price] expected Number but was String value: p"),
 * missing properties (`body.required_fields`) and rule violations
 * (`validation_error` with one cause per rule).
 */

function reply(res, status, body, headers = {}) {
  if (body === undefined) {
    res.writeHead(status, headers)

    return res.end()
  }

  if (typeof body === 'string') {
    res.writeHead(status, { 'Content-Type': 'text/html', ...headers })

    return res.end(body)
  }

  res.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    ...headers,
  })
  res.end(JSON.stringify(body))
}

const mlError = (status, message, error, cause = []) => ({
  message,
  error,
  status,
  cause,
})

/** A rule ML enforces, as one `cause` of a `validation_error`. */
const cause = (code, message, references = []) => ({
  department: code.split('.')[0],
  cause_id: 0,
  type: 'error',
  code,
  references,
  message,
})

const validationError = (causes) =>
  mlError(400, 'Validation error', 'validation_error', causes)

const notFound = (message) => mlError(404, message, 'not_found')
const forbidden = (message) => mlError(403, message, 'forbidden')

function typeName(v) {
  if (v === null) return 'Null'
  if (Array.isArray(v)) return 'JSONArray'
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Number'

  return { string: 'String', boolean: 'Boolean', object: 'Map' }[typeof v]
}

const TYPES = {
  String: (v) => typeof v === 'string',
  Number: (v) => typeof v === 'number' && Number.isFinite(v),
  Integer: (v) => Number.isInteger(v),
  Boolean: (v) => typeof v === 'boolean',
  Map: (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
  JSONArray: (v) => Array.isArray(v),
}

/**
 * Checks a JSON body against `{ property: 'Type' }` (Type one of TYPES, or
 * 'Type|Null'); returns ML's error body, or null when the shape is right.
 */
function checkShape(body, shape, required = []) {
  if (!TYPES.Map(body))
    return mlError(400, 'body.invalid_json', 'The body must be a JSON object')
  const unknown = Object.keys(body).filter((k) => !(k in shape))

  if (unknown.length)
    return mlError(
      400,
      'body.invalid_fields',
      `The body does not contains some or none of the following properties [${unknown.join(
        ', '
      )}]`
    )

  const missing = required.filter((k) => body[k] === undefined)

  if (missing.length)
    return mlError(
      400,
      'body.required_fields',
      `The body does not contains some or none of the following properties [${missing.join(
        ', '
      )}]`
    )

  const wrong = Object.entries(body)
    .filter(([k, v]) => {
      const types = shape[k].split('|')

      return !types.some((t) => (t === 'Null' ? v === null : TYPES[t](v)))
    })
    .map(
      ([k, v]) =>
        `invalid property type: [${k}] expected ${
          shape[k].split('|')[0]
        } but was ${typeName(v)} value: ${
          typeof v === 'object' ? JSON.stringify(v) : v
        }`
    )

  return wrong.length
    ? mlError(400, 'body.invalid_field_types', `[${wrong.join(',\n')}]`)
    : null
}

/** Parses the request body by its content type; `{ error }` when it cannot. */
function parseBody(req, raw) {
  const text = raw.length ? raw.toString('utf8') : ''
  const type = String(req.headers['content-type'] || '')

  if (type.includes('application/x-www-form-urlencoded'))
    return { form: Object.fromEntries(new URLSearchParams(text)) }
  if (!text) return { json: undefined }
  try {
    return { json: JSON.parse(text) }
  } catch {
    return {
      error: mlError(400, 'body.invalid_json', 'The body is not valid JSON'),
    }
  }
}

const isUrl = (v) => {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol)
  } catch {
    return false
  }
}

const isoWithZone = (v) =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
  !Number.isNaN(Date.parse(v))

module.exports = {
  reply,
  mlError,
  cause,
  validationError,
  notFound,
  forbidden,
  checkShape,
  parseBody,
  isUrl,
  isoWithZone,
}
