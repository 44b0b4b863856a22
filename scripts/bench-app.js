'use strict'

/**
 * What the benchmarks run against: the real worker and the emulator, one
 * sandbox marketplace receiving inventory, no seeded logs, events delivered
 * at once, VBase in memory (writing it to disk would cost CPU), and the
 * compiled app's modules for direct use.
 */
const fs = require('fs')
const os = require('os')
const path = require('path')

const { startApp } = require('../test/helpers')

const runtime = path.join(
  __dirname,
  '..',
  'node',
  '.runtime',
  'service',
  'src',
  'node'
)

/** A compiled module of the app (node/.runtime). */
const appModule = (name) => require(path.join(runtime, name))

/** Shared by the benchmarks: percentile of a sorted list. */
const percentile = (sorted, p) =>
  sorted.length
    ? sorted[
        Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
      ]
    : 0

function startBenchApp(name) {
  return startApp({
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), `bridge-${name}-`)),
    perTab: 0,
    eventDelayMs: 0,
    persistStorage: false,
    quiet: !process.env.BENCH_VERBOSE,
    settings: {
      maxRetries: 10,
      marketplaces: [
        {
          id: 'mercadolivre',
          name: 'Mercado Livre',
          baseUrl: 'http://mercadolivre.sandbox.local/api',
          token: 'sandbox-token-mercadolivre',
          products: false,
          inventory: true,
          tracking: false,
        },
      ],
    },
  })
}

module.exports = { startBenchApp, appModule, percentile, runtime }
