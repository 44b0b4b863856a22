'use strict'

/**
 * Static checks of the app that no compiler makes: messages complete in every
 * language, every id the admin uses defined, @auth on every root field and
 * @cacheControl on every query (graphql builder 2.x), one vendor everywhere,
 * CHANGELOG with an Unreleased section.
 */
const fs = require('fs')
const path = require('path')

const { root, read, reactDocuments } = require('./app-files')

const problems = []
const fail = (msg) => problems.push(msg)

// Messages: same keys in en, pt, es and context.json.
const messages = Object.fromEntries(
  ['en', 'pt', 'es', 'context'].map((l) => [
    l,
    JSON.parse(read(`messages/${l}.json`)),
  ])
)

const keys = Object.keys(messages.en).sort()

for (const [lang, m] of Object.entries(messages)) {
  const k = Object.keys(m).sort()
  const missing = keys.filter((x) => !k.includes(x))
  const extra = k.filter((x) => !keys.includes(x))

  if (missing.length) fail(`messages/${lang}.json lacks ${missing.join(', ')}`)
  if (extra.length)
    fail(`messages/${lang}.json has keys en.json lacks: ${extra.join(', ')}`)
  for (const [key, value] of Object.entries(m))
    if (!value || !String(value).trim())
      fail(`messages/${lang}.json: ${key} is empty`)
}

for (const [key, value] of Object.entries(messages.context)) {
  if (value === key || value === messages.en[key])
    fail(
      `messages/context.json: ${key} repeats the key or the English text instead of explaining it`
    )
}

// Every literal id the admin code and navigation use exists.
const walk = (dir) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.name === 'node_modules'
        ? []
        : e.isDirectory()
        ? walk(path.join(dir, e.name))
        : [path.join(dir, e.name)]
    )

const used = new Set()

for (const file of walk(path.join(root, 'react')).filter(
  (f) => /\.tsx?$/.test(f) && !/\.test\./.test(f)
)) {
  const src = fs.readFileSync(file, 'utf8')

  for (const m of src.matchAll(/'admin\/marketplace-bridge\.([\w.]+)'/g))
    used.add(m[1])
  for (const m of src.matchAll(/\bt\('([\w.]+)'/g)) used.add(m[1])
}

for (const f of ['admin/navigation.json']) {
  for (const m of read(f).matchAll(
    /"(?:titleId|labelId)":\s*"admin\/marketplace-bridge\.([\w.]+)"/g
  ))
    used.add(m[1])
}

// Ids built from data: status.X, tabs.x, detail.trigger.X.
for (const s of ['SUCCESS', 'ERROR', 'QUEUED']) used.add(`status.${s}`)
for (const t of ['products', 'inventory', 'tracking']) used.add(`tabs.${t}`)
for (const t of ['CHANGE', 'TRACKING_EVENT', 'REPROCESS'])
  used.add(`detail.trigger.${t}`)
for (const d of ['s', 'm', 'hm']) used.add(`duration.${d}`)
for (const id of used)
  if (!(`admin/marketplace-bridge.${id}` in messages.en))
    fail(`message admin/marketplace-bridge.${id} is used but not defined`)

// GraphQL: @auth on every root field, @cacheControl on every query.
const schema = read('graphql/schema.graphql').replace(/"""[\s\S]*?"""/g, '')

for (const [, type, body] of schema.matchAll(
  /type (Query|Mutation) \{([\s\S]*?)\n\}/g
)) {
  const fields = body
    .split(/\n(?= {2}\w)/)
    .map((f) => f.trim())
    .filter(Boolean)

  for (const field of fields) {
    const name = field.match(/^(\w+)/)[1]

    if (
      !/@auth\(scope: (PUBLIC|PRIVATE)(, productCode: "\w+", resourceCode: "[\w-]+")?\)/.test(
        field
      )
    )
      fail(`${type}.${name} has no @auth`)
    if (type === 'Query' && !/@cacheControl\(/.test(field))
      fail(`Query.${name} has no @cacheControl`)
    if (type === 'Mutation' && /@cacheControl\(/.test(field))
      fail(`Mutation.${name} must not be cached`)
  }
}

// One vendor everywhere.
const manifest = JSON.parse(read('manifest.json'))
const app = `${manifest.vendor}.${manifest.name}`

for (const [id, e] of Object.entries(
  JSON.parse(read('node/service.json')).events || {}
)) {
  const own = [...(e.keys || []), ...(e.topics || [])].some((k) =>
    k.startsWith(`${manifest.name}.`)
  )

  if (own && e.sender !== app)
    fail(
      `node/service.json: event ${id} expects sender ${e.sender}, the app is ${app} (npm run vendor)`
    )
}

for (const doc of reactDocuments()) {
  const m = read(doc).match(/@context\(provider: "([^"]+)"\)/)

  if (!m) fail(`${doc} has no @context(provider: "${app}")`)
  else if (m[1] !== app)
    fail(`${doc} asks ${m[1]}, the app is ${app} (npm run vendor)`)
}

if (!/^## \[Unreleased\]/m.test(read('CHANGELOG.md')))
  fail('CHANGELOG.md has no [Unreleased] section')

if (problems.length) {
  console.error(problems.map((p) => `✗ ${p}`).join('\n'))
  process.exit(1)
}

console.log(
  `check-app: ${keys.length} messages in 3 languages, schema directives and vendor (${app}) consistent`
)
