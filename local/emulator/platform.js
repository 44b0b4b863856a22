'use strict'

/**
 * What VTEX IO allows an app, read from the app itself (manifest.json and
 * the built service.json), and how IO answers what it refuses. Every
 * refusal names its rule in the emulator's request log.
 *   - outbound calls: an outbound-access policy must cover host and path,
 *     else IO's proxy answers 403 "Role … cannot perform action …";
 *   - VTEX APIs called with the app's token: one of the documented License
 *     Manager resources must be a policy (permissions.js), else 403;
 *   - infra: VBase needs vbase-read-write (or -read-only for reads), the
 *     events bus colossus-fire-event; an app reads only its own settings.
 * The local runtime publishes the app the way docs/deploy.md tells a
 * publisher to: its sandbox connectors are declared as connector hosts
 * (LOCAL_CONNECTORS), exactly as `npm run connector-host -- add` would.
 */
const fs = require('fs')
const path = require('path')

const {
  coveringPolicy,
  connectorPolicy,
} = require('../../scripts/outbound-policies')
const { vtexEndpoint, RESOURCE_NAMES } = require('./permissions')

const ROOT = path.resolve(__dirname, '..', '..')

/**
 * The connector base URLs the local runtime's settings use (local/seed.js):
 * the sandbox marketplaces and the sample partner connector's log endpoint
 * (local/seedPartner.js), declared as a merchant declares them at publish
 * time (outbound-connectors.json, docs/deploy.md).
 */
const LOCAL_CONNECTORS = [
  'http://*.sandbox.local/api',
  'http://connector.partner.local/',
]

/** The app as the local runtime installs it: manifest.json plus its declared connectors. */
function localManifest(file = path.join(ROOT, 'manifest.json')) {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'))

  return {
    ...manifest,
    policies: [
      ...(manifest.policies || []),
      ...LOCAL_CONNECTORS.map(connectorPolicy),
    ],
  }
}

const hasPolicy = (manifest, name) =>
  (manifest.policies || []).some((p) => p.name === name)

class Platform {
  constructor({ manifest, appId, region = 'aws-us-east-1' }) {
    this.manifest = manifest
    this.appId = appId
    this.region = region
    /** The request log: every proxied call, refusals with their rule. */
    this.log = []
  }

  /** Adds an entry to the request log and answers it (status and rule are filled in later). */
  record(entry) {
    const stored = Object.assign(entry, { at: new Date().toISOString() })

    this.log.push(stored)
    if (this.log.length > 5000) this.log.splice(0, this.log.length - 5000)

    return stored
  }

  /**
   * IO's proxy: the app may call host + path only under an outbound-access
   * policy. Answers a refusal { status, body, rule } or null.
   */
  outbound({ method, host, pathname, account, workspace }) {
    if (coveringPolicy(this.manifest, { host, path: pathname, account }))
      return null

    return {
      status: 403,
      rule: `outbound-access: no policy covers ${host}${pathname}`,
      body: {
        code: 'Forbidden',
        message: `Role link:${this.appId} in ${account}/${workspace} cannot perform action ${method} on resource vrn:proxy:${this.region}:${account}:${workspace}:${host}${pathname}`,
      },
    }
  }

  /** A VTEX API call with the app's token: one documented resource must be a policy. */
  vtexPermission({ method, pathname, appToken }) {
    const endpoint = vtexEndpoint(method, pathname)

    if (!endpoint || endpoint.userToken || endpoint.appScoped || !appToken)
      return null
    if (endpoint.resources.some((r) => hasPolicy(this.manifest, r))) return null
    const wanted = endpoint.resources
      .map((r) => `${r} (${RESOURCE_NAMES[r] || r})`)
      .join(' or ')

    return {
      status: 403,
      rule: `License Manager: ${endpoint.name} needs ${wanted}; no such policy in manifest.json`,
      body: {
        error: {
          code: 'Forbidden',
          message: `The app ${this.appId} is not authorized to ${method} ${pathname}: it needs the resource ${wanted}.`,
        },
      },
    }
  }

  /** Infra services: the policy each needs. */
  infra({ service, method, appName, ownApp }) {
    let needed = null

    if (service === 'vbase')
      needed =
        method === 'GET' || method === 'HEAD'
          ? ['vbase-read-write', 'vbase-read-only']
          : ['vbase-read-write']
    if (service === 'courier') needed = ['colossus-fire-event']
    if (needed && !needed.some((n) => hasPolicy(this.manifest, n))) {
      return {
        status: 403,
        rule: `${service}: needs policy ${needed.join(' or ')}`,
        body: {
          code: 'Forbidden',
          message: `Role link:${this.appId} cannot perform action ${method} on ${service}: no ${needed[0]} policy`,
        },
      }
    }

    if (service === 'apps' && appName !== ownApp) {
      return {
        status: 403,
        rule: `apps: an app reads only its own settings (asked ${appName})`,
        body: { code: 'Forbidden', message: `Cannot read ${appName}` },
      }
    }

    return null
  }
}

module.exports = { Platform, localManifest, LOCAL_CONNECTORS }
