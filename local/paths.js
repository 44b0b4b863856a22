'use strict'

const path = require('path')

const root = path.resolve(__dirname, '..')
const manifest = require(path.join(root, 'manifest.json'))

module.exports = {
  root,
  manifest,
  appName: `${manifest.vendor}.${manifest.name}`,
  appId: `${manifest.vendor}.${manifest.name}@${manifest.version}`,
  runtimeDir: path.join(root, 'node', '.runtime'),
  compiledNode: path.join(root, 'node', '.runtime', 'service', 'src', 'node'),
  shellOut: path.join(root, '.local', 'shell'),
  vtexApi: path.join(root, 'node', 'node_modules', '@vtex', 'api'),
}
