'use strict'

/**
 * Drives the real @vtex/api worker over HTTP (through the admin shell's
 * GraphQL proxy) against the local platform emulator: VBase on disk, events,
 * @auth, sandbox marketplaces.
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp, eventually } = require('../helpers')

const LIST = `query($tab: Tab!, $status: LogStatus, $marketplace: String, $first: Int, $after: String) {
  integrationLogs(tab: $tab, status: $status, marketplace: $marketplace, first: $first, after: $after) {
    data { id status marketplace entityId processedAt message attempts }
    pageInfo { total endCursor hasNextPage }
  }
}`

const DETAIL = `query($id: ID!) { integrationLog(id: $id) {
  id status message attempts queuedAt payload
  origin { request { method url body } response { status body } }
  history { status trigger message }
} }`

const OVERVIEW = `query($tab: Tab!) { integrationOverview(tab: $tab) { total byStatus { success error queued } byMarketplace { marketplace total } } }`
const REPROCESS = `mutation($ids: [ID!]!) { reprocessLogs(ids: $ids) { id status queuedAt } }`
const REMOVE = `mutation($ids: [ID!]!) { removeLogs(ids: $ids) { removed notFound } }`

let app

test.before(async () => {
  app = await startApp()
})

test.after(async () => {
  await app.stop()
})

const list = async (vars) => {
  const r = await app.gql(LIST, vars)

  assert.equal(r.errors, undefined, JSON.stringify(r.errors))

  return r.data.integrationLogs
}

/** The log once its reprocess job has finished (it left QUEUED). */
const processed = (id) =>
  eventually(
    async () => {
      const { data } = await app.gql(DETAIL, { id })

      return data.integrationLog.status !== 'QUEUED' && data.integrationLog
    },
    { what: 'the reprocess job to finish' }
  )

/** An error log whose payload the sandbox accepts (a transient failure when it was seeded). */
async function transientError(tab) {
  const { data } = await list({ tab, status: 'ERROR', first: 100 })
  const log = data.find((l) =>
    /HTTP 503|HTTP 429|Could not reach/.test(l.message)
  )

  assert.ok(log, `the seed has a transient error in ${tab}`)

  return log
}

test('lists a tab newest first, with totals matching the overview', async () => {
  const page = await list({ tab: 'PRODUCTS', first: 100 })
  const times = page.data.map((l) => l.processedAt)

  assert.deepEqual(times, [...times].sort().reverse())
  const { data } = await app.gql(OVERVIEW, { tab: 'PRODUCTS' })
  const o = data.integrationOverview

  assert.equal(page.pageInfo.total, o.total)
  assert.equal(page.data.length, o.total)
  assert.equal(
    o.byStatus.success + o.byStatus.error + o.byStatus.queued,
    o.total
  )
})

test('filters by status and marketplace, and pages with cursors', async () => {
  const errors = await list({ tab: 'INVENTORY', status: 'ERROR', first: 100 })

  assert.ok(errors.data.length > 0)
  assert.ok(errors.data.every((l) => l.status === 'ERROR'))
  const amazon = await list({
    tab: 'INVENTORY',
    marketplace: 'amazon',
    first: 100,
  })

  assert.ok(amazon.data.every((l) => l.marketplace === 'amazon'))

  const all = await list({ tab: 'TRACKING', first: 100 })
  const seen = []
  let after = null

  do {
    const page = await list({ tab: 'TRACKING', first: 5, after })

    seen.push(...page.data.map((l) => l.id))
    after = page.pageInfo.endCursor
  } while (after)

  assert.deepEqual(
    seen,
    all.data.map((l) => l.id)
  )
})

