'use strict'

/**
 * The admin's power tools in Chromium against the local app: search by id,
 * a status filter, a click on an error group, a bulk reprocess of everything
 * the filter shows with its progress bar, and a CSV export of the filter in
 * the background (progress, download link, the file's content).
 */
const fs = require('fs')
const path = require('path')
const test = require('node:test')
const assert = require('node:assert/strict')

const { adminSession, SHOTS } = require('../browser')

const session = adminSession(
  { perTab: 60, eventDelayMs: 200 },
  { width: 1400, height: 1100 }
)

const { pageErrors } = session
let app
let page

test.before(async () => {
  await session.ready
  ;({ app, page } = session)
})

// Rows of logs (while loading, the table shows placeholder rows).
const rows = () => page.locator('tr[data-log-id*=":"]')
const statuses = () =>
  rows().evaluateAll((trs) => trs.map((tr) => tr.dataset.status))

test('searches by SKU: only that SKU is listed, then clears', async () => {
  await page.goto(`${app.url}?tab=inventory`)
  await rows().nth(3).waitFor()
  const id = await rows().nth(3).getAttribute('data-log-id')
  const sku = id.split(':')[2]

  const search = page.getByTestId('filter-search').getByRole('textbox')

  await search.fill(sku)
  await search.press('Enter')
  await page.waitForFunction(
    (s) =>
      [...document.querySelectorAll('tr[data-log-id]')].every((tr) =>
        tr.dataset.logId.endsWith(`:${s}`)
      ),
    sku
  )
  assert.ok((await rows().count()) >= 1)
  await search.fill('')
  await search.press('Enter')
  await page.waitForFunction(
    () => document.querySelectorAll('tr[data-log-id]').length === 20
  )
})

test('filters by status and by an error group', async () => {
  await page.getByTestId('filter-status').selectOption('ERROR')
  await page.waitForFunction(() =>
    [...document.querySelectorAll('tr[data-log-id]')].every(
      (tr) => tr.dataset.status === 'ERROR'
    )
  )
  assert.ok((await statuses()).length > 0)

  const group = page.getByTestId('error-group').first()
  const cause = await group.getAttribute('data-cause')

  await group.click()
  await page.getByTestId('cause-filter').waitFor()
  await page.waitForFunction(
    (c) =>
      document
        .querySelector(`[data-cause="${c}"]`)
        ?.getAttribute('aria-pressed') === 'true',
    cause
  )
  assert.ok((await rows().count()) >= 1)
  assert.ok((await statuses()).every((s) => s === 'ERROR'))
  await page.screenshot({ path: path.join(SHOTS, 'power-tools-filtered.png') })
})

test('exports what the filter shows as CSV in the background: progress, then the file', async () => {
  const shown = await rows().evaluateAll((trs) =>
    trs.map((tr) => tr.dataset.logId)
  )

  // Storage as slow as a busy VBase: the export runs long enough to watch.
  await app.control('vbase', { latencyMs: 300 })
  try {
    await page.getByTestId('export-csv').click()
    const bar = page.locator(
      '[data-testid=csv-export][data-status=RUNNING] [role=progressbar]'
    )

    await bar.waitFor()
    assert.match(
      await bar.getAttribute('aria-label'),
      /^Progresso da exportação marketplace-bridge-inventory-.*\.csv$/
    )
    assert.match(
      await page.getByTestId('csv-status').first().textContent(),
      /^Exportando CSV: /
    )
    await page.screenshot({
      path: path.join(SHOTS, 'power-tools-csv-running.png'),
    })
  } finally {
    await app.control('vbase', { latencyMs: 0 })
  }

  const link = page.locator(
    '[data-testid=csv-export][data-status=DONE] [data-testid=csv-download]'
  )

  await link.first().waitFor({ timeout: 30_000 })
  assert.match(
    await page.getByTestId('csv-status').first().textContent(),
    new RegExp(`^CSV pronto: ${shown.length} linhas?$`)
  )
  await page.screenshot({ path: path.join(SHOTS, 'power-tools-csv-ready.png') })
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    link.first().click(),
  ])

  assert.match(
    download.suggestedFilename(),
    /^marketplace-bridge-inventory-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/
  )
  const text = fs
    .readFileSync(await download.path(), 'utf8')
    .replace(/^\ufeff/, '')

  const lines = text.trim().split('\r\n')
  const zone = await page.evaluate(
    () => Intl.DateTimeFormat().resolvedOptions().timeZone
  )

  // In the admin's language, times in its time zone (named in the header).
  assert.equal(
    lines[0],
    `ID do log,Marketplace,SKU,Status,Processado em (${zone}),Tentativas,Latência anormal,Latência (ms),Mensagem`
  )
  const ids = lines.slice(1).map((l) => l.split(',')[0])

  // The same logs as the (single-page) filtered table, nothing else.
  assert.deepEqual([...ids].sort(), [...shown].sort())
  assert.ok(lines.slice(1).every((l) => l.split(',')[3] === 'Erro'))
  assert.ok(
    lines
      .slice(1)
      .every((l) => /,"\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}:\d{2}",/.test(l))
  )
  // The export stays listed with its link after a reload, until it expires.
  await page.reload()
  await link.first().waitFor()
})

test('reprocesses everything the filter shows as a bulk action with a progress bar', async () => {
  // All errors of the tab, not only the group.
  await page.getByRole('button', { name: 'Limpar filtro de causa' }).click()
  await page.waitForFunction(
    () => !document.querySelector('[data-testid=cause-filter]')
  )
  const errors = Number(
    (
      await page.locator('[data-overview=error] [data-value]').textContent()
    ).trim()
  )

  assert.ok(errors > 0)
  await page.getByTestId('bulk-reprocess-all').click()
  // It asks first, with the count and the tab.
  const confirm = page.getByTestId('confirm-dialog')

  await confirm.waitFor()
  assert.match(
    await confirm.textContent(),
    new RegExp(`Reprocessar ${errors} logs com erro em Estoque\\?`)
  )
  await page.getByTestId('confirm-ok').click()
  const progress = page.getByTestId('bulk-progress')

  await progress.waitFor()
  await page.screenshot({ path: path.join(SHOTS, 'power-tools-bulk.png') })
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid=bulk-progress]')?.dataset.status ===
      'DONE',
    null,
    { timeout: 60_000 }
  )
  assert.equal(
    await page.getByRole('progressbar').getAttribute('aria-valuenow'),
    '100'
  )
  assert.match(
    await page.getByTestId('bulk-counts').textContent(),
    new RegExp(`^${errors} de ${errors} \\(100%\\) · ${errors} feitos`)
  )
  // The progress survives a reload (it is read back from the service).
  await page.reload()
  await page.getByTestId('bulk-progress').waitFor()
  assert.equal(
    await page.getByTestId('bulk-progress').getAttribute('data-status'),
    'DONE'
  )
  assert.deepEqual(pageErrors, [])
})
