'use strict'

/** `npm run screenshots`: regenerates docs/images/*.png from a fresh local app. */
const fs = require('fs')
const path = require('path')

const { startApp } = require('../test/helpers')
const { launch } = require('../test/browser')

const OUT = path.join(__dirname, '..', 'docs', 'images')

async function main() {
  fs.mkdirSync(OUT, { recursive: true })
  const app = await startApp({ perTab: 100 })
  const browser = await launch()

  try {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
    })

    for (const tab of ['products', 'inventory', 'tracking']) {
      await page.goto(`${app.url}?tab=${tab}`)
      await page.locator('tr[data-log-id]').first().waitFor()
      await page.waitForTimeout(300)
      await page.screenshot({ path: path.join(OUT, `tab-${tab}.png`) })
    }

    await page.getByTestId('filter-status').selectOption('ERROR')
    await page.waitForFunction(() =>
      [...document.querySelectorAll('tr[data-log-id]')].every(
        (r) => r.dataset.status === 'ERROR'
      )
    )
    await page
      .locator('tr[data-log-id]')
      .filter({ hasText: /answered HTTP/ })
      .first()
      .getByText(/answered HTTP/)
      .click()
    await page.getByTestId('error-origin').waitFor()
    await page.screenshot({ path: path.join(OUT, 'error-detail.png') })
    await page.getByTestId('close-detail').click()
    // A bulk reprocess of every error the filter shows, finished.
    await page.getByTestId('bulk-reprocess-all').click()
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=bulk-progress]')?.dataset
          .status === 'DONE',
      null,
      { timeout: 60_000 }
    )
    await page.getByTestId('filter-status').selectOption('ALL')
    await page.locator('tr[data-log-id]').first().waitFor()
    await page.screenshot({ path: path.join(OUT, 'bulk-progress.png') })
    console.log(`screenshots written to ${path.relative(process.cwd(), OUT)}`)
  } finally {
    await browser.close()
    await app.stop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
