'use strict'

/**
 * Keyboard and screen readers, in Chromium against the local app: axe-core
 * finds no violation on each page and dialog; a keyboard-only admin opens a
 * log, reprocesses it and gets the focus back where it was; the page in
 * Portuguese and Spanish shows none of the app's English; at 1440×900 log
 * rows show on load.
 */
const path = require('path')
const test = require('node:test')
const assert = require('node:assert/strict')

const {
  adminSession,
  SHOTS,
  axeViolations,
  englishOnPage,
} = require('../browser')

const OUT = process.env.ADMIN_SHOTS || SHOTS
const session = adminSession(
  { perTab: 30, eventDelayMs: 300 },
  { width: 1440, height: 900 }
)

const { pageErrors } = session
let app
let page

test.before(async () => {
  await session.ready
  ;({ app, page } = session)
})

const rows = () => page.locator('tr[data-log-id*=":"]')

const noViolations = async (where, selector) => {
  const violations = await axeViolations(page, selector)

  assert.deepEqual(
    violations,
    [],
    `${where}: ${JSON.stringify(violations, null, 1)}`
  )
}

test('at 1440×900 log rows show on load, with one h1 and a main landmark', async () => {
  await page.goto(`${app.url}?tab=inventory`)
  await rows().first().waitFor()
  const bottom = await page.evaluate(
    () =>
      document.querySelector('tr[data-log-id*=":"]').getBoundingClientRect()
        .bottom
  )

  assert.ok(bottom <= 900, `the first row ends at ${bottom}px`)
  assert.equal(await page.locator('h1').count(), 1)
  assert.equal(await page.locator('main').count(), 1)
  await page.screenshot({ path: path.join(OUT, 'main-1440x900.png') })
})

test('axe: no violation on the logs page of each tab, the detail and a confirmation', async () => {
  for (const tab of ['products', 'inventory', 'tracking']) {
    await page.goto(`${app.url}?tab=${tab}`)
    await rows().first().waitFor()
    await noViolations(`tab ${tab}`)
  }

  await page.goto(`${app.url}?tab=inventory&status=error`)
  await rows().first().waitFor()
  await page.getByTestId('groups-more').click()
  await noViolations('all error groups')
  await rows().first().getByTestId('open-log').click()
  await page.getByTestId('error-origin').waitFor()
  await noViolations('log detail', '[data-testid=log-detail]')
  await page
    .getByTestId('log-detail')
    .getByRole('button', { name: 'Remover Log' })
    .click()
  await page.getByTestId('confirm-dialog').waitFor()
  await noViolations('confirmation', '[data-testid=confirm-dialog]')
  await page.getByTestId('confirm-cancel').click()
  await page.getByTestId('close-detail').click()
})

test('axe: no violation on the CSV exports, running and ready; the link is named after its file', async () => {
  await page.goto(`${app.url}?tab=tracking`)
  await rows().first().waitFor()
  // Storage slowed down so that the running export can be looked at.
  await app.control('vbase', { latencyMs: 300 })
  try {
    await page.getByTestId('export-csv').click()
    await page
      .locator(
        '[data-testid=csv-export][data-status=RUNNING] [role=progressbar]'
      )
      .waitFor()
    await noViolations('CSV export running')
  } finally {
    await app.control('vbase', { latencyMs: 0 })
  }

  const link = page.getByRole('link', {
    name: /^Baixar CSV marketplace-bridge-tracking-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/,
  })

  await link.waitFor({ timeout: 30_000 })
  await noViolations('CSV export ready')
  await link.focus()
  assert.equal(
    await page.evaluate(() => document.activeElement?.dataset.testid),
    'csv-download'
  )
})

