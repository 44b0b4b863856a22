'use strict'

/**
 * Issue 4's API through the real worker: filters, error groups, bulk actions
 * (validation, progress, idempotence) and the CSV route (auth, streaming).
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp, eventually } = require('../helpers')

const LIST = `query($tab: Tab!, $status: LogStatus, $search: String, $from: String, $to: String, $abnormalOnly: Boolean, $cause: String, $first: Int, $after: String) {
  integrationLogs(tab: $tab, status: $status, search: $search, from: $from, to: $to, abnormalOnly: $abnormalOnly, cause: $cause, first: $first, after: $after) {
    data { id status entityId processedAt abnormal message }
    pageInfo { total endCursor hasNextPage }
  }
}`
const GROUPS = `query($tab: Tab!) { errorGroups(tab: $tab) { cause text count } }`
const START = `mutation($input: BulkActionInput!) { startBulkAction(input: $input) { id status total processed progress } }`
const BULK = `query($id: ID!) { bulkAction(id: $id) { id status total processed succeeded skipped failed progress } }`
const OVERVIEW = `query($tab: Tab!) { integrationOverview(tab: $tab) { total abnormal byStatus { success error queued } } }`

let app

test.before(async () => {
  app = await startApp({ perTab: 60, eventDelayMs: 50 })
})

test.after(async () => {
  await app.stop()
})

const ok = (r) => {
  assert.equal(r.errors, undefined, JSON.stringify(r.errors))

  return r.data
}

const list = async (vars) =>
  ok(await app.gql(LIST, { first: 100, ...vars })).integrationLogs

test('search, date range and abnormal-only filters', async () => {
  const all = await list({ tab: 'INVENTORY' })
  const target = all.data[5]
  const found = await list({ tab: 'INVENTORY', search: target.entityId })

  assert.ok(found.data.length >= 1)
  assert.ok(found.data.every((l) => l.entityId === target.entityId))
  assert.equal(found.pageInfo.total, null)

  const times = all.data
    .map((l) => Date.parse(l.processedAt))
    .sort((a, b) => a - b)
  const from = new Date(times[10]).toISOString()
  const to = new Date(times[40]).toISOString()
  const ranged = await list({ tab: 'INVENTORY', from, to })
  const expected = all.data.filter(
    (l) => l.processedAt >= from && l.processedAt <= to
  )

  assert.deepEqual(
    ranged.data.map((l) => l.id),
    expected.map((l) => l.id)
  )

  const abnormal = await list({ tab: 'INVENTORY', abnormalOnly: true })
  const overview = ok(
    await app.gql(OVERVIEW, { tab: 'INVENTORY' })
  ).integrationOverview

  assert.ok(abnormal.data.every((l) => l.abnormal))
  assert.equal(abnormal.data.length, overview.abnormal)
  assert.equal(abnormal.pageInfo.total, overview.abnormal)
})

test('errors grouped by cause add up to the errors, and a cause is a filter', async () => {
  const groups = ok(await app.gql(GROUPS, { tab: 'PRODUCTS' })).errorGroups
  const overview = ok(
    await app.gql(OVERVIEW, { tab: 'PRODUCTS' })
  ).integrationOverview

  assert.equal(
    groups.reduce((n, g) => n + g.count, 0),
    overview.byStatus.error
  )
  const [top] = groups
  const rows = await list({ tab: 'PRODUCTS', cause: top.cause })

  assert.equal(rows.data.length, top.count)
  assert.equal(rows.pageInfo.total, top.count)
  assert.ok(rows.data.every((l) => l.status === 'ERROR'))
})

test('bad bulk input is refused and starts nothing', async () => {
  for (const input of [
    { tab: 'PRODUCTS', action: 'REMOVE' },
    {
      tab: 'PRODUCTS',
      action: 'REMOVE',
      ids: ['PRODUCTS:amazon:1'],
      filter: {},
    },
    { tab: 'PRODUCTS', action: 'REMOVE', ids: ['INVENTORY:amazon:1'] },
    { tab: 'PRODUCTS', action: 'REMOVE', filter: { from: 'yesterday' } },
  ]) {
    const r = await app.gql(START, { input })

    assert.equal(
      r.errors?.[0]?.extensions?.exception?.code,
      'BAD_USER_INPUT',
      JSON.stringify(r)
    )
  }

  const r = await app.gql(`query { bulkActions(tab: PRODUCTS) { id } }`)

  assert.deepEqual(ok(r).bulkActions, [])
})

test('a bulk removal of everything a filter shows reaches 100 % and the counts follow', async () => {
  const before = ok(
    await app.gql(OVERVIEW, { tab: 'TRACKING' })
  ).integrationOverview
  const started = ok(
    await app.gql(START, {
      input: {
        tab: 'TRACKING',
        action: 'REMOVE',
        filter: { status: 'SUCCESS' },
      },
    })
  ).startBulkAction

  assert.equal(started.total, before.byStatus.success)
  const done = await eventually(
    async () => {
      const a = ok(await app.gql(BULK, { id: started.id })).bulkAction

      return a.status === 'DONE' && a
    },
    { ms: 30_000, what: 'the bulk removal to finish' }
  )

  assert.equal(done.progress, 1)
  assert.equal(done.succeeded, before.byStatus.success)
  const after = ok(
    await app.gql(OVERVIEW, { tab: 'TRACKING' })
  ).integrationOverview

  assert.equal(after.byStatus.success, 0)
  assert.equal(after.total, before.total - before.byStatus.success)
  assert.equal(
    (await list({ tab: 'TRACKING', status: 'SUCCESS' })).data.length,
    0
  )
})

const csv = (query, session = app.session) =>
  fetch(`${app.shellUrl}/_v/private/marketplace-bridge/logs.csv?${query}`, {
    headers: session ? { cookie: `VtexIdclientAutCookie=${session}` } : {},
  })

test('CSV export: refused without a session or the resource, bad filters get a 400', async () => {
  assert.equal((await csv('tab=PRODUCTS', null)).status, 401)
  assert.equal((await csv('tab=PRODUCTS', 'local-viewer-session')).status, 403)
  const bad = await csv('tab=PRODUCTS&from=yesterday')

  assert.equal(bad.status, 400)
  const { error } = await bad.json()

  assert.equal(error.code, 'BAD_USER_INPUT')
  assert.match(error.message, /Invalid from/)
})

test('CSV export streams exactly what the filter shows', async () => {
  const rows = await list({ tab: 'INVENTORY', status: 'ERROR' })
  const res = await csv('tab=INVENTORY&status=ERROR')

  assert.equal(res.status, 200)
  assert.match(res.headers.get('content-type'), /text\/csv/)
  assert.match(
    res.headers.get('content-disposition'),
    /attachment; filename="marketplace-bridge-inventory-/
  )
  const lines = (await res.text())
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n')

  assert.equal(lines.length, rows.data.length + 1)
  assert.deepEqual(
    lines.slice(1).map((l) => l.split(',')[0]),
    rows.data.map((l) => l.id)
  )
})
