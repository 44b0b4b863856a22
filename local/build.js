'use strict'

/**
 * Builds what VTEX IO's builders would: compiles node/ (tsc), writes the
 * service folder the @vtex/api worker loads (service.json with the __graphql
 * route the graphql builder adds, schema.graphql from graphql/), and bundles
 * the admin page into the local shell with esbuild.
 */
const fs = require('fs')
const path = require('path')
const { execFileSync } = require('child_process')

const { root, runtimeDir, shellOut } = require('./paths')

function graphqlFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = path.join(dir, e.name)

      if (e.isDirectory()) return graphqlFiles(p)

      return e.name.endsWith('.graphql') ? [p] : []
    })
    .sort()
}

function buildService() {
  execFileSync(
    path.join(root, 'node', 'node_modules', '.bin', 'tsc'),
    ['-p', path.join(root, 'node', 'tsconfig.json')],
    { stdio: 'inherit' }
  )
  const service = JSON.parse(
    fs.readFileSync(path.join(root, 'node', 'service.json'), 'utf8')
  )

  service.routes = {
    ...(service.routes || {}),
    __graphql: { path: '/_v/graphql' },
  }
  const dir = path.join(runtimeDir, 'service')

  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(
    path.join(dir, 'service.json'),
    JSON.stringify(service, null, 2)
  )
  const schema = graphqlFiles(path.join(root, 'graphql'))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n')

  fs.writeFileSync(path.join(dir, 'schema.graphql'), schema)
}

/**
 * .graphql documents as the react builder (and jest-transform-graphql) load
 * them: graphql-tag's loader, which understands `#import "./fragments/…"`.
 */
const graphqlLoader = {
  name: 'graphql-documents',
  setup(esbuildApi) {
    const loader = require(require.resolve('graphql-tag/loader', {
      paths: [path.join(root, 'react')],
    }))

    esbuildApi.onLoad({ filter: /\.graphql$/ }, (args) => ({
      contents: loader.call(
        { cacheable() {} },
        fs.readFileSync(args.path, 'utf8')
      ),
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }))
  },
}

async function buildShell() {
  const esbuild = require('esbuild')

  fs.mkdirSync(shellOut, { recursive: true })
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'shell', 'index.tsx')],
    bundle: true,
    outfile: path.join(shellOut, 'app.js'),
    platform: 'browser',
    target: 'es2019',
    format: 'iife',
    minify: true,
    sourcemap: false,
    nodePaths: [path.join(root, 'react', 'node_modules')],
    // The VTEX IO runtime the page imports, emulated for the local shell.
    alias: {
      'vtex.render-runtime': path.join(__dirname, 'shell', 'renderRuntime.tsx'),
    },
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    plugins: [graphqlLoader],
    logLevel: 'warning',
  })
}

async function build() {
  buildService()
  await buildShell()
}

module.exports = { build }

if (require.main === module) {
  build().then(
    () => console.log('build: service and admin shell ready'),
    (e) => {
      console.error(e)
      process.exit(1)
    }
  )
}
