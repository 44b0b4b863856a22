'use strict'

/**
 * What the benchmarks run against: the real worker(s) and the emulator, one
 * sandbox marketplace receiving inventory, no seeded logs, events delivered
 * at once, VBase in memory (writing it to disk would cost CPU), and the
 * compiled app's modules for direct use.
 *
 * BENCH_WORKERS=N runs N worker processes (replicas) behind the emulated
 * events bus and router, sharing the emulated VBase. BENCH_PROFILE=1 runs
 * each worker under `node --cpu-prof` (profiles in .local/profiles/) and
 * prints scripts/profile-summary.js's summary of them after the run.
 */
const fs = require('fs')
const os = require('os')
const path = require('path')

const { startApp } = require('../test/helpers')
const { summarizeFiles } = require('./profile-summary')

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

const WORKERS = Math.max(1, Number(process.env.BENCH_WORKERS || 1))

/** Where BENCH_PROFILE=1 writes this run's .cpuprofile files, or null. */
function profileDir(name) {
  if (!process.env.BENCH_PROFILE || process.env.BENCH_PROFILE === '0')
    return null
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const dir = path.join(
    __dirname,
    '..',
    '.local',
    'profiles',
    `${name}-${stamp}`
  )

  fs.mkdirSync(dir, { recursive: true })

  return dir
}

async function startBenchApp(name) {
  const profiles = profileDir(name)

  if (profiles)
    process.env.WORKER_EXEC_ARGV = [
      process.env.WORKER_EXEC_ARGV,
      '--cpu-prof',
      `--cpu-prof-dir=${profiles}`,
    ]
      .filter(Boolean)
      .join(' ')

  const app = await startApp({
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), `bridge-${name}-`)),
    perTab: 0,
    eventDelayMs: 0,
    persistStorage: false,
    quiet: !process.env.BENCH_VERBOSE,
    workers: WORKERS,
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

  const { stop } = app

  return {
    ...app,
    profiles,
    /**
     * Stops the app; with BENCH_PROFILE, the workers write their profiles
     * as they exit and their summary is printed, for the samples between
     * fromUs and toUs (the probe's measured window) when given.
     */
    async stop({ fromUs, toUs } = {}) {
      await stop()
      if (!profiles) return
      const files = fs
        .readdirSync(profiles)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => path.join(profiles, f))

      console.log(`CPU profiles: ${files.join(', ')}`)
      if (files.length) console.log(summarizeFiles(files, { fromUs, toUs }))
    },
  }
}

module.exports = { startBenchApp, appModule, percentile, runtime, WORKERS }