test('shows the origin of an error: what was sent and what came back', async () => {
  const log = await transientError('PRODUCTS')
  const { data } = await app.gql(DETAIL, { id: log.id })
  const d = data.integrationLog

  assert.equal(d.status, 'ERROR')
  assert.equal(d.origin.request.method, 'PUT')
  assert.match(d.origin.request.url, /\.sandbox\.local\/api\/products\//)
  assert.ok(JSON.parse(d.origin.request.body).name)
  assert.equal(d.history[0].trigger, 'CHANGE')
})

test('reprocess: queued at once, done later by the event handler', async () => {
  const log = await transientError('INVENTORY')
  const r = await app.gql(REPROCESS, { ids: [log.id] })

  assert.equal(r.errors, undefined, JSON.stringify(r.errors))
  assert.equal(r.data.reprocessLogs[0].status, 'QUEUED')
  const done = await processed(log.id)

  assert.equal(done.status, 'SUCCESS')
  assert.equal(done.attempts, log.attempts + 1)
  assert.equal(done.history[0].trigger, 'REPROCESS')
  const accepted = await app.control('sandbox/accepted')

  assert.equal(
    accepted.filter((a) => a.kind === 'inventory' && a.id === log.entityId)
      .length,
    1
  )
})

test('reprocess may fail again: a marketplace that is down answers 503', async () => {
  const log = await transientError('TRACKING')

  await app.control('sandbox', { marketplace: log.marketplace, mode: 'down' })
  try {
    await app.gql(REPROCESS, { ids: [log.id] })
    const done = await processed(log.id)

    assert.equal(done.status, 'ERROR')
    assert.match(done.message, /HTTP 503/)
    assert.equal(done.origin.response.status, 503)
  } finally {
    await app.control('sandbox', { marketplace: log.marketplace, mode: 'ok' })
  }
})

test('an event delivered twice sends to the marketplace once', async () => {
  await app.control('events', { duplicate: true })
  try {
    const log = await transientError('PRODUCTS')
    const before = (await app.control('sandbox/accepted')).filter(
      (a) => a.id === log.entityId && a.kind === 'products'
    ).length

    await app.gql(REPROCESS, { ids: [log.id] })
    await eventually(
      async () => {
        const { data } = await app.gql(DETAIL, { id: log.id })

        return data.integrationLog.status === 'SUCCESS'
      },
      { what: 'the reprocess job to succeed' }
    )
    await new Promise((r) => setTimeout(r, 500)) // let the duplicate arrive and be ignored
    const after = (await app.control('sandbox/accepted')).filter(
      (a) => a.id === log.entityId && a.kind === 'products'
    ).length

    assert.equal(after - before, 1)
  } finally {
    await app.control('events', { duplicate: false })
  }
})

test('concurrent writers conflict on If-Match and lose nothing', async () => {
  const errors = (await list({ tab: 'INVENTORY', status: 'ERROR', first: 100 }))
    .data

  const [contested, ...others] = errors.slice(0, 5).map((l) => l.id)

  assert.equal(others.length, 4)
  const conflictsBefore = (await app.control('stats')).vbaseConflicts
  const sentBefore = (await app.control('stats')).events.sent
  const { data: before } = await app.gql(OVERVIEW, { tab: 'INVENTORY' })

  await app.control('events', { delayMs: 60000 }) // keep them queued while we count
  await app.control('vbase', { latencyMs: 30 }) // storage as slow as the real one: the writers overlap
  try {
    // Eight admins reprocess the same log at once, while four other logs are reprocessed too.
    const results = await Promise.all([
      ...Array.from({ length: 8 }, () =>
        app.gql(REPROCESS, { ids: [contested] })
      ),
      ...others.map((id) => app.gql(REPROCESS, { ids: [id] })),
    ])

    results.forEach((r) =>
      assert.equal(r.errors, undefined, JSON.stringify(r.errors))
    )
    assert.ok(results.every((r) => r.data.reprocessLogs[0].status === 'QUEUED'))
    const conflicts =
      (await app.control('stats')).vbaseConflicts - conflictsBefore

    assert.ok(
      conflicts > 0,
      'the eight writers of one log met If-Match conflicts'
    )
    // One job for the contested log (the others found it queued), one per other log.
    assert.equal((await app.control('stats')).events.sent - sentBefore, 5)
    const { data: afterData } = await app.gql(OVERVIEW, { tab: 'INVENTORY' })
    const a = afterData.integrationOverview.byStatus
    const b = before.integrationOverview.byStatus

    assert.equal(a.queued, b.queued + 5)
    assert.equal(a.error, b.error - 5)
    const contestedLog = (await app.gql(DETAIL, { id: contested })).data
      .integrationLog

    assert.equal(contestedLog.status, 'QUEUED')
    assert.equal(contestedLog.history.length, 1, 'queueing adds no attempt')
  } finally {
    await app.control('vbase', { latencyMs: 0 })
    await app.control('events', { delayMs: 100 })
  }
})

test('remove clears the log, its counts and its rows, and survives nothing else', async () => {
  const { data } = await list({ tab: 'PRODUCTS', status: 'SUCCESS', first: 1 })
  const { id } = data[0]
  const { data: before } = await app.gql(OVERVIEW, { tab: 'PRODUCTS' })
  const r = await app.gql(REMOVE, {
    ids: [id, 'PRODUCTS:amazon:does-not-exist'],
  })

  assert.deepEqual(r.data.removeLogs, {
    removed: [id],
    notFound: ['PRODUCTS:amazon:does-not-exist'],
  })
  assert.equal((await app.gql(DETAIL, { id })).data.integrationLog, null)
  const { data: after } = await app.gql(OVERVIEW, { tab: 'PRODUCTS' })

  assert.equal(
    after.integrationOverview.total,
    before.integrationOverview.total - 1
  )
  const all = await list({ tab: 'PRODUCTS', first: 100 })

  assert.ok(!all.data.some((l) => l.id === id))
})

test('refuses calls without a session, and users without the resource', async () => {
  const anonymous = await app.gql(
    OVERVIEW,
    { tab: 'PRODUCTS' },
    { session: null }
  )

  assert.equal(anonymous.data, null)
  assert.equal(anonymous.errors[0].extensions.code, 'UNAUTHENTICATED')
  const viewer = await app.gql(
    REMOVE,
    { ids: ['PRODUCTS:amazon:1000'] },
    { session: 'local-viewer-session' }
  )

  assert.equal(viewer.errors[0].extensions.code, 'FORBIDDEN')
  const forged = await app.gql(
    OVERVIEW,
    { tab: 'PRODUCTS' },
    { session: 'forged-token' }
  )

  assert.equal(forged.errors[0].extensions.code, 'UNAUTHENTICATED')
})

test('bad arguments get a clear error and change nothing', async () => {
  const { data: before } = await app.gql(OVERVIEW, { tab: 'INVENTORY' })
  const cases = [
    [LIST, { tab: 'INVENTORY', first: -1 }, /whole number from 1 to 100/],
    [LIST, { tab: 'INVENTORY', first: 1000000 }, /whole number from 1 to 100/],
    [LIST, { tab: 'INVENTORY', after: 'not-a-cursor' }, /Invalid cursor/],
    [
      LIST,
      { tab: 'INVENTORY', marketplace: 'Not A Marketplace' },
      /Invalid marketplace/,
    ],
    [DETAIL, { id: '../../etc/passwd' }, /Invalid log id/],
    [
      REMOVE,
      { ids: ['INVENTORY:amazon:1', 'nonsense'] },
      /Invalid log id "nonsense"/,
    ],
    [REMOVE, { ids: [] }, /from 1 to 100 log ids/],
  ]

  for (const [query, vars, message] of cases) {
    const r = await app.gql(query, vars)

    assert.ok(r.errors, `expected an error for ${JSON.stringify(vars)}`)
    assert.match(r.errors[0].message, message)
    // @vtex/api's UserInputError: HTTP-like status 400 and code BAD_USER_INPUT on the exception.
    assert.equal(r.errors[0].extensions.exception.code, 'BAD_USER_INPUT')
    assert.equal(r.errors[0].extensions.exception.status, 400)
    // The app's error contract: code, stable reason, fields (possibly empty).
    assert.equal(r.errors[0].extensions.code, 'BAD_USER_INPUT')
    assert.equal(typeof r.errors[0].extensions.reason, 'string')
    assert.ok(Array.isArray(r.errors[0].extensions.fields))
  }

  const success = (
    await list({ tab: 'INVENTORY', status: 'SUCCESS', first: 1 })
  ).data[0]

  const err = (await list({ tab: 'INVENTORY', status: 'ERROR', first: 1 }))
    .data[0]

  const r = await app.gql(REPROCESS, { ids: [err.id, success.id] })

  assert.match(r.errors[0].message, /only logs with errors can be reprocessed/)
  const { data: after } = await app.gql(OVERVIEW, { tab: 'INVENTORY' })

  assert.deepEqual(after, before)
})

test('data survives a restart', async () => {
  const { data: before } = await app.gql(OVERVIEW, { tab: 'TRACKING' })

  await app.stop()
  app = await startApp({ dataDir: app.dataDir })
  assert.equal(app.seeded, 0, 'a restart does not seed again')
  const { data: after } = await app.gql(OVERVIEW, { tab: 'TRACKING' })

  assert.deepEqual(after, before)
})
