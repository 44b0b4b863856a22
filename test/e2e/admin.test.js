'use strict'

/**
 * The store admin's path through the page, in Chromium, against the local
 * app: switch the three tabs, open an error and see its origin, reprocess it
 * and watch it go queued then resolved, remove a log and see it stay gone
 * after a reload, switch language.
 */
const path = require('path')
const test = require('node:test')
const assert = require('node:assert/strict')

const { adminSession, SHOTS } = require('../browser')

const session = adminSession(
  { perTab: 40, eventDelayMs: 1500 },
  { width: 1400, height: 1000 }
)
const { pageErrors } = session
let app
let page

test.before(async () => {
  await session.ready
  ;({ app, page } = session)
})

const rows = () => page.locator('tr[data-log-id]')
const tab = (name) => page.getByRole('tab', { name })

test('opens on Produtos with the overview and the logs', async () => {
  await page.goto(app.url)
  await rows().first().waitFor()
  assert.equal(await tab('Produtos').getAttribute('aria-selected'), 'true')
  const total = await page
    .locator('[data-overview=total] [data-value]')
    .textContent()

  assert.equal(total.trim(), '40')
  assert.equal(await rows().count(), 20)
  // admin-ui's Pagination: "1 — 20 de 40".
  assert.match(
    await page.getByTestId('page-range').textContent(),
    /1\s*—\s*20 de 40/
  )
  await page.screenshot({ path: path.join(SHOTS, 'products.png') })
})

test('switches the three tabs, keeping the tab in the URL across a reload', async () => {
  for (const [name, param, column] of [
    ['Estoque', 'inventory', 'SKU'],
    ['Tracking', 'tracking', 'Pedido'],
    ['Produtos', 'products', 'SKU'],
  ]) {
    await tab(name).click()
    await page.waitForURL(new RegExp(`tab=${param}`))
    await rows().first().waitFor()
    assert.equal(await tab(name).getAttribute('aria-selected'), 'true')
    assert.ok(
      await page.getByRole('columnheader', { name: column }).isVisible()
    )
    if (param !== 'products')
      await page.screenshot({ path: path.join(SHOTS, `${param}.png`) })
  }

  await tab('Tracking').click()
  await page.reload()
  await rows().first().waitFor()
  assert.equal(await tab('Tracking').getAttribute('aria-selected'), 'true')
})

test('opens an error log and sees the origin of the error', async () => {
  await tab('Estoque').click()
  await page.getByTestId('filter-status').selectOption('ERROR')
  await page.waitForFunction(() =>
    [...document.querySelectorAll('tr[data-log-id]')].every(
      (r) => r.dataset.status === 'ERROR'
    )
  )
  const transient = rows()
    .filter({ hasText: /HTTP 503|HTTP 429|Could not reach/ })
    .first()

  // Click the message: the row's first cell is the selection checkbox.
  await transient.getByText(/HTTP 503|HTTP 429|Could not reach/).click()
  const origin = page.getByTestId('error-origin')

  await origin.waitFor()
  assert.match(
    await origin.textContent(),
    /PUT http:\/\/\w+\.sandbox\.local\/api\/inventory\//
  )
  assert.match(await origin.textContent(), /"quantity"/)
  await page.screenshot({ path: path.join(SHOTS, 'error-detail.png') })
})

test('reprocesses it: queued first, then resolved by itself', async () => {
  const detail = page.getByTestId('log-detail')

  await detail.getByRole('button', { name: 'Reprocessar' }).click()
  await page.getByText('Enviado para a fila de reprocessamento').waitFor()
  await detail.locator('[data-status=QUEUED]').first().waitFor()
  await page.getByTestId('queued-notice').waitFor()
  await page.screenshot({ path: path.join(SHOTS, 'queued.png') })
  await detail
    .locator('[data-status=SUCCESS]')
    .first()
    .waitFor({ timeout: 20000 })
  assert.equal(await page.getByTestId('queued-notice').count(), 0)
  await page.getByTestId('close-detail').click()
  await detail.waitFor({ state: 'hidden' })
})

test('removes a log through the actions menu, and it stays gone after a reload', async () => {
  await page.getByTestId('filter-status').selectOption('ALL')
  const first = rows().first()
  const id = await first.getAttribute('data-log-id')

  await page.getByTestId(`actions-${id}`).click()
  await page.getByRole('menuitem', { name: 'Remover Log' }).click()
  // It asks first, naming the log; then removes it.
  const confirm = page.getByTestId('confirm-dialog')

  await confirm.waitFor()
  assert.match(await confirm.textContent(), /Remover o log de SKU \d+ em /)
  await page.getByTestId('confirm-ok').click()
  await page.getByText('Log removido.').waitFor()
  await page.locator(`tr[data-log-id="${id}"]`).waitFor({ state: 'detached' })
  await page.reload()
  await rows().first().waitFor()
  assert.equal(await page.locator(`tr[data-log-id="${id}"]`).count(), 0)
  assert.equal(
    (
      await page.locator('[data-overview=total] [data-value]').textContent()
    ).trim(),
    '39'
  )
})

test('switches language', async () => {
  await page.getByTestId('language').selectOption('en')
  await tab('Inventory').waitFor()
  await page.getByTestId('language').selectOption('es')
  await tab('Inventario').waitFor()
  await page.getByTestId('language').selectOption('pt')
  await tab('Estoque').waitFor()
  assert.deepEqual(pageErrors, [])
})
