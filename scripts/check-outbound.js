'use strict'

/**
 * Every host and VTEX endpoint the service calls is covered by manifest.json,
 * and the manifest declares nothing the code never calls. Derived from the
 * code, so a new client is checked without being listed anywhere:
 *   - every class in node/clients/*.ts is classified by what it extends:
 *     JanusClient (VTEX APIs on portal.vtexcommercestable.com.br), VBase,
 *     or ExternalClient with a fixed base URL (a literal, through
 *     throughIoProxy so X-Vtex-Use-Https is sent) or a merchant-typed one
 *     (`@outbound merchant` in its doc comment); anything else fails;
 *   - a Janus client's paths are its `/api/…` literals (helpers such as
 *     `path(orderId)` expanded); each must be a documented endpoint
 *     (local/emulator/permissions.js) whose License Manager resource is a
 *     policy, and an outbound-access policy must cover it;
 *   - an external client's paths are the literals it passes to this.http;
 *   - @vtex/api's own clients used as ctx.clients.X, the @auth directive of
 *     the schema and the logger add what they call;
 *   - connector hosts (merchant-typed) come from outbound-connectors.json;
 *   - a marketplace kind with fixed hosts (node/marketplaces/{kind}/) tags
 *     the constant holding them `@outbound fixed` in its doc comment: a
 *     string literal or an array of them (https URLs), each host needing an
 *     outbound-access policy (every path: the kind calls its API's paths);
 *   - no HTTP call outside node/clients (axios, fetch, http.request).
 */
const fs = require('fs')
const path = require('path')

const { VTEX_ENDPOINTS } = require('../local/emulator/permissions')
const {
  coveringPolicy,
  connectorPolicy,
  outboundPolicies,
  samePolicy,
} = require('./outbound-policies')

const JANUS = 'portal.vtexcommercestable.com.br'

/** @vtex/api's own clients, as the service reaches them (ctx.clients.X). */
const BUILT_IN = {
  apps: { infra: 'apps (the app reads its own settings: no policy)' },
  events: { infra: 'events', policy: 'colossus-fire-event' },
  licenseManager: {
    host: JANUS,
    paths: ['/api/license-manager/resources/x/access'],
  },
}

/** What @vtex/api's GraphQL @auth directive calls (graphql/ uses @auth). */
const AUTH_DIRECTIVE = [
  { host: 'vtexid.vtex.com.br', path: '/api/vtexid/pub/authenticated/user' },
  {
    host: '{{account}}.vtexcommercestable.com.br',
    path: '/api/license-manager/pvt/accounts/x/products/x/logins/x/resources/x/granted',
  },
]

const walk = (dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) =>
          e.name === 'node_modules' || e.name.startsWith('.')
            ? []
            : e.isDirectory()
            ? walk(path.join(dir, e.name))
            : [path.join(dir, e.name)]
        )
    : []

// Test support (`testing/` folders) is not shipped (.vtexignore) and is not checked.
const sources = (dir) =>
  walk(dir).filter(
    (f) =>
      /\.ts$/.test(f) &&
      !/\.test\.ts$|\.d\.ts$/.test(f) &&
      !/[\\/]testing[\\/]/.test(f)
  )

/** Template helpers of a file: `const name = (…) => \`…\``. */
function helpersOf(src) {
  const helpers = {}

  for (const m of src.matchAll(
    /const (\w+) = \([^)]*\)(?:: \w+)? =>\s*`([^`]*)`/g
  ))
    helpers[m[1]] = m[2]

  return helpers
}

/** A literal's path with helpers expanded and each ${…} replaced by "x". */
function normalise(text, helpers) {
  return text
    .replace(/\$\{(\w+)\([^}]*\)\}/g, (all, name) =>
      helpers[name] !== undefined ? helpers[name] : all
    )
    .replace(/\$\{[^}]*\}/g, 'x')
    .split('?')[0]
}

const literals = (src) => [
  ...[...src.matchAll(/`([^`]*)`/g)].map((m) => m[1]),
  ...[...src.matchAll(/'([^'\n]*)'/g)].map((m) => m[1]),
]

/** Classes in node/clients and what each extends. */
function clientClasses(root) {
  const classes = {}

  for (const file of sources(path.join(root, 'node', 'clients'))) {
    const src = fs.readFileSync(file, 'utf8')

    for (const m of src.matchAll(
      /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export class (\w+)\s+extends (\w+)/g
    ))
      classes[m[2]] = { file, src, base: m[3], doc: m[1] || '' }
  }

  return classes
}

