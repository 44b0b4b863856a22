'use strict'

/* eslint-env node, browser */

/**
 * What a store admin hits first, in Chromium against the local app: an
 * invalid search says so and clears the table; an empty period says so;
 * filters and the open log live in the URL (reload, a copied link, the back
 * button); removals ask first, naming how many; a marketplace that is down
 * shows its retries as they happen.
 */
const path = require('path')
const test = require('node:test')
const assert = require('node:assert/strict')

const { adminSession, SHOTS } = require('../browser')
const messages = require('../../messages/pt.json')

const OUT = process.env.ADMIN_SHOTS || SHOTS
const session = adminSession(
  { perTab: 40, eventDelayMs: 100 },
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
const search = () => page.getByTestId('filter-search').getByRole('textbox')
const pt = (id) => messages[`admin/marketplace-bridge.${id}`]

test('an invalid search says why, translated, and clears the table', async () => {
  await page.goto(`${app.url}?tab=inventory`)
  await rows().first().waitFor()
  assert.match(await page.getByTestId('matching').textContent(), /40 logs/)

  await search().fill('<script>')
  await search().press('Enter')
  const invalid = page.getByTestId('logs-invalid')

  await invalid.waitFor()
  // The reason the service gives, in the admin's language.
  const answer = await app.gql(
    '{ integrationLogs(tab: INVENTORY, search: "<script>") { data { id } } }'
  )

  const { reason } = answer.errors[0].extensions
  const expected =
    pt(`error.${reason}`) ?? pt(`error.${answer.errors[0].extensions.code}`)

  assert.ok(expected, `no message for ${reason}`)
  assert.match(
    await invalid.textContent(),
    new RegExp(expected.replace(/[.?()]/g, '\\$&'))
  )
  assert.equal(await invalid.getAttribute('role'), 'alert')
  assert.equal(await rows().count(), 0)
  // Nothing of the previous list stays (no "40 logs neste filtro").
  assert.equal(
    await page.getByTestId('matching').textContent(),
    pt('bulk.all.none')
  )
  assert.equal(await page.getByTestId('bulk-remove-all').isDisabled(), true)
  assert.match(page.url(), /q=%3Cscript%3E/)
  await page.screenshot({ path: path.join(OUT, 'invalid-search.png') })

  await invalid.getByRole('button', { name: pt('empty.clearFilters') }).click()
  await rows().first().waitFor()
})

test('an empty period says "nothing in this period"', async () => {
  await page.getByTestId('filter-from').fill('01/01/2020')
  await page.getByTestId('filter-to').fill('02/01/2020')
  await page.getByTestId('filter-to').press('Enter')
  const empty = page.getByTestId('logs-empty')

  await empty.waitFor()
  assert.match(await empty.textContent(), new RegExp(pt('empty.period.title')))
  assert.match(page.url(), /from=2020-01-01&to=2020-01-02/)
  await page.goto(`${app.url}?tab=inventory`)
  await rows().first().waitFor()
})

test('filters and the open log survive a reload, a copied link and the back button', async () => {
  await page.goto(`${app.url}?tab=inventory`)
  await rows().first().waitFor()
  await page.getByTestId('filter-status').selectOption('ERROR')
  await page.waitForURL(/status=error/)
  await page.waitForFunction(() =>
    [...document.querySelectorAll('tr[data-log-id*=":"]')].every(
      (tr) => tr.dataset.status === 'ERROR'
    )
  )
  const id = await rows().first().getAttribute('data-log-id')

  await rows().first().getByTestId('open-log').click()
  await page.getByTestId('log-detail').waitFor()
  await page.waitForURL(/log=/)
  const url = page.url()

  assert.match(url, /tab=inventory/)
  assert.match(url, /status=error/)
  assert.ok(new URL(url).searchParams.get('log') === id)

  const check = async (p) => {
    await p.getByTestId('log-detail').waitFor()
    assert.match(
      await p.getByTestId('log-detail').textContent(),
      new RegExp(id.split(':')[2])
    )
    assert.equal(await p.getByTestId('filter-status').inputValue(), 'ERROR')
    // (The dialog hides the page from the accessibility tree: read the DOM.)
    assert.equal(
      await p.locator('[role=tab][aria-selected="true"]').textContent(),
      'Estoque'
    )
  }

  await page.reload()
  await check(page)

  // A copied link, in another tab.
  const other = await session.browser.newPage()

  await other.goto(url)
  await check(other)
  await other.close()

  // Back closes the log and keeps the filter; back again drops the filter.
  await page.goBack()
  await page.getByTestId('log-detail').waitFor({ state: 'detached' })
  assert.equal(await page.getByTestId('filter-status').inputValue(), 'ERROR')
  await page.goBack()
  await page.waitForFunction(
    () => !new URL(window.location.href).searchParams.get('status')
  )
  assert.equal(await page.getByTestId('filter-status').inputValue(), 'ALL')
})

test('removals ask first, naming the action and how many logs', async () => {
  await page.goto(`${app.url}?tab=products`)
  await rows().nth(2).waitFor()
  const ids = await rows().evaluateAll((trs) =>
    trs.slice(0, 2).map((tr) => tr.dataset.logId)
  )

  for (const id of ids)
    await page.getByRole('checkbox', { name: `Selecionar log ${id}` }).check()
  await page.getByTestId('bulk-remove-selected').click()
  const confirm = page.getByTestId('confirm-dialog')

  await confirm.waitFor()
  assert.match(await confirm.textContent(), /Remover 2 logs selecionados\?/)
  await page.screenshot({ path: path.join(OUT, 'confirmation.png') })
  await page.getByTestId('confirm-cancel').click()
  await confirm.waitFor({ state: 'hidden' })
  // Cancelled: nothing was removed.
  for (const id of ids)
    assert.equal(await page.locator(`tr[data-log-id="${id}"]`).count(), 1)

  await page.getByTestId('bulk-clear').click()
  await page.getByTestId('bulk-remove-all').click()
  await confirm.waitFor()
  assert.match(await confirm.textContent(), /Remover 40 logs de Produtos\?/)
  await page.getByTestId('confirm-cancel').click()
  await confirm.waitFor({ state: 'hidden' })

  // A single removal asks too, and removes when confirmed.
  await page.getByTestId(`actions-${ids[0]}`).click()
  await page.getByRole('menuitem', { name: 'Remover Log' }).click()
  await confirm.waitFor()
  await page.getByTestId('confirm-ok').click()
  await page
    .locator(`tr[data-log-id="${ids[0]}"]`)
    .waitFor({ state: 'detached' })
  assert.equal(await page.locator(`tr[data-log-id="${ids[1]}"]`).count(), 1)
})

test('a marketplace that is down: the retries show in the table and the detail', async () => {
  await app.control('sandbox', { marketplace: 'amazon', mode: 'down' })
  await app.control('vtex/stock', { skuId: '1078', quantity: 41 })
  await page.goto(`${app.url}?tab=inventory&q=1078`)
  const row = page.locator('tr[data-log-id="INVENTORY:amazon:1078"]')

  await row.locator('[data-retrying]').waitFor({ timeout: 20_000 })
  assert.equal(await row.getAttribute('data-status'), 'QUEUED')
  assert.match(await row.textContent(), /Tentando de novo \(\d+\/10\)/)
  await row.getByTestId('open-log').click()
  const notice = page.getByTestId('retry-notice')

  await notice.waitFor()
  assert.match(
    await notice.textContent(),
    /Tentando novamente: tentativa \d+ de 10, próxima em \d+ s/
  )
  assert.match(
    await notice.textContent(),
    /Última falha: Amazon answered HTTP 503/
  )
  await page.screenshot({ path: path.join(OUT, 'retrying.png') })

  // Back up: the next retry delivers it and the state goes away.
  await app.control('sandbox', { marketplace: 'amazon', mode: 'ok' })
  await page
    .getByTestId('log-detail')
    .locator('[data-status=SUCCESS]')
    .first()
    .waitFor({ timeout: 40_000 })
  assert.equal(await notice.count(), 0)
  assert.deepEqual(pageErrors, [])
})
