'use strict'

/**
 * The background CSV export through the real worker, the emulator's events
 * bus, its VBase and the IO router: a filter of 11,000+ logs exported in
 * chunks with its progress, the file equal to the filter's rows in the
 * admin's language; duplicated chunk events change nothing; a lost one is
 * sent again by the schedule's maintenance pass; the download route's
 * refusals (401, 403, 404, 409) and bad input in the error contract,
 * nothing written; expiry after 24 h on the schedules' clock.
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp, eventually } = require('../helpers')
const { logStoreOn } = require('../../local/seed')
const { appName } = require('../../local/paths')
const { runtime } = require('../../scripts/bench-app')

const EXTRA = 11_000
const EXPORT = `fragment E on CsvExport { id tab status total rows progress chunks truncated fileName downloadUrl lastError expiresAt }`
const START = `mutation($input: CsvExportInput!) { startCsvExport(input: $input) { ...E } } ${EXPORT}`
const GET = `query($id: ID!) { csvExport(id: $id) { ...E } } ${EXPORT}`
const LIST = `query($tab: Tab!) { csvExports(tab: $tab) { ...E } } ${EXPORT}`
const CANCEL = `mutation($id: ID!) { cancelCsvExport(id: $id) { ...E } } ${EXPORT}`
const PT = { locale: 'pt-BR', timeZone: 'America/Sao_Paulo' }

let app

test.before(async () => {
  app = await startApp({ perTab: 20, eventDelayMs: 20 })
  const { recordOutcome } = require(`${runtime}/domain/log`)
  const now = Date.now()
  const logs = Array.from({ length: EXTRA }, (_, i) => {
    const at = new Date(now - (i + 1) * 7000).toISOString()
    const status = i % 3 === 0 ? 'ERROR' : 'SUCCESS'

    return {
      ...recordOutcome(
        null,
        {
          tab: 'INVENTORY',
          marketplace: ['amazon', 'magalu', 'mercadolivre'][i % 3],
          entityId: String(500000 + i),
        },
        { quantity: i % 9 },
        {
          status,
          message:
            status === 'ERROR'
              ? `Preço "inválido", linha ${i}\n=SUM(1+1)`
              : 'Stock sent',
          origin: null,
          at,
          trigger: 'CHANGE',
        }
      ),
      updatedAt: at,
    }
  })

  await logStoreOn(app.emulator, {
    account: app.account,
    workspace: app.workspace,
    appName,
  }).importLogs('INVENTORY', logs, 1000)
})

test.after(async () => {
  await app.stop()
})

const ok = (r) => {
  assert.equal(r.errors, undefined, JSON.stringify(r.errors))

  return r.data
}

const start = async (input) =>
  ok(await app.gql(START, { input })).startCsvExport

const get = async (id) => ok(await app.gql(GET, { id })).csvExport

const download = (path, session = app.session) =>
  fetch(`${app.shellUrl}${path}`, {
    headers: {
      'accept-encoding': 'gzip',
      ...(session ? { cookie: `VtexIdclientAutCookie=${session}` } : {}),
    },
  })

const until = (id, status, ms = 60_000) =>
  eventually(
    async () => {
      const e = await get(id)

      return e?.status === status && e
    },
    { ms, every: 100, what: `export ${id} ${status}` }
  )

/** Every row the filter shows, newest first, through the logs query. */
async function listed(vars) {
  const ids = []
  let after = null

  do {
    const page = ok(
      await app.gql(
        `query($tab: Tab!, $status: LogStatus, $after: String) { integrationLogs(tab: $tab, status: $status, first: 100, after: $after) { data { id status } pageInfo { endCursor total } } }`,
        { ...vars, after }
      )
    ).integrationLogs

    ids.push(...page.data.map((r) => r.id))
    after = page.pageInfo.endCursor
  } while (after)

  return ids
}

const lines = (text) =>
  text
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .slice(0, -1)