function rootOf(classes, name, seen = new Set()) {
  const c = classes[name]

  if (!c || seen.has(name)) return name
  seen.add(name)

  return rootOf(classes, c.base, seen)
}

/** The calls the code makes: [{ who, host, path, endpoint? }] and problems. */
const FIXED_TAG =
  /\/\*\*((?:(?!\*\/)[\s\S])*?@outbound fixed(?:(?!\*\/)[\s\S])*?)\*\/\s*export const (\w+)(?:\s*:[^=]+)?\s*=\s*([^;]*?)(?:\n\n|;|$)/g

/** Hosts marketplace kinds call through the one HttpTransport (`@outbound fixed` constants). */
function kindHosts(root, problems) {
  const calls = []

  for (const file of sources(path.join(root, 'node', 'marketplaces'))) {
    if (/\.test\.ts$/.test(file)) continue
    const src = fs.readFileSync(file, 'utf8')
    const rel = path.relative(root, file)

    for (const m of src.matchAll(FIXED_TAG)) {
      const urls = [...m[3].matchAll(/'(https?:\/\/[^']+)'/g)].map((u) => u[1])

      if (!urls.length)
        problems.push(
          `${rel}: ${m[2]} is tagged @outbound fixed but holds no 'https://…' literal`
        )
      for (const u of urls) {
        const url = new URL(u)

        if (url.protocol !== 'https:')
          problems.push(`${rel}: ${m[2]} calls ${u} without https`)
        calls.push({
          who: `${m[2]} (${rel})`,
          host: url.hostname,
          path: '/*',
        })
      }
    }
  }

  return calls
}

