'use strict'

/**
 * Issue 4's API through the real worker: filters, error groups, bulk actions
 * (validation, progress, idempotence) and the CSV route (auth, streaming).
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp, eventually } = require('../helpers')
const { settingsFor } = require('../../local/seed')

/**
 * The seed's clock, fixed: the same logs on every run (their times, relative
 * to it, decide which date-range prefixes they fall in). Retention is set to
 * its maximum so that maintenance never expires these past logs.
 */
const SEED_NOW = Date.parse('2026-11-20T15:00:00.000Z')

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
  app = await startApp({
    perTab: 60,
    eventDelayMs: 50,
    now: SEED_NOW,
    settings: {
      ...settingsFor(),
      successRetentionDays: 3650,
      errorRetentionDays: 3650,
    },
  })
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

  // An id of 3 characters or more finds the ids starting with it.
  assert.deepEqual(
    found.data.map((l) => l.id),
    all.data
      .filter((l) => l.entityId.startsWith(target.entityId))
      .map((l) => l.id)
  )
  assert.ok(found.data.some((l) => l.id === target.id))
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

  // The whole tab was on the first page; its abnormal logs are those flagged there.
  assert.equal(all.pageInfo.hasNextPage, false)
  assert.equal(all.data.length, overview.total)
  const flagged = all.data.filter((l) => l.abnormal).map((l) => l.id)

  assert.ok(flagged.length > 0, 'the seed flags some logs as abnormal')
  assert.deepEqual(
    abnormal.data.map((l) => l.id),
    flagged
  )
  assert.equal(overview.abnormal, flagged.length)
  assert.equal(abnormal.pageInfo.total, flagged.length)
})

/** Every page of a filter. */
async function walk(vars, first = 7) {
  const rows = []
  let after = null

  do {
    const page = await list({ ...vars, first, after })

    rows.push(...page.data)
    after = page.pageInfo.endCursor
  } while (after)

  return rows
}

const refusal = async (vars) => {
  const r = await app.gql(LIST, { first: 5, ...vars })

  assert.equal(r.data, null, JSON.stringify(r))
  const { code, reason, fields } = r.errors[0].extensions

  return { code, reason, fields }
}

test('a partial order id finds the logs whose id starts with it; calendar dates are whole days', async () => {
  const tracking = await walk({ tab: 'TRACKING' })
  const [order] = tracking.map((l) => l.entityId)
  const partial = order.slice(0, -4)
  const found = await walk({ tab: 'TRACKING', search: partial }, 2)

  assert.ok(found.length >= 1)
  assert.deepEqual(
    found.map((l) => l.id),
    tracking.filter((l) => l.entityId.startsWith(partial)).map((l) => l.id)
  )

  const day = tracking[0].processedAt.slice(0, 10)
  const onDay = await walk({ tab: 'TRACKING', from: day, to: day })

  assert.ok(onDay.length >= 1)
  assert.deepEqual(
    onDay.map((l) => l.id),
    tracking.filter((l) => l.processedAt.startsWith(day)).map((l) => l.id)
  )
})

test('invalid searches, dates and cursors are refused with their reason and field', async () => {
  const search = (code) => ({
    code: 'BAD_USER_INPUT',
    reason: 'INVALID_SEARCH',
    fields: [
      {
        field: 'search',
        code,
        ...(code === 'TOO_LONG' ? { params: { max: 64 } } : {}),
      },
    ],
  })

  for (const bad of ['<script>', "'; DROP", '📦', '1003/../..'])
    assert.deepEqual(
      await refusal({ tab: 'PRODUCTS', search: bad }),
      search('INVALID_FORMAT'),
      bad
    )
  assert.deepEqual(
    await refusal({ tab: 'PRODUCTS', search: 'x'.repeat(5000) }),
    search('TOO_LONG')
  )

  for (const [vars, fields] of [
    [{ from: '2025-02-30' }, [{ field: 'from', code: 'INVALID_DATE' }]],
    [{ from: '1' }, [{ field: 'from', code: 'INVALID_DATE' }]],
    [
      { to: '+275760-09-13T00:00:00.000Z', from: 'yesterday' },
      [
        { field: 'from', code: 'INVALID_DATE' },
        { field: 'to', code: 'INVALID_DATE' },
      ],
    ],
  ]) {
    assert.deepEqual(await refusal({ tab: 'PRODUCTS', ...vars }), {
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_DATE_RANGE',
      fields,
    })
  }

  const reversed = await refusal({
    tab: 'PRODUCTS',
    from: '2026-11-20',
    to: '2026-11-19',
  })

  assert.equal(reversed.reason, 'INVALID_DATE_RANGE')
  assert.deepEqual(
    reversed.fields.map((f) => [f.field, f.code]),
    [['from', 'OUT_OF_RANGE']]
  )

  const page = await list({ tab: 'PRODUCTS', first: 2 })
  const [payload, signature] = page.pageInfo.endCursor.split('.')
  const body = JSON.parse(Buffer.from(payload, 'base64url').toString())
  const edited = `${Buffer.from(
    JSON.stringify({ ...body, s: body.s.map((st) => ({ ...st, p: -1 })) })
  ).toString('base64url')}.${signature}`

  for (const [after, code] of [
    ['../../etc/passwd', 'INVALID_FORMAT'],
    ['-1', 'INVALID_FORMAT'],
    [edited, 'INVALID_FORMAT'],
    [page.pageInfo.endCursor, 'NOT_ALLOWED'],
  ]) {
    assert.deepEqual(
      await refusal({ tab: 'PRODUCTS', status: 'ERROR', after }),
      {
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_CURSOR',
        fields: [{ field: 'after', code }],
      },
      after
    )
  }
})

test('eight parallel removals and reprocesses of one log: one removal, the counts fall by one and agree with the rows', async () => {
  const tab = 'INVENTORY'
  const [target] = (await list({ tab, status: 'ERROR', first: 1 })).data
  const before = ok(await app.gql(OVERVIEW, { tab })).integrationOverview
  const REMOVE = `mutation($ids: [ID!]!) { removeLogs(ids: $ids) { removed notFound } }`
  const REPROCESS = `mutation($ids: [ID!]!) { reprocessLogs(ids: $ids) { id status } }`
  const answers = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      app.gql(i % 2 ? REPROCESS : REMOVE, { ids: [target.id] })
    )
  )

  const removed = answers.flatMap((a) => a.data?.removeLogs?.removed ?? [])

  assert.deepEqual(removed, [target.id], JSON.stringify(answers))
  await app.settle()
  const after = ok(await app.gql(OVERVIEW, { tab })).integrationOverview

  assert.equal(after.total, before.total - 1)
  assert.equal(
    after.byStatus.error + after.byStatus.queued,
    before.byStatus.error + before.byStatus.queued - 1
  )
  for (const [status, counted] of Object.entries({
    SUCCESS: after.byStatus.success,
    ERROR: after.byStatus.error,
    QUEUED: after.byStatus.queued,
  })) {
    const rows = await walk({ tab, status }, 100)
    const page = await list({ tab, status, first: 1 })

    assert.equal(rows.length, counted, status)
    assert.equal(page.pageInfo.total, counted, status)
    assert.ok(!rows.some((l) => l.id === target.id))
  }
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
  fetch(`${app.shellUrl}/_v/marketplace-bridge/logs.csv?${query}`, {
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
