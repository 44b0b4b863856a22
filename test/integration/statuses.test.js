'use strict'

/**
 * PENDING and ALERT through the real worker, its GraphQL and routes (issue
 * 12.3): the local runtime's seed with Mercado Livre alerts and Amazon
 * submissions pending. Counts per status, the status filter, the detail in
 * VTEX's vocabulary (content source, translated, destination, business
 * message, the alert's action, the pending follow-up), alert groups apart
 * from error groups, Reprocessar refused for both (NOT_REPROCESSABLE,
 * nothing changed), the CSV route and the background export naming them in
 * the admin's language.
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp, eventually } = require('../helpers')

let app

test.before(async () => {
  app = await startApp({ perTab: 20, eventDelayMs: 20, seedStatuses: true })
})

test.after(async () => {
  await app.stop()
})

const ok = (r) => {
  assert.equal(r.errors, undefined, JSON.stringify(r.errors))

  return r.data
}

const OVERVIEW = `query($tab: Tab!) { integrationOverview(tab: $tab) { total byStatus { success error pending alert queued } } }`
const LIST = `query($tab: Tab!, $status: LogStatus, $cause: String) { integrationLogs(tab: $tab, status: $status, cause: $cause, first: 50) { data { id status message } pageInfo { total } } }`
const DETAIL = `query($id: ID!) { integrationLog(id: $id) { id status payload businessMessage alert { action } pending { since nextCheckAt checks giveUpAt } origin { request { method url body } response { status body } } history { status trigger } } }`

test('counts, filter and detail of ALERT and PENDING logs', async () => {
  const products = ok(
    await app.gql(OVERVIEW, { tab: 'PRODUCTS' })
  ).integrationOverview

  assert.equal(products.byStatus.alert, 4)
  assert.equal(
    products.total,
    Object.values(products.byStatus).reduce((a, b) => a + b, 0)
  )
  const inventory = ok(
    await app.gql(OVERVIEW, { tab: 'INVENTORY' })
  ).integrationOverview

  assert.equal(inventory.byStatus.pending, 3)
  assert.equal(inventory.byStatus.alert, 3)

  const alerts = ok(
    await app.gql(LIST, { tab: 'PRODUCTS', status: 'ALERT' })
  ).integrationLogs

  assert.equal(alerts.pageInfo.total, 4)
  assert.ok(alerts.data.every((l) => l.status === 'ALERT'))

  const paused = ok(
    await app.gql(DETAIL, { id: 'PRODUCTS:mercadolivre:1000' })
  ).integrationLog

  assert.equal(paused.status, 'ALERT')
  assert.deepEqual(paused.alert, { action: 'LISTING_PAUSED' })
  assert.equal(paused.pending, null)
  assert.match(paused.businessMessage, /status paused/)
  assert.equal(paused.origin.request.method, 'PUT')
  assert.match(paused.origin.response.body, /"paused"/)
  assert.match(paused.payload, /"skuId": "1000"/)

  const pending = ok(
    await app.gql(DETAIL, { id: 'INVENTORY:amazon:1012' })
  ).integrationLog

  assert.equal(pending.status, 'PENDING')
  assert.equal(pending.alert, null)
  assert.equal(pending.pending.checks, 0)
  assert.equal(
    Date.parse(pending.pending.giveUpAt) - Date.parse(pending.pending.since),
    24 * 3600_000
  )
  assert.equal(pending.businessMessage, 'ACCEPTED')
  assert.equal(pending.history[0].status, 'PENDING')
})

test('alerts are grouped by cause apart from errors; a group lists only its alerts', async () => {
  const page = ok(
    await app.gql(
      `query { errorGroupPage(tab: PRODUCTS, first: 100) { data { cause text count status } } }`
    )
  ).errorGroupPage

  const paused = page.data.find(
    (g) => g.status === 'ALERT' && /LISTING_PAUSED/.test(g.text)
  )

  assert.ok(paused, JSON.stringify(page.data))
  assert.equal(paused.count, 3)
  assert.ok(page.data.some((g) => g.status === 'ERROR'))
  const listed = ok(
    await app.gql(LIST, { tab: 'PRODUCTS', cause: paused.cause })
  ).integrationLogs

  assert.equal(listed.data.length, 3)
  assert.equal(listed.pageInfo.total, 3)
  assert.ok(listed.data.every((l) => l.status === 'ALERT'))
  assert.equal(
    ok(
      await app.gql(LIST, {
        tab: 'PRODUCTS',
        cause: paused.cause,
        status: 'ERROR',
      })
    ).integrationLogs.pageInfo.total,
    0
  )
})

test('Reprocessar is refused for an alert and a pending log (NOT_REPROCESSABLE), nothing changes', async () => {
  const ids = ['PRODUCTS:mercadolivre:1000', 'INVENTORY:amazon:1012']

  for (const id of ids) {
    const r = await app.gql(
      `mutation($ids: [ID!]!) { reprocessLogs(ids: $ids) { id status } }`,
      { ids: [id] }
    )

    assert.equal(r.errors[0].extensions.reason, 'NOT_REPROCESSABLE', id)
    assert.equal(r.errors[0].extensions.code, 'BAD_USER_INPUT')
  }

  assert.equal(
    ok(await app.gql(DETAIL, { id: ids[0] })).integrationLog.status,
    'ALERT'
  )
  assert.equal(
    ok(await app.gql(DETAIL, { id: ids[1] })).integrationLog.status,
    'PENDING'
  )
})

test('the CSV route and the background export name them in the admin language', async () => {
  const res = await fetch(
    `${app.shellUrl}/_v/marketplace-bridge/logs.csv?tab=INVENTORY&status=PENDING&locale=pt-BR&timeZone=UTC`,
    { headers: { cookie: `VtexIdclientAutCookie=${app.session}` } }
  )

  assert.equal(res.status, 200)
  const rows = (await res.text()).trim().split('\r\n').slice(1)

  assert.equal(rows.length, 3)
  assert.ok(
    rows.every((r) => r.includes(',Pendente,')),
    rows.join('\n')
  )

  const EXPORT = `fragment E on CsvExport { id status rows downloadUrl }`
  const started = ok(
    await app.gql(
      `mutation($input: CsvExportInput!) { startCsvExport(input: $input) { ...E } } ${EXPORT}`,
      {
        input: {
          tab: 'PRODUCTS',
          filter: { status: 'ALERT' },
          locale: 'en-US',
          timeZone: 'UTC',
        },
      }
    )
  ).startCsvExport

  const done = await eventually(
    async () => {
      const e = ok(
        await app.gql(
          `query($id: ID!) { csvExport(id: $id) { ...E } } ${EXPORT}`,
          {
            id: started.id,
          }
        )
      ).csvExport

      return e.status === 'DONE' && e
    },
    { ms: 30_000, every: 100, what: 'the export' }
  )

  assert.equal(done.rows, 4)
  const file = await fetch(`${app.shellUrl}${done.downloadUrl}`, {
    headers: { cookie: `VtexIdclientAutCookie=${app.session}` },
  })

  const lines = (await file.text())
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n')

  assert.equal(lines.length, 5)
  assert.ok(
    lines.slice(1).every((l) => l.includes(',Alert,')),
    lines.join('\n')
  )
})
