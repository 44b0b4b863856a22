'use strict'

/**
 * The bad-input corpus (test/corpus/cases/*.json): every case is refused
 * with its expected status, code and reason — or, for IO events, acknowledged
 * at the first delivery and never retried — and changes nothing in storage,
 * the emulated VTEX or the sandbox marketplaces. Prints one summary line.
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp } = require('../helpers')
const { PARTNER_TOKEN } = require('../../local/seed')
const { loadCases, runCorpus, snapshot } = require('./run')

let app

test.before(async () => {
  app = await startApp({ perTab: 20, eventDelayMs: 10 })
})

test.after(async () => {
  await app.stop()
})

async function fixtures() {
  const { orders } = app.emulator.vtex.data
  const invoiced = Object.values(orders).filter(
    (o) =>
      o.status === 'invoiced' &&
      o.packageAttachment?.packages?.[0]?.invoiceNumber &&
      !o.packageAttachment.packages[0].invoiceNumber.includes('/')
  )

  const notInvoiced = Object.values(orders).find(
    (o) => !['invoiced', 'canceled'].includes(o.status)
  )

  const LIST = `query($status: LogStatus) { integrationLogs(tab: INVENTORY, status: $status, first: 1) { data { id } } }`
  const logOf = async (status) =>
    (await app.gql(LIST, { status })).data.integrationLogs.data[0].id

  const bucket = `${app.account}/${app.workspace}/${app.emulator.appName}/logs`
  const { secret } = JSON.parse(
    app.emulator.vbase.get(bucket, 'v2/schedule').body.toString('utf8')
  )

  return {
    now: () => app.emulator.clock.now(),
    appName: app.emulator.appName,
    partnerToken: PARTNER_TOKEN,
    partnerBearer: `Bearer ${PARTNER_TOKEN}`,
    invoicedOrder: invoiced[0].orderId,
    invoicedInvoice: invoiced[0].packageAttachment.packages[0].invoiceNumber,
    otherInvoice: invoiced[1].packageAttachment.packages[0].invoiceNumber,
    notInvoicedOrder: notInvoiced.orderId,
    successLog: await logOf('SUCCESS'),
    errorLog: await logOf('ERROR'),
    secretCutShort: secret.slice(0, -1),
    externalOrder: {
      orderId: 'ERP-2001',
      invoiceNumber: '778800',
      routing: 'VTEX_TRACKING',
      customer: {
        firstName: 'Loja',
        lastName: 'Física',
        street: 'Rua das Flores',
        number: '10',
        city: 'Curitiba',
        state: 'Paraná',
        postalCode: '80010-000',
      },
    },
  }
}

test('bad input at every door gets a clear error and changes nothing', async () => {
  // An event registers the app's schedule (and its secret); then the
  // emulated scheduler is paused so no maintenance pass runs meanwhile.
  app.emulator.events.publish({
    sender: app.emulator.appName,
    key: 'marketplace-bridge.job',
    body: { jobId: 'r.warmup.warmup' },
  })
  await app.settle()
  assert.equal(app.emulator.scheduler.schedules.size, 1)
  app.emulator.scheduler.paused = true

  const cases = loadCases()
  const result = await runCorpus(app, cases, await fixtures())

  console.log(
    `corpus: ${result.tried} cases tried, ${result.clear} clear errors, ${
      result.stateChanges
    } state changes (${Object.entries(result.byEntry)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; ${result.skipped.length} waiting for ${[
      ...new Set(result.skipped.map((s) => s.skipped)),
    ].join(', ')})`
  )

  assert.ok(result.tried >= 100, `${result.tried} cases`)
  assert.deepEqual(
    result.failures.map((f) => ({
      name: f.name,
      problems: f.problems,
      changed: f.changed,
    })),
    []
  )
  assert.equal(result.clear, result.tried)
  assert.equal(result.stateChanges, 0)
})

test('the snapshot sees a change when there is one (a valid reprocess)', async () => {
  const fx = await fixtures()
  const before = snapshot(app, { count: 0 })
  const r = await app.gql(
    'mutation($ids: [ID!]!) { reprocessLogs(ids: $ids) { id status } }',
    { ids: [fx.errorLog] }
  )

  assert.equal(r.errors, undefined, JSON.stringify(r.errors))
  assert.notEqual(snapshot(app, { count: 0 }).vbase, before.vbase)
})
