'use strict'

/** Where the app's vendor name appears besides manifest.json, kept in step by set-vendor.js. */
const fs = require('fs')
const path = require('path')

const root = path.resolve(__dirname, '..')
const read = (p) => fs.readFileSync(path.join(root, p), 'utf8')
const reactDocuments = () =>
  fs
    .readdirSync(path.join(root, 'react', 'graphql'))
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => `react/graphql/${f}`)

module.exports = { root, read, reactDocuments }
