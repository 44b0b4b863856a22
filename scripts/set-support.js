'use strict'

/**
 * `npm run support -- <email> [url]`: the publisher's support channel,
 * shown on the App Store page (manifest.json billingOptions.support, as
 * VTEX documents it). It names the publisher, never VTEX: the placeholder
 * fails `npm run check:publish`.
 */
const fs = require('fs')
const path = require('path')

const file = path.join(__dirname, '..', 'manifest.json')
const [email, url] = process.argv.slice(2)

if (
  !email ||
  !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ||
  (url && !/^https:\/\//.test(url))
) {
  console.error('Usage: npm run support -- <email> [https://support URL]')
  process.exit(2)
}

const manifest = JSON.parse(fs.readFileSync(file, 'utf8'))

manifest.billingOptions = {
  ...manifest.billingOptions,
  support: { email, ...(url ? { url } : {}) },
}
fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`)
console.log(`Support: ${email}${url ? ` · ${url}` : ''}`)
