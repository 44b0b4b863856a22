'use strict'

/**
 * `npm run connector-host -- add|remove <base URL>` / `list`: the hosts of the
 * marketplace and carrier connectors a merchant types in the settings are
 * declared when the app is published (VTEX IO lets an app call only hosts
 * its manifest declares). Each URL in outbound-connectors.json becomes an
 * outbound-access policy for its host and every path under its base path;
 * `npm run lint` keeps both files in step. docs/deploy.md tells the story.
 */
const fs = require('fs')
const path = require('path')

const { connectorPolicy, samePolicy } = require('./outbound-policies')

const root = path.resolve(__dirname, '..')
const file = (f) => path.join(root, f)
const readJson = (f) => JSON.parse(fs.readFileSync(file(f), 'utf8'))
const writeJson = (f, v) =>
  fs.writeFileSync(file(f), `${JSON.stringify(v, null, 2)}\n`)

const [command, url] = process.argv.slice(2)
const manifest = readJson('manifest.json')
const connectors = readJson('outbound-connectors.json')

if (command === 'list' || !command) {
  for (const u of connectors.urls) console.log(u)
  process.exit(0)
}

if (!['add', 'remove'].includes(command) || !url) {
  console.error('Usage: npm run connector-host -- add|remove <base URL> | list')
  process.exit(2)
}

let policy

try {
  policy = connectorPolicy(url)
} catch (e) {
  console.error(e.message)
  process.exit(2)
}

const base = url.replace(/\/+$/, '')
const others = connectors.urls.filter((u) => u.replace(/\/+$/, '') !== base)
const stillNeeded = (p) => others.some((u) => samePolicy(connectorPolicy(u), p))

connectors.urls = command === 'add' ? [...others, base] : others
manifest.policies = manifest.policies.filter(
  (p) => !samePolicy(p, policy) || stillNeeded(p)
)
if (command === 'add') manifest.policies.push(policy)
writeJson('outbound-connectors.json', connectors)
writeJson('manifest.json', manifest)
console.log(
  `${command === 'add' ? 'Declared' : 'Removed'} ${policy.attrs.host}${
    policy.attrs.path
  }`
)
