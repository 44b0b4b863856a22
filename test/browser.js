'use strict'

/* eslint-env node, browser */

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

/**
 * axe-core's WCAG 2.1 A/AA and best-practice rules on the page (or inside
 * `selector`), injected from the npm package. Returns the violations, each
 * with its rule, impact and the offending elements.
 */
async function axeViolations(page, selector = null) {
  if (!(await page.evaluate(() => Boolean(window.axe))))
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })

  return page.evaluate(async (sel) => {
    const result = await window.axe.run(
      sel ? document.querySelector(sel) : document,
      {
        resultTypes: ['violations'],
      }
    )

    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }))
  }, selector)
}

const MESSAGES = ['en', 'pt', 'es'].map((l) =>
  JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', 'messages', `${l}.json`), 'utf8')
  )
)

/** The literal text of an ICU message (placeholders and plural/select bodies dropped). */
function literalParts(message) {
  let out = ''
  let depth = 0

  for (const ch of message) {
    if (ch === '{') depth++
    else if (ch === '}') depth--
    else if (depth === 0) out += ch
  }

  return out
    .split(/\s{2,}|[():·]/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 4 && /[A-Za-z]/.test(p))
}

/**
 * The app's English that shows on a page in another language: every English
 * message (messages/en.json) whose text differs from the language's, searched
 * in the page's visible text as whole words. The marketplaces' and the
 * service's own words (marked data-server-text) are data, not the app's text.
 */
const ownWords = Object.fromEntries(
  ['pt', 'es'].map((l, i) => [
    l,
    new Set(
      Object.values(MESSAGES[i + 1]).flatMap((m) =>
        literalParts(m).flatMap((p) => [p, ...p.split(/\s+/)])
      )
    ),
  ])
)

async function englishOnPage(page, language) {
  const [en, pt, es] = MESSAGES
  const target = { pt, es }[language]
  const text = await page.evaluate(() => {
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_TEXT
    )
    const parts = []

    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement

      if (!el || el.closest('[data-server-text], script, style')) continue
      const style = getComputedStyle(el)

      if (style.visibility === 'hidden' || style.display === 'none') continue
      if (!el.getClientRects().length) continue
      parts.push(n.textContent)
    }

    // Accessible names count too (aria-label, title, placeholder).
    document
      .querySelectorAll('[aria-label], [title], [placeholder]')
      .forEach((e) => {
        if (e.closest('[data-server-text]')) return
        for (const a of ['aria-label', 'title', 'placeholder'])
          if (e.getAttribute(a)) parts.push(e.getAttribute(a))
      })

    return parts.join(' \n ')
  })

  const leaks = []

  for (const [key, value] of Object.entries(en)) {
    if (!key.startsWith('admin/marketplace-bridge.') || value === target[key])
      continue
    for (const part of literalParts(value)) {
      // Words the language's own messages use (product names like "VTEX
      // Tracking", loanwords like "Marketplace") are not English there.
      if (ownWords[language].has(part)) continue
      const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

      if (new RegExp(`(^|[^\\p{L}])${escaped}([^\\p{L}]|$)`, 'u').test(text))
        leaks.push({ key, part })
    }
  }

  return leaks
}

module.exports = { launch, adminSession, SHOTS, axeViolations, englishOnPage }
