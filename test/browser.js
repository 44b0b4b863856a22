'use strict'

/** Debian's Chromium driven by playwright-core (Playwright's own browser download does not work here). */
const fs = require('fs')
const path = require('path')
const test = require('node:test')

const { chromium } = require('playwright-core')

const { startApp } = require('./helpers')

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
}

/** Where browser tests leave their screenshots. */
const SHOTS = path.join(__dirname, '..', 'test-results')

/**
 * A local app and a Chromium page for one browser test file: registers the
 * before/after hooks and hands back { app, page, pageErrors } once started.
 */
function adminSession(appOptions, viewport = { width: 1400, height: 1000 }) {
  const session = { app: null, browser: null, page: null, pageErrors: [] }
  let started

  /** Resolves once the app and the page are up (hooks may not wait for each other). */
  session.ready = new Promise((resolve) => {
    started = resolve
  })

  test.before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    session.app = await startApp(appOptions)
    session.browser = await launch()
    session.page = await session.browser.newPage({
      viewport,
      acceptDownloads: true,
    })
    session.page.on('pageerror', (e) => session.pageErrors.push(String(e)))
    started()
  })

  test.after(async () => {
    if (session.browser) await session.browser.close()
    if (session.app) await session.app.stop()
  })

  return session
}

module.exports = { launch, adminSession, SHOTS }
