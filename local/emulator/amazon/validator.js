'use strict'

/**
 * Amazon's SP-API models (./models, OpenAPI 2) as a validator: finds the
 * operation of a request by method and path, checks its path, query and
 * header parameters and its JSON body against the model (ajv, with the
 * models' `#/definitions/...` references resolved), and checks the
 * emulator's own answers against the documented response schemas. It also
 * reads each operation's usage plan (rate and burst) from its description.
 */
const fs = require('fs')
const path = require('path')

const Ajv = require('ajv')
const addFormats = require('ajv-formats')

const MODELS = {
  listings: 'listingsItems_2021-08-01.json',
  orders: 'ordersV0.json',
}

const PARAM_KEYWORDS = [
  'type',
  'items',
  'enum',
  'maxItems',
  'minItems',
  'maxLength',
  'minLength',
  'pattern',
  'minimum',
  'maximum',
  'format',
  'uniqueItems',
]

/** Model-relative refs (`#/definitions/X`) made absolute (`listings#/definitions/X`). */
const absolute = (schema, model) =>
  JSON.parse(
    JSON.stringify(schema).replace(
      /"#\/definitions\//g,
      `"${model}#/definitions/`
    )
  )

/** "| 5 | 10 |" after "Usage Plan" in an operation's description. */
function usagePlan(description) {
  const m =
    /Usage Plan[\s\S]*?\|\s*-+\s*\|\s*-+\s*\|\s*\|\s*([\d.]+)\s*\|\s*(\d+)\s*\|/.exec(
      description || ''
    )

  return m ? { rate: Number(m[1]), burst: Number(m[2]) } : null
}

function coerce(value, schema) {
  if (schema.type === 'array') {
    const parts = String(value).split(',')

    return parts.map((p) => coerce(p, schema.items || {}))
  }

  if (schema.type === 'integer' || schema.type === 'number') {
    const n = Number(value)

    return value === '' || Number.isNaN(n) ? value : n
  }

  if (schema.type === 'boolean')
    return value === 'true' ? true : value === 'false' ? false : value

  return value
}

class SpApiModels {
  constructor(dir = path.join(__dirname, 'models')) {
    this.ajv = new Ajv({ strict: false, allErrors: true })
    addFormats(this.ajv)
    this.ajv.addFormat('double', { type: 'number', validate: Number.isFinite })
    this.operations = []
    for (const [model, file] of Object.entries(MODELS)) {
      const spec = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))

      this.ajv.addSchema({ $id: model, definitions: spec.definitions })
      for (const [route, item] of Object.entries(spec.paths)) {
        for (const [method, op] of Object.entries(item)) {
          if (method !== 'parameters')
            this.operations.push(
              this.compile(model, route, method, op, item.parameters || [])
            )
        }
      }
    }
  }

  compile(model, route, method, op, shared) {
    const names = []
    const pattern = route.replace(/\{(\w+)\}/g, (_, n) => {
      names.push(n)

      return '([^/]+)'
    })

    const params = [...shared, ...(op.parameters || [])].map((p) => {
      if (p.in === 'body') {
        return {
          name: p.name,
          in: 'body',
          required: Boolean(p.required),
          validate: this.ajv.compile(absolute(p.schema, model)),
        }
      }

      const schema = Object.fromEntries(
        PARAM_KEYWORDS.filter((k) => p[k] !== undefined).map((k) => [k, p[k]])
      )

      return {
        name: p.name,
        in: p.in,
        required: Boolean(p.required),
        schema,
        validate: this.ajv.compile(schema),
      }
    })

    const responses = {}

    for (const [status, r] of Object.entries(op.responses || {})) {
      responses[status] = r.schema
        ? this.ajv.compile(absolute(r.schema, model))
        : null
    }

    return {
      id: op.operationId,
      model,
      method: method.toUpperCase(),
      route,
      regex: new RegExp(`^${pattern}$`),
      names,
      params,
      responses,
      plan: usagePlan(op.description),
    }
  }

  /** The operation serving `method` `pathname`, with its decoded path parameters. */
  match(method, pathname) {
    for (const op of this.operations) {
      if (op.method !== method) continue
      const m = op.regex.exec(pathname)

      if (m) {
        const pathParams = {}

        op.names.forEach((n, i) => {
          pathParams[n] = decodeURIComponent(m[i + 1])
        })

        return { op, pathParams }
      }
    }

    return null
  }

  errorsOf(validate, label) {
    return (validate.errors || []).map(
      (e) => `${label}${e.instancePath || ''} ${e.message}`
    )
  }

  /** Every way the request departs from the model (empty when valid). */
  validateRequest(op, { pathParams, query, headers, rawBody }) {
    const errors = []
    const known = new Set()

    for (const p of op.params) {
      if (p.in === 'body') {
        if (!rawBody) {
          if (p.required) errors.push(`body: required`)
          continue
        }

        const type = String(headers['content-type'] || '')

        if (!/^application\/json\b/.test(type))
          errors.push(
            `body: content-type ${type || '(none)'} is not application/json`
          )
        let body

        try {
          body = JSON.parse(rawBody)
        } catch {
          errors.push('body: not JSON')
          continue
        }

        if (!p.validate(body)) errors.push(...this.errorsOf(p.validate, 'body'))
        continue
      }

      known.add(p.name)
      const raw =
        p.in === 'path'
          ? pathParams[p.name]
          : p.in === 'query'
          ? query.get(p.name)
          : headers[p.name.toLowerCase()]

      if (raw == null || raw === '') {
        if (p.required) errors.push(`${p.in} parameter ${p.name}: required`)
        continue
      }

      const value = coerce(raw, p.schema)

      if (!p.validate(value))
        errors.push(...this.errorsOf(p.validate, `${p.in} parameter ${p.name}`))
    }

    for (const name of query.keys())
      if (!known.has(name)) errors.push(`query parameter ${name}: unknown`)
    if (rawBody && !op.params.some((p) => p.in === 'body'))
      errors.push('body: this operation takes none')

    return errors
  }

  /** How the emulator's own answer departs from the documented shape. */
  validateResponse(op, status, body) {
    if (!(String(status) in op.responses))
      return [`status ${status} is not documented for ${op.id}`]
    const validate = op.responses[String(status)]

    if (!validate)
      return body === undefined ? [] : ['documented without a body']

    return validate(body) ? [] : this.errorsOf(validate, 'response')
  }
}

module.exports = { SpApiModels, usagePlan }
