'use strict'

/** Browser tests need Debian's Chromium; install it when missing and we may (root + apt). */
const fs = require('fs')
const { execSync } = require('child_process')

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

if (fs.existsSync(path)) process.exit(0)
if (process.getuid && process.getuid() === 0) {
  console.log('Installing Debian chromium for the browser tests…')
  execSync(
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null',
    { stdio: 'inherit' }
  )
  process.exit(fs.existsSync(path) ? 0 : 1)
}

console.error(
  `Chromium not found at ${path}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`
)
process.exit(1)