/** Splits one CSV line (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function records(text) {
  const out = []
  let row = []
  let field = ''
  let quoted = false
  const body = text.replace(/^\ufeff/, '')

  for (let i = 0; i < body.length; i++) {
    const c = body[i]

    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field)
      out.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }

  return out
}

const exportFiles = (id) =>
  [
    ...app.emulator.vbase
      .bucket(`${app.account}/${app.workspace}/${appName}/logs`)
      .keys(),
  ].filter((p) => p.includes(id))

test('11,000+ logs exported in chunks with progress; the file is exactly the filter, in the admin’s language', async () => {
  const expected = await listed({ tab: 'INVENTORY' })

  assert.ok(expected.length > EXTRA)
  // Storage as slow as a busy VBase: progress between chunks can be seen.
  await app.control('vbase', { latencyMs: 10 })
  let exp

  try {
    exp = await start({ tab: 'INVENTORY', filter: {}, ...PT })
    assert.equal(exp.status, 'RUNNING')
    assert.equal(exp.total, expected.length)
    assert.equal(exp.downloadUrl, null)
    const seen = new Set()

    await eventually(
      async () => {
        const e = await get(exp.id)

        seen.add(e.rows)

        return e.status === 'DONE'
      },
      { ms: 120_000, every: 100, what: 'the export to finish' }
    )
    assert.ok(
      [...seen].some((r) => r > 0 && r < expected.length),
      `progress between chunks: ${[...seen]}`
    )
  } finally {
    await app.control('vbase', { latencyMs: 0 })
  }

  const done = await get(exp.id)

  assert.equal(done.rows, expected.length)
  assert.equal(done.progress, 1)
  assert.ok(done.chunks >= Math.ceil(expected.length / 5000))
  assert.equal(done.downloadUrl, `/_v/marketplace-bridge/exports/${exp.id}`)
  assert.match(
    done.fileName,
    /^marketplace-bridge-inventory-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/
  )
  const res = await download(done.downloadUrl)

  assert.equal(res.status, 200)
  assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8')
  assert.equal(res.headers.get('content-encoding'), 'gzip')
  assert.equal(
    res.headers.get('content-disposition'),
    `attachment; filename="${done.fileName}"`
  )
  const text = await res.text()
  const rows = records(text)

  assert.deepEqual(rows[0], [
    'ID do log',
    'Marketplace',
    'SKU',
    'Status',
    'Processado em (America/Sao_Paulo)',
    'Tentativas',
    'Latência anormal',
    'Latência (ms)',
    'Mensagem',
  ])
  // Every row of the filter once, in the list's order (newest first).
  assert.deepEqual(
    rows.slice(1).map((r) => r[0]),
    expected
  )
  assert.ok(rows.slice(1).every((r) => r.length === 9))
  assert.ok(rows.slice(1).every((r) => ['Sucesso', 'Erro'].includes(r[3])))
  assert.ok(
    rows
      .slice(1)
      .every((r) => /^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}$/.test(r[4]))
  )
  // Commas, quotes, line breaks and formulas survive as text.
  const tricky = rows.find((r) => r[8].startsWith('Preço'))

  assert.match(tricky[8], /^Preço "inválido", linha \d+\n=SUM\(1\+1\)$/)
  // Listed with its link among the tab's latest exports.
  const list = ok(await app.gql(LIST, { tab: 'INVENTORY' })).csvExports

  assert.equal(list[0].id, exp.id)
  assert.deepEqual(ok(await app.gql(LIST, { tab: 'TRACKING' })).csvExports, [])
})

test('every chunk event delivered twice: the same file, each row once', async () => {
  const expected = await listed({ tab: 'INVENTORY', status: 'ERROR' })

  await app.control('events', { duplicate: true })
  let exp

  try {
    exp = await start({
      tab: 'INVENTORY',
      filter: { status: 'ERROR' },
      locale: 'en-US',
      timeZone: 'UTC',
    })
    await until(exp.id, 'DONE')
    await app.settle()
  } finally {
    await app.control('events', { duplicate: false })
  }

  const delivered = app.emulator.events.outcomes.filter(
    (o) => o.handlerId === 'runCsvExport'
  )

  assert.ok(delivered.length >= 2 * Math.ceil(expected.length / 5000))
  const text = await (
    await download(`/_v/marketplace-bridge/exports/${exp.id}`)
  ).text()

  const ids = lines(text)
    .slice(1)
    .map((l) => l.slice(0, l.indexOf(',')))

  assert.match(
    lines(text)[0],
    /^Log ID,Marketplace,SKU,Status,Processed at \(UTC\)/
  )
  assert.equal(new Set(ids).size, ids.length)
  assert.deepEqual(
    records(text)
      .slice(1)
      .map((r) => r[0]),
    expected
  )
})

test('a lost chunk event is sent again by the schedule’s maintenance pass', async () => {
  const { events } = app.emulator
  const publish = events.publish.bind(events)
  let dropped = 0

  // The bus loses the export's first chunk event.
  events.publish = (e) => {
    if (e.topic === 'marketplace-bridge.csv' && dropped === 0) {
      dropped++

      return 1
    }

    return publish(e)
  }

  let exp

  try {
    exp = await start({ tab: 'TRACKING', filter: {}, ...PT })
    await app.settle()
  } finally {
    events.publish = publish
  }

  assert.equal(dropped, 1)
  assert.equal((await get(exp.id)).status, 'RUNNING')
  assert.equal((await get(exp.id)).rows, 0)
  // Two minutes later on the schedules' clock, VTEX's scheduler calls the
  // maintenance route; it finds the export quiet and sends its event again.
  await app.control('clock', { advanceMs: 120_000 })
  const done = await until(exp.id, 'DONE')
  const expected = await listed({ tab: 'TRACKING' })

  assert.equal(done.rows, expected.length)
  const text = await (await download(done.downloadUrl)).text()

  assert.deepEqual(
    records(text)
      .slice(1)
      .map((r) => r[0]),
    expected
  )
  assert.match(lines(text)[0], /^ID do log,Marketplace,Pedido,/)
})

test('the download route: 401 and 403 before anything, 404 unknown, 409 while running or canceled', async () => {
  const [exp] = ok(await app.gql(LIST, { tab: 'TRACKING' })).csvExports
  const path = `/_v/marketplace-bridge/exports/${exp.id}`
  const refusal = async (res, status, code, reason) => {
    assert.equal(res.status, status)
    const { error } = await res.json()

    assert.equal(error.code, code)
    assert.equal(error.reason, reason)
    assert.equal(typeof error.message, 'string')
    assert.deepEqual(error.fields, [])
  }

  await refusal(
    await download(path, null),
    401,
    'UNAUTHENTICATED',
    'UNAUTHENTICATED'
  )
  await refusal(
    await download(path, 'local-viewer-session'),
    403,
    'FORBIDDEN',
    'FORBIDDEN'
  )
  await refusal(
    await download('/_v/marketplace-bridge/exports/1234567890123-nothing'),
    404,
    'NOT_FOUND',
    'EXPORT_NOT_FOUND'
  )
  await refusal(
    await download('/_v/marketplace-bridge/exports/..%2F..%2Fsettings'),
    404,
    'NOT_FOUND',
    'EXPORT_NOT_FOUND'
  )

  // Slow storage: the export is still running when its file is asked for.
  await app.control('vbase', { latencyMs: 200 })
  let running

  try {
    running = await start({ tab: 'INVENTORY', filter: {}, ...PT })
    await refusal(
      await download(`/_v/marketplace-bridge/exports/${running.id}`),
      409,
      'CONFLICT',
      'EXPORT_RUNNING'
    )
    const canceled = ok(
      await app.gql(CANCEL, { id: running.id })
    ).cancelCsvExport

    assert.equal(canceled.status, 'CANCELED')
  } finally {
    await app.control('vbase', { latencyMs: 0 })
  }

  await app.settle()
  assert.equal((await get(running.id)).status, 'CANCELED')
  await refusal(
    await download(`/_v/marketplace-bridge/exports/${running.id}`),
    409,
    'CONFLICT',
    'EXPORT_NOT_READY'
  )
  const again = await app.gql(CANCEL, { id: running.id })

  assert.equal(again.errors[0].extensions.reason, 'EXPORT_NOT_RUNNING')
})

test('bad input is refused in the error contract and writes nothing; the immediate CSV is bounded', async () => {
  const files = () =>
    [
      ...app.emulator.vbase
        .bucket(`${app.account}/${app.workspace}/${app.emulator.appName}/logs`)
        .keys(),
    ].filter((p) => /^v2\/export/.test(p))

  const before = files().sort()
  const { sent } = app.emulator.events
  const reason = async (input) => {
    const r = await app.gql(START, { input })

    assert.equal(r.data, null)

    return [r.errors[0].extensions.code, r.errors[0].extensions.reason]
  }

  assert.deepEqual(
    await reason({ tab: 'INVENTORY', filter: { from: 'yesterday' } }),
    ['BAD_USER_INPUT', 'INVALID_DATE_RANGE']
  )
  assert.deepEqual(
    await reason({ tab: 'INVENTORY', filter: { search: '<script>' } }),
    ['BAD_USER_INPUT', 'INVALID_SEARCH']
  )
  assert.deepEqual(
    await reason({ tab: 'INVENTORY', timeZone: 'Mars/Olympus' }),
    ['BAD_USER_INPUT', 'INVALID_CSV_FORMAT']
  )
  assert.deepEqual(await reason({ tab: 'INVENTORY', locale: 'pt_BR!' }), [
    'BAD_USER_INPUT',
    'INVALID_CSV_FORMAT',
  ])
  const badTab = await app.gql(START, { input: { tab: 'ORDERS' } })

  assert.equal(badTab.errors[0].extensions.code, 'BAD_USER_INPUT')
  const unknown = await app.gql(GET, { id: '1234567890123-nothing' })

  assert.equal(unknown.errors, undefined)
  assert.equal(unknown.data.csvExport, null)
  const viewer = await app.gql(
    START,
    { input: { tab: 'INVENTORY' } },
    { session: 'local-viewer-session' }
  )

  assert.equal(viewer.errors[0].extensions.code, 'FORBIDDEN')
  assert.deepEqual(files().sort(), before)
  assert.equal(app.emulator.events.sent, sent)

  // The immediate download stays for small filters; above 5,000 rows it
  // points to the background export.
  const big = await fetch(
    `${app.shellUrl}/_v/marketplace-bridge/logs.csv?tab=INVENTORY`,
    { headers: { cookie: `VtexIdclientAutCookie=${app.session}` } }
  )

  assert.equal(big.status, 400)
  assert.equal((await big.json()).error.reason, 'CSV_TOO_LARGE')
  const small = await fetch(
    `${app.shellUrl}/_v/marketplace-bridge/logs.csv?tab=TRACKING&status=ERROR`,
    { headers: { cookie: `VtexIdclientAutCookie=${app.session}` } }
  )

  assert.equal(small.status, 200)
})

test('at most 3 exports run at once; a 4th is refused (CONFLICT) until one ends', async () => {
  await app.control('vbase', { latencyMs: 150 })
  const started = []

  try {
    for (let i = 0; i < 3; i++)
      started.push(await start({ tab: 'INVENTORY', filter: {} }))
    const r = await app.gql(START, { input: { tab: 'INVENTORY', filter: {} } })

    assert.equal(r.errors[0].extensions.code, 'CONFLICT')
    assert.equal(r.errors[0].extensions.reason, 'TOO_MANY_EXPORTS')
    for (const e of started) await app.gql(CANCEL, { id: e.id })
  } finally {
    await app.control('vbase', { latencyMs: 0 })
  }

  await app.settle()
  // A slot is free again once one has ended.
  const next = await start({ tab: 'TRACKING', filter: { status: 'ERROR' } })

  await until(next.id, 'DONE')
})

test('24 h later on the schedules’ clock an export is gone: 404, its files removed', async () => {
  const [exp] = ok(await app.gql(LIST, { tab: 'INVENTORY' })).csvExports

  assert.ok(exportFiles(exp.id).length > 0)
  await app.control('clock', { advanceMs: 24 * 3600_000 + 60_000 })
  await app.settle()
  assert.equal(await get(exp.id), null)
  const res = await download(`/_v/marketplace-bridge/exports/${exp.id}`)

  assert.equal(res.status, 404)
  assert.equal((await res.json()).error.reason, 'EXPORT_NOT_FOUND')
  assert.deepEqual(ok(await app.gql(LIST, { tab: 'INVENTORY' })).csvExports, [])
  // Maintenance removes at most 5 expired exports per pass; the schedule
  // calls again a minute later.
  await eventually(
    async () => {
      if (exportFiles(exp.id).length === 0) return true
      await app.control('clock', { advanceMs: 60_000 })

      return false
    },
    { ms: 30_000, every: 500, what: 'the expired files to be removed' }
  )
})
