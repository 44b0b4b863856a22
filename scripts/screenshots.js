'use strict'

/**
 * `npm run screenshots`: regenerates docs/images/*.png from a fresh local
 * app, and the App Store listing's images (public/metadata/images): the
 * 1024×1024 icon and desktop screenshots of up to 700×400, as VTEX's
 * marketing guidelines ask (a 1400×800 window at half scale).
 */
const fs = require('fs')
const path = require('path')

const { startApp } = require('../test/helpers')
const { launch } = require('../test/browser')
const { PARTNER_TOKEN } = require('../local/seed')

const OUT = path.join(__dirname, '..', 'docs', 'images')
const LISTING = path.join(__dirname, '..', 'public', 'metadata', 'images')

/** The app icon: a solid background, the glyph inside the 768 px safe area. */
const ICON_HTML = `<!doctype html><html><body style="margin:0">
<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">
  <rect width="1024" height="1024" fill="#0B5CAD"/>
  <g fill="none" stroke="#FFFFFF" stroke-width="56" stroke-linecap="round" stroke-linejoin="round">
    <path d="M176 600 Q512 250 848 600"/>
    <path d="M176 600 H848"/>
    <path d="M300 600 V470 M416 600 V392 M512 600 V372 M608 600 V392 M724 600 V470"/>
  </g>
  <g fill="#FFC857">
    <circle cx="176" cy="600" r="64"/>
    <circle cx="848" cy="600" r="64"/>
  </g>
  <path d="M420 724 H604 L568 688 M604 724 L568 760" fill="none" stroke="#FFC857" stroke-width="36" stroke-linecap="round" stroke-linejoin="round"/>
</svg></body></html>`

/** The App Store listing: icon and desktop screenshots. */
async function listingImages(browser, app) {
  const desktop = path.join(LISTING, 'screenshots', 'desktop')

  fs.mkdirSync(desktop, { recursive: true })
  const icon = await browser.newPage({
    viewport: { width: 1024, height: 1024 },
  })

  await icon.setContent(ICON_HTML)
  await icon.screenshot({
    path: path.join(LISTING, 'icon.png'),
    omitBackground: true,
  })
  await icon.close()

  const page = await browser.newPage({
    viewport: { width: 1400, height: 800 },
    deviceScaleFactor: 0.5,
  })

  const shot = (name) =>
    page.screenshot({ path: path.join(desktop, `${name}.png`) })

  await page.goto(`${app.url}?tab=inventory`)
  await page.locator('tr[data-log-id]').first().waitFor()
  await page.waitForTimeout(300)
  await shot('1-inventory-logs')
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
  await shot('2-error-origin')
  await page.goto(`${app.url}?tab=products`)
  await page.locator('tr[data-log-id]').first().waitFor()
  await page.waitForTimeout(300)
  await shot('3-products-logs')
  await page.goto(`${app.url}/settings`)
  await page.getByTestId('settings-form').waitFor()
  await shot('4-settings')
  await page.close()
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true })
  const app = await startApp({ perTab: 100, seedStatuses: true })
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
    await listingImages(browser, app)
    console.log(
      `screenshots written to ${path.relative(
        process.cwd(),
        OUT
      )} and ${path.relative(process.cwd(), LISTING)}`
    )
  } finally {
    await browser.close()
    await app.stop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
