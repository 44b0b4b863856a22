'use strict'

/** `npm run screenshots`: regenerates docs/images/*.png from a fresh local app. */
const fs = require('fs')
const path = require('path')

const { startApp } = require('../test/helpers')
const { launch } = require('../test/browser')
const { PARTNER_TOKEN } = require('../local/seed')

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
    await page.getByTestId('confirm-ok').click()
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

    // An order a logistics partner reported on: its timeline.
    const order = Object.values(app.emulator.vtex.data.orders).find(
      (o) =>
        o.status === 'invoiced' &&
        o.packageAttachment?.packages?.[0]?.invoiceNumber
    )
    const hour = 3_600_000

    await fetch(`${app.shellUrl}/_v/marketplace-bridge/partner/tracking`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${PARTNER_TOKEN}`,
      },
      body: JSON.stringify({
        orderId: order.orderId,
        invoiceNumber: order.packageAttachment.packages[0].invoiceNumber,
        events: [
          {
            status: 'handed-to-carrier',
            date: new Date(Date.now() + hour).toISOString(),
            city: 'Cajamar',
            state: 'SP',
            description: 'Coletado pela transportadora',
          },
          {
            status: 'in-transit',
            date: new Date(Date.now() + 20 * hour).toISOString(),
            city: 'Curitiba',
            state: 'PR',
            description: 'Em trânsito',
          },
          {
            status: 'delivered',
            date: new Date(Date.now() + 50 * hour).toISOString(),
            city: 'Florianópolis',
            state: 'SC',
            description: 'Entregue ao destinatário',
          },
        ],
      }),
    })
    await page.goto(`${app.url}?tab=tracking`)
    const search = page.getByTestId('filter-search').getByRole('textbox')

    await search.fill(order.orderId)
    await search.press('Enter')
    const row = page.locator(
      `tr[data-log-id="TRACKING:mercadolivre:${order.orderId}"]`
    )

    await row.waitFor()
    await row.getByText(order.orderId).click()
    await page.getByTestId('timeline').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(OUT, 'order-timeline.png') })

    await page.goto(`${app.url}/settings`)
    await page.getByTestId('settings-form').waitFor()
    await page.screenshot({
      path: path.join(OUT, 'settings.png'),
      fullPage: true,
    })
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
