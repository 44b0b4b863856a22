'use strict'

/**
 * node/ and react/ each keep a yarn.lock (what VTEX IO's builders install)
 * in step with package-lock.json (what npm installs here): the same
 * versions of every package in both. Fix with `npm run lockfiles`.
 */
const fs = require('fs')
const path = require('path')

const {
  npmVersions,
  yarnVersions,
  FOLDERS,
  ROOT,
  read,
} = require('./lockfiles')

const show = (set) => [...(set || [])].sort().join(', ') || 'none'

/** Differences between a package-lock.json and a yarn.lock, as messages. */
function compareLocks(folder, packageLock, yarnLock) {
  const npm = npmVersions(packageLock)
  const yarn = yarnVersions(yarnLock)
  const problems = []

  for (const name of new Set([...npm.keys(), ...yarn.keys()])) {
    if (show(npm.get(name)) !== show(yarn.get(name)))
      problems.push(
        `${folder}: ${name} is ${show(
          npm.get(name)
        )} in package-lock.json but ${show(
          yarn.get(name)
        )} in yarn.lock (npm run lockfiles)`
      )
  }

  return problems
}

function checkLockfiles(root = ROOT) {
  const problems = []

  for (const folder of FOLDERS) {
    if (!fs.existsSync(path.join(root, folder, 'yarn.lock'))) {
      problems.push(`${folder}/yarn.lock is missing (npm run lockfiles)`)
      continue
    }

    problems.push(
      ...compareLocks(
        folder,
        JSON.parse(read(folder, 'package-lock.json')),
        read(folder, 'yarn.lock')
      )
    )
  }

  return problems
}

module.exports = { checkLockfiles, compareLocks }

if (require.main === module) {
  const problems = checkLockfiles()

  if (problems.length) {
    console.error(problems.map((p) => `✗ ${p}`).join('\n'))
    process.exit(1)
  }

  console.log(
    'check-lockfiles: yarn.lock and package-lock.json agree in node/ and react/'
  )
}
