'use strict'

/**
 * `npm install` at the root installs node/ and react/ with `npm ci`.
 *
 * npm rewrites a yarn.lock it finds beside package-lock.json whenever it
 * installs (npm 11 does so even under `npm ci`), in its own shape and
 * without the optional packages of other platforms (fsevents). Those
 * yarn.lock files are what VTEX IO's builders install from and are written
 * by `npm run lockfiles`, so each one is put back exactly as committed
 * once npm is done: installing never changes a tracked file.
 */
const { spawnSync } = require('child_process')
const fs = require('fs')
const path = require('path')

const ROOT = path.resolve(__dirname, '..')

function installPart(folder, { root = ROOT, run = spawnSync } = {}) {
  const dir = path.join(root, folder)
  const lockPath = path.join(dir, 'yarn.lock')
  const kept = fs.existsSync(lockPath) ? fs.readFileSync(lockPath) : null

  try {
    const result = run('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: dir,
      stdio: 'inherit',
    })

    return result.status ?? 1
  } finally {
    if (kept) fs.writeFileSync(lockPath, kept)
  }
}

module.exports = { installPart }

if (require.main === module) {
  for (const folder of process.argv.slice(2)) {
    const status = installPart(folder)

    if (status !== 0) process.exit(status)
  }
}
