'use strict'

/**
 * Tracking beyond Invoiced in Chromium: a partner's events show on the
 * order's timeline in the Tracking tab; the settings page saves (secrets stay
 * write-only) and a bad value is refused with nothing saved.
 */
const path = require('path')
const test = require('node:test')
const assert = require('node:assert/strict')

const { adminSession, SHOTS } = require('../browser')
const { PARTNER_TOKEN } = require('../../local/seed')

const session = adminSession(
  { perTab: 20, eventDelayMs: 50 },
  { width: 1400, height: 1100 }
)

const { pageErrors } = session
let app
let page

test.before(async () => {
  await session.ready
  ;({ app, page } = session)
})

test("opens an order's timeline: invoiced, handed to the carrier, delivered", async () => {
  const { orders } = await app.control('vtex')
  // An order sold on Mercado Livre: its news goes there only (docs/channels.md).
  const target = orders.find(
    (o) =>
      o.status !== 'invoiced' && o.status !== 'canceled' && o.soldOn === 'MLB'
  )

  await app.control('vtex/order', {
    orderId: target.id,
    status: 'invoiced',
    invoice: {
      invoiceNumber: 'NF-E2E',
      trackingNumber: 'TRKE2E',
      courier: 'Loggi',
      trackingUrl: null,
    },
  })
  await app.settle()
  const res = await fetch(
    `${app.shellUrl}/_v/marketplace-bridge/partner/tracking`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${PARTNER_TOKEN}`,
      },
      body: JSON.stringify({
        orderId: target.id,
        invoiceNumber: 'NF-E2E',
        events: [
          {
            status: 'handed-to-carrier',
            date: new Date(Date.now() + 60_000).toISOString(),
            city: 'Cajamar',
            state: 'SP',
            description: 'Coletado',
          },
          {
            status: 'delivered',
            date: new Date(Date.now() + 120_000).toISOString(),
            city: 'Campinas',
            state: 'SP',
            description: 'Entregue',
          },
        ],
      }),
    }
  )

  assert.equal(res.status, 200)
  await page.goto(`${app.url}?tab=tracking`)
  await page.locator('tr[data-log-id]').first().waitFor()
  const search = page.getByTestId('filter-search').getByRole('textbox')

  await search.fill(target.id)
  await search.press('Enter')
  const row = page.locator(
    `tr[data-log-id="TRACKING:mercadolivre:${target.id}"]`
  )

  await row.waitFor()
  await row.getByText(target.id).click()
  const timeline = page.getByTestId('timeline')

  await timeline.waitFor()
  const statuses = await page
    .getByTestId('timeline-entry')
    .evaluateAll((els) => els.map((e) => e.dataset.status))

  // (After what the seed recorded for the order before.)
  assert.deepEqual(statuses.slice(-3), [
    'invoiced',
    'handed-to-carrier',
    'delivered',
  ])
  assert.match(
    await timeline.textContent(),
    /Entregue à transportadora.*Parceiro/
  )
  await page.screenshot({ path: path.join(SHOTS, 'timeline.png') })
  await page.getByTestId('close-detail').click()
})

test('saves the settings; secrets stay write-only; a bad value saves nothing', async () => {
  await page.getByTestId('open-settings').click()
  await page.getByTestId('settings-form').waitFor()
  const hours = page.getByTestId('settings-carrier-hours')

  assert.equal(await hours.inputValue(), '6')
  // The partner token is set but never shown.
  assert.equal(
    await page.getByTestId('settings-partner-token').inputValue(),
    ''
  )
  assert.match(
    await page.getByTestId('settings-form').textContent(),
    /Salvo\. Deixe em branco para manter\./
  )

  await hours.fill('0')
  await page.getByTestId('settings-save').click()
  // Refused, translated, on the field itself; nothing saved (checked below).
  await page.getByText(/Nada foi salvo\. Há campos inválidos/).waitFor()
  assert.equal(await hours.getAttribute('aria-invalid'), 'true')
  await page.getByText('De 1 a 48.').waitFor()

  await hours.fill('4')
  await page.getByTestId('settings-save').click()
  await page.getByText('Configurações salvas').waitFor()
  await page.screenshot({ path: path.join(SHOTS, 'settings.png') })
  await page.reload()
  await page.getByTestId('settings-form').waitFor()
  assert.equal(
    await page.getByTestId('settings-carrier-hours').inputValue(),
    '4'
  )
  // The partner interface still works with the token kept.
  const r = await fetch(
    `${app.shellUrl}/_v/marketplace-bridge/partner/tracking`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${PARTNER_TOKEN}`,
      },
      body: JSON.stringify({ orderId: 'nope', invoiceNumber: 'x', events: [] }),
    }
  )

  assert.equal(r.status, 400)
  assert.deepEqual(pageErrors, [])
})