function derivedCalls(root) {
  const problems = []
  const calls = []
  const needs = new Set(['colossus-write-logs']) // ctx.vtex.logger, always
  const classes = clientClasses(root)

  for (const [name, c] of Object.entries(classes)) {
    const kind = rootOf(classes, name)
    const rel = path.relative(root, c.file)
    const helpers = helpersOf(c.src)

    if (kind === 'IOClients') continue // the registry of clients
    if (kind === 'JanusClient') {
      const paths = literals(c.src)
        .map((l) => normalise(l, helpers))
        .filter((p) => p.startsWith('/api/'))

      for (const p of [...new Set(paths)])
        calls.push({ who: `${name} (${rel})`, host: JANUS, path: p })
    } else if (kind === 'VBase') {
      needs.add('vbase-read-write')
    } else if (kind === 'ExternalClient') {
      if (/@outbound merchant/.test(c.doc)) {
        if (!/throughIoProxy\(/.test(c.src))
          problems.push(
            `${rel}: ${name} calls merchant hosts without throughIoProxy (X-Vtex-Use-Https)`
          )
        calls.push({ who: `${name} (${rel})`, merchant: true })
        continue
      }

      const sup = /super\(\s*([^,]+),/.exec(c.src)
      const arg = sup ? sup[1].trim() : ''
      const viaProxy = new RegExp(
        `const ${arg.split('.')[0]} = throughIoProxy\\(\\s*'([^']+)'`
      ).exec(c.src)

      if (!viaProxy) {
        problems.push(
          `${rel}: ${name} has no fixed base URL through throughIoProxy('https://…') and no @outbound merchant tag: cannot tell which host it calls`
        )
        continue
      }

      const base = new URL(viaProxy[1])
      const paths = [
        ...c.src.matchAll(
          /this\.http\.\w+(?:<[\s\S]*?>)?\(\s*(['`])([^'`]*)\1/g
        ),
      ].map((m) => normalise(m[2], helpers))

      for (const p of [...new Set(paths)])
        calls.push({
          who: `${name} (${rel})`,
          host: base.hostname,
          path: `${base.pathname.replace(/\/$/, '')}${p}`,
        })
    } else {
      problems.push(
        `${rel}: ${name} extends ${kind}, which this check cannot classify (JanusClient, VBase or ExternalClient)`
      )
    }
  }

  // @vtex/api's own clients the code reaches as clients.X.
  const own = new Set(
    Object.values(classes)
      .flatMap((c) => [...c.src.matchAll(/getOrSet\('(\w+)'/g)])
      .map((m) => m[1])
  )

  for (const file of sources(path.join(root, 'node'))) {
    const src = fs.readFileSync(file, 'utf8')
    const rel = path.relative(root, file)

    for (const m of src.matchAll(/\bclients\.(\w+)\b/g)) {
      const id = m[1]

      if (own.has(id) || id === 'ioContext') continue
      const b = BUILT_IN[id]

      if (!b) {
        problems.push(
          `${rel}: clients.${id} is a client this check does not know: add it to BUILT_IN in scripts/check-outbound.js with what it calls`
        )
        continue
      }

      if (b.policy) needs.add(b.policy)
      for (const p of b.paths || [])
        calls.push({ who: `@vtex/api ${id}`, host: b.host, path: p })
    }

    if (!rel.startsWith(path.join('node', 'clients'))) {
      if (
        /\baxios\b|\bfetch\(|\bhttps?\.request\(|new ExternalClient/.test(src)
      )
        problems.push(
          `${rel}: makes an HTTP call outside node/clients (the check would not see it)`
        )
    }
  }

  calls.push(...kindHosts(root, problems))

  const schema = walk(path.join(root, 'graphql'))
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n')

  if (/@auth\(/.test(schema))
    for (const a of AUTH_DIRECTIVE) calls.push({ who: '@auth directive', ...a })

  return { calls, needs, problems }
}

function checkOutbound(root = path.resolve(__dirname, '..')) {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')
  )

  const connectorsFile = path.join(root, 'outbound-connectors.json')
  const connectors = fs.existsSync(connectorsFile)
    ? JSON.parse(fs.readFileSync(connectorsFile, 'utf8')).urls || []
    : []

  const { calls, needs, problems } = derivedCalls(root)
  const names = new Set((manifest.policies || []).map((p) => p.name))
  const used = new Set()
  const report = []

  for (const need of needs)
    if (!names.has(need)) problems.push(`manifest.json lacks policy ${need}`)

  for (const call of calls.filter((c) => !c.merchant)) {
    const policy = coveringPolicy(manifest, {
      host: call.host,
      path: call.path,
    })

    if (!policy) {
      problems.push(
        `${call.who} calls ${call.host}${call.path}: no outbound-access policy covers it`
      )
    } else used.add(policy)
    let resource = null

    if (call.host === JANUS) {
      const endpoint = VTEX_ENDPOINTS.find((e) => e.path.test(call.path))

      if (!endpoint) {
        problems.push(
          `${call.who} calls VTEX endpoint ${call.path}, which local/emulator/permissions.js does not list: add it with the License Manager resource VTEX documents`
        )
      } else if (endpoint.appScoped) {
        resource = "the app's own resource (no License Manager key)"
      } else if (!endpoint.userToken) {
        resource = endpoint.resources.find((r) => names.has(r))
        if (!resource)
          problems.push(
            `${call.who} calls ${endpoint.name} (${
              call.path
            }): manifest.json has none of its policies ${endpoint.resources.join(
              ', '
            )}`
          )
      } else resource = "the user's own roles"
    }

    report.push({ ...call, policy: policy && policy.attrs, resource })
  }

  for (const url of connectors) {
    let wanted

    try {
      wanted = connectorPolicy(url)
    } catch (e) {
      problems.push(`outbound-connectors.json: ${e.message}`)
      continue
    }

    const policy = outboundPolicies(manifest).find((p) => samePolicy(p, wanted))

    if (!policy)
      problems.push(
        `outbound-connectors.json lists ${url} but manifest.json has no outbound-access ${wanted.attrs.host}${wanted.attrs.path} (npm run connector-host -- add ${url})`
      )
    else used.add(policy)
    report.push({
      who: 'connector (merchant)',
      host: wanted.attrs.host,
      path: wanted.attrs.path,
      policy: wanted.attrs,
    })
  }

  for (const p of outboundPolicies(manifest))
    if (!used.has(p))
      problems.push(
        `manifest.json declares outbound-access ${p.attrs.host}${p.attrs.path}, which no code calls: remove it`
      )

  return { problems, report }
}

module.exports = { checkOutbound, derivedCalls }

if (require.main === module) {
  const { problems, report } = checkOutbound()

  if (process.argv.includes('--list'))
    for (const r of report)
      console.log(
        `${r.host}${r.path}  ←  ${r.who}  [outbound ${
          r.policy ? `${r.policy.host}${r.policy.path}` : 'NONE'
        }${r.resource ? `; ${r.resource}` : ''}]`
      )
  if (problems.length) {
    console.error(problems.map((p) => `✗ ${p}`).join('\n'))
    process.exit(1)
  }

  console.log(
    `check-outbound: ${report.length} calls, each covered by manifest.json`
  )
}
