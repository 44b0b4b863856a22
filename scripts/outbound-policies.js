'use strict'

/**
 * outbound-access policies as VTEX IO reads them: `host` and `path` accept
 * `{{account}}` and `*` (any characters). Shared by the emulator (which
 * refuses what they do not cover), the lint check and the connector-host tool.
 */

const escape = (s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')

/** A glob of outbound-access (`*` = any characters) as a RegExp. */
function globRegExp(glob, account) {
  const text = glob.split('{{account}}').join(account || '{{account}}')

  return new RegExp(`^${text.split('*').map(escape).join('.*')}$`, 'i')
}

const outboundPolicies = (manifest) =>
  (manifest.policies || []).filter((p) => p.name === 'outbound-access')

/** The outbound-access policy that lets the app call host + path, or null. */
function coveringPolicy(manifest, { host, path, account }) {
  return (
    outboundPolicies(manifest).find(
      (p) =>
        p.attrs &&
        globRegExp(String(p.attrs.host), account).test(host) &&
        globRegExp(String(p.attrs.path), account).test(path)
    ) || null
  )
}

/**
 * The policy a connector base URL needs (a merchant-typed host declared at
 * publish time): its host, and every path under its base path.
 */
function connectorPolicy(baseUrl) {
  let url

  try {
    url = new URL(baseUrl)
  } catch {
    throw new Error(`"${baseUrl}" is not a URL`)
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`"${baseUrl}" must be http or https`)
  const base = url.pathname.replace(/\/+$/, '')

  return {
    name: 'outbound-access',
    attrs: { host: url.hostname, path: `${base}/*` },
  }
}

const samePolicy = (a, b) =>
  a.name === b.name &&
  (a.attrs || {}).host === (b.attrs || {}).host &&
  (a.attrs || {}).path === (b.attrs || {}).path

module.exports = {
  globRegExp,
  outboundPolicies,
  coveringPolicy,
  connectorPolicy,
  samePolicy,
}
