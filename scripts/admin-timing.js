'use strict'

/* eslint-env node, browser */

/**
 * `npm run bench:admin`: how fast the admin shows its logs, in headless
 * Chromium (playwright-core, /usr/bin/chromium) against the local runtime
 * with seeded data (BENCH_ADMIN_PER_TAB logs per tab, default 100, as
 * `npm start` seeds). BENCH_ADMIN_RUNS runs (default 5), each in a fresh
 * browser context (no cache, no cookie), after one warm-up navigation that
 * is not counted (the worker's first request reads its cursor key and
 * settings; bench:store measures that cold request):
 *   - firstRowsMs: from navigation start (performance.timeOrigin) to the
 *     first animation frame after the first log rows of the opening tab
 *     (Produtos) are in the page;
 *   - tabSwitchMs: from the click on Estoque to the first animation frame
 *     after Estoque's rows are in the page.
 * Both are read inside the page (a MutationObserver installed before the
 * page's scripts), not polled from outside. Prints each run, then one JSON
 * line with the medians and every value; also the GraphQL requests made
 * until the first rows and the admin bundle's size.
 */
const fs = require('fs')
const path = require('path')

const { startApp } = require('../test/helpers')
const { launch } = require('../test/browser')
const { shellOut } = require('../local/paths')
const { loadAverage } = require('./bench-probe')
const { percentile } = require('./bench-app')

const RUNS = Math.max(1, Number(process.env.BENCH_ADMIN_RUNS || 5))
const PER_TAB = Number(process.env.BENCH_ADMIN_PER_TAB || 100)
const FIRST_TAB = 'PRODUCTS'
const SWITCH = { name: 'Estoque', tab: 'INVENTORY' }

/**
 * Runs in the page before its own scripts: records, per tab, the first
 * animation frame after rows of that tab (data-log-id "TAB:…") appear, and
 * the time of the last click.
 */
function observeRows() {
  window.__rowsAt = {}
  window.__clickAt = null
  document.addEventListener(
    'click',
    () => {
      window.__clickAt = performance.now()
    },
    true
  )
  const seen = () => {
    for (const row of document.querySelectorAll('tr[data-log-id]')) {
      const [tab] = row.getAttribute('data-log-id').split(':')

      if (!(tab in window.__rowsAt)) {
        window.__rowsAt[tab] = null
        requestAnimationFrame(() => {
          window.__rowsAt[tab] = performance.now()
        })
      }
    }
  }

  new MutationObserver(seen).observe(document, {
    childList: true,
    subtree: true,
  })
}

const median = (values) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50
  )

const round = (n) => Math.round(n * 10) / 10

async function oneRun(browser, app, counted) {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
  })

  const page = await context.newPage()
  const errors = []
  let graphqlUntilRows = 0
  let rowsShown = false

  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('request', (r) => {
    if (!rowsShown && r.url().includes('/_v/graphql')) graphqlUntilRows++
  })
  await page.addInitScript(observeRows)
  await page.goto(app.url)
  await page.waitForFunction((tab) => window.__rowsAt[tab] != null, FIRST_TAB, {
    timeout: 30_000,
    polling: 50,
  })
  rowsShown = true
  const firstRowsMs = await page.evaluate(
    (tab) => window.__rowsAt[tab],
    FIRST_TAB
  )

  await page.getByRole('tab', { name: SWITCH.name }).click()
  await page.waitForFunction(
    (tab) => window.__rowsAt[tab] != null,
    SWITCH.tab,
    { timeout: 30_000, polling: 50 }
  )
  const tabSwitchMs = await page.evaluate(
    (tab) => window.__rowsAt[tab] - window.__clickAt,
    SWITCH.tab
  )

  await context.close()
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`)

  return {
    counted,
    firstRowsMs: round(firstRowsMs),
    tabSwitchMs: round(tabSwitchMs),
    graphqlUntilRows,
  }
}

async function main() {
  const app = await startApp({ perTab: PER_TAB })
  const browser = await launch()
  const loadBefore = loadAverage()

  try {
    await oneRun(browser, app, false)
    const runs = []

    for (let i = 0; i < RUNS; i++) {
      const run = await oneRun(browser, app, true)

      runs.push(run)
      console.log(
        `run ${i + 1}: first rows ${run.firstRowsMs} ms, tab switch ${
          run.tabSwitchMs
        } ms (${run.graphqlUntilRows} GraphQL requests until the first rows)`
      )
    }

    const bundle = path.join(shellOut, 'app.js')
    const result = {
      runs: RUNS,
      perTab: PER_TAB,
      firstRowsMedianMs: median(runs.map((r) => r.firstRowsMs)),
      tabSwitchMedianMs: median(runs.map((r) => r.tabSwitchMs)),
      firstRowsMs: runs.map((r) => r.firstRowsMs),
      tabSwitchMs: runs.map((r) => r.tabSwitchMs),
      graphqlRequestsUntilFirstRows: median(
        runs.map((r) => r.graphqlUntilRows)
      ),
      bundleKb: fs.existsSync(bundle)
        ? Math.round(fs.statSync(bundle).size / 1024)
        : null,
      loadAverage: loadBefore,
    }

    console.log(JSON.stringify(result))
  } finally {
    await browser.close()
    await app.stop()
    fs.rmSync(app.dataDir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
