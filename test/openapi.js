'use strict'

/**
 * The response schemas of shared/vtex-openapi as JSON Schema for ajv: local
 * $refs inlined (a cycle stops at an empty schema), OpenAPI's `nullable`
 * turned into a `null` type, examples dropped. Used to hold the local
 * emulator's answers to what VTEX documents.
 */
const fs = require('fs')
const path = require('path')

const Ajv = require('ajv')

const DIR = [
  process.env.VTEX_OPENAPI_DIR,
  path.resolve(__dirname, '..', '..', 'shared', 'vtex-openapi'),
  path.resolve(__dirname, '..', 'shared', 'vtex-openapi'),
  '/work/shared/vtex-openapi',
].find((d) => d && fs.existsSync(path.join(d, 'catalog-api.json')))

const docs = {}
const load = (file) => {
  if (!DIR)
    throw new Error('shared/vtex-openapi not found (set VTEX_OPENAPI_DIR)')
  docs[file] =
    docs[file] || JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'))

  return docs[file]
}

function convert(doc, node, stack = []) {
  if (Array.isArray(node)) return node.map((n) => convert(doc, n, stack))
  if (!node || typeof node !== 'object') return node
  if (node.$ref) {
    if (stack.includes(node.$ref)) return {}
    const target = node.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((v, k) => v[k], doc)

    return convert(doc, target, [...stack, node.$ref])
  }

  const out = {}

  for (const [k, v] of Object.entries(node)) {
    if (k === 'example' || k === 'examples' || k === 'nullable') continue
    out[k] =
      k === 'properties'
        ? Object.fromEntries(
            Object.entries(v).map(([p, s]) => [p, convert(doc, s, stack)])
          )
        : convert(doc, v, stack)
  }

  if (node.nullable && typeof out.type === 'string')
    out.type = [out.type, 'null']
  if (node.nullable && out.enum) out.enum = [...out.enum, null]

  return out
}

/** The JSON Schema of an operation's 200 answer. */
function responseSchema(file, pathKey, method = 'get') {
  const doc = load(file)
  const op = doc.paths[pathKey][method]
  const { content } = op.responses['200']
  const media = content['application/json'] || Object.values(content)[0]

  return convert(doc, media.schema)
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false })

/** Validation errors of `value` against `schema` (empty when it conforms). */
function problems(schema, value) {
  const validate = ajv.compile(schema)

  return validate(value)
    ? []
    : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`)
}

module.exports = { responseSchema, problems, available: Boolean(DIR) }