test('axe: no violation on the settings page, before and after a refused save', async () => {
  await page.goto(`${app.url}/settings`)
  await page.getByTestId('settings-form').waitFor()
  await noViolations('settings')
  await page.getByTestId('settings-carrier-hours').fill('0')
  await page.getByTestId('settings-max-retries').fill('-3')
  await page.getByTestId('settings-save').click()
  await page.getByText('De 1 a 48.').waitFor()
  // Every invalid field at once, translated, the first one focused.
  assert.equal(
    await page.getByTestId('settings-max-retries').getAttribute('aria-invalid'),
    'true'
  )
  assert.equal(
    await page
      .getByTestId('settings-carrier-hours')
      .getAttribute('aria-invalid'),
    'true'
  )
  await page.screenshot({ path: path.join(OUT, 'settings-errors.png') })
  await noViolations('settings with errors')
  assert.deepEqual(
    await page
      .getByRole('button', { name: /^Remover / })
      .evaluateAll((b) => b.map((e) => e.getAttribute('aria-label'))),
    ['Remover Mercado Livre', 'Remover Amazon', 'Remover Magalu']
  )
})

test('keyboard only: open an error log, reprocess it, get the focus back', async () => {
  await page.goto(`${app.url}?tab=products`)
  await rows().first().waitFor()
  const row = rows()
    .filter({ has: page.locator('[data-status=ERROR]') })
    .first()

  const id = await row.getAttribute('data-log-id')
  const link = row.getByTestId('open-log')

  // Tab from the top of the page to the first row's link.
  await page.locator('body').focus()
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab')
    if (await link.evaluate((a) => a === document.activeElement)) break
  }

  assert.equal(await link.evaluate((a) => a === document.activeElement), true)
  assert.match(await link.getAttribute('aria-label'), /^Abrir SKU \d+ em /)
  await page.keyboard.press('Enter')
  const detail = page.getByTestId('log-detail')

  await detail.waitFor()
  // To the dialog's "Reprocessar" with the keyboard, and press it.
  const reprocess = detail.getByRole('button', { name: 'Reprocessar' })

  for (let i = 0; i < 30; i++) {
    if (await reprocess.evaluate((b) => b === document.activeElement)) break
    await page.keyboard.press('Tab')
  }

  assert.equal(
    await reprocess.evaluate((b) => b === document.activeElement),
    true
  )
  await page.keyboard.press('Enter')
  await page
    .getByText('Enviado para a fila de reprocessamento')
    .first()
    .waitFor()
  await page.keyboard.press('Escape')
  await detail.waitFor({ state: 'detached' })
  // Focus is back on the link that opened it.
  await page.waitForFunction(
    (logId) =>
      document.activeElement?.closest('tr')?.dataset.logId === logId &&
      document.activeElement.dataset.testid === 'open-log',
    id
  )
  assert.match(
    await page.getByTestId(`actions-${id}`).getAttribute('aria-label'),
    new RegExp(`^Ações para ${id}$`)
  )
})

test("Portuguese and Spanish pages show none of the app's English", async () => {
  for (const language of ['pt', 'es']) {
    await page.goto(`${app.url}?tab=inventory&status=error`)
    await page.getByTestId('language').selectOption(language)
    await rows().first().waitFor()
    await page.getByTestId('groups-more').click()
    const where = []

    where.push(['logs', await englishOnPage(page, language)])
    await rows().first().getByTestId('open-log').click()
    await page.getByTestId('error-origin').waitFor()
    where.push(['detail', await englishOnPage(page, language)])
    await page.getByTestId('close-detail').click()
    await page.getByTestId('bulk-remove-all').click()
    await page.getByTestId('confirm-dialog').waitFor()
    where.push(['confirmation', await englishOnPage(page, language)])
    await page.getByTestId('confirm-cancel').click()
    for (const tab of ['products', 'tracking']) {
      await page.goto(`${app.url}?tab=${tab}`)
      await rows().first().waitFor()
      where.push([tab, await englishOnPage(page, language)])
    }

    await page.goto(`${app.url}/settings`)
    await page.getByTestId('settings-form').waitFor()
    await page.getByTestId('settings-carrier-hours').fill('0')
    await page.getByTestId('settings-save').click()
    await page.locator('[aria-invalid="true"]').first().waitFor()
    where.push(['settings', await englishOnPage(page, language)])

    for (const [name, leaks] of where)
      assert.deepEqual(
        leaks,
        [],
        `${language} ${name}: ${JSON.stringify(leaks)}`
      )
  }

  await page.getByTestId('language').selectOption('pt')
  assert.deepEqual(pageErrors, [])
})
