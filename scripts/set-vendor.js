'use strict'

/**
 * `npm run vendor -- <account>`: the vendor is the VTEX account that publishes
 * the app. It lives in manifest.json; this also updates the two places that
 * must name the app in full (the event sender in node/service.json and the
 * @context provider of the admin's GraphQL documents).
 */
const fs = require('fs')
const path = require('path')

const { root, read, reactDocuments } = require('./app-files')

const vendor = process.argv[2]

if (!vendor || !/^[a-z][a-z0-9]{1,39}$/.test(vendor)) {
  console.error(
    'Usage: npm run vendor -- <account>   (a VTEX account name: lowercase letters and digits)'
  )
  process.exit(2)
}

const manifest = JSON.parse(read('manifest.json'))
const from = `${manifest.vendor}.${manifest.name}`
const to = `${vendor}.${manifest.name}`

manifest.vendor = vendor
fs.writeFileSync(
  path.join(root, 'manifest.json'),
  `${JSON.stringify(manifest, null, 2)}\n`
)
for (const file of ['node/service.json', ...reactDocuments()]) {
  fs.writeFileSync(
    path.join(root, file),
    read(file).split(`"${from}"`).join(`"${to}"`)
  )
}

console.log(`Vendor set: ${to}`)
