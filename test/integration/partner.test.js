'use strict'

/**
 * A partner's VTEX connector through the real worker (issue 13): the
 * marketplace of kind `partner` (local/seedPartner.js) whose log endpoint is
 * the sample connector (local/emulator/partnerConnector, messages of every
 * status for yesterday and today). The maintenance pass — the schedule's
 * only entry point — collects them: each message is one log in the tab its
 * operation names, marked as the partner's, also when collected twice;
 * Reprocess is refused for them.
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp } = require('../helpers')

let app

test.before(async () => {
  app = await startApp({ perTab: 10, eventDelayMs: 20, partner: true })
})

test.after(async () => {
  await app.stop()
})

const LIST = `query($tab: Tab!, $after: String) { integrationLogs(tab: $tab, marketplace: "parceiro", first: 100, after: $after) {
  data { id status fromPartner } pageInfo { endCursor total } } }`

async function partnerLogs() {
  const all = []

  for (const tab of ['PRODUCTS', 'INVENTORY', 'TRACKING']) {
    let after = null

    do {
      const r = await app.gql(LIST, { tab, after })

      assert.equal(r.errors, undefined, JSON.stringify(r.errors))
      const page = r.data.integrationLogs

      all.push(
        ...page.data.filter((l) => l.fromPartner).map((l) => ({ ...l, tab }))
      )
      after = page.data.length ? page.pageInfo.endCursor : null
    } while (after)
  }

  return all
}

/** Moves the schedules' clock: the emulated scheduler calls the maintenance route. */
async function collect() {
  const before = app.emulator.scheduler.calls.length

  await app.control('clock', { advanceMs: 60_000 })
  const calls = app.emulator.scheduler.calls.slice(before)

  assert.ok(calls.length >= 1, 'the schedule called the maintenance route')
  assert.ok(
    calls.every((c) => c.status === 200),
    JSON.stringify(calls)
  )
}

test('a partner connector’s logs appear once each, in the right tabs, also when collected twice', async () => {
  assert.deepEqual(await partnerLogs(), [], 'nothing before the schedule runs')
  // The app registers its schedule with VTEX's scheduler on its first event.
  await app.control('vtex/stock', { skuId: '1000', quantity: 3 })
  await app.settle()
  await collect()
  const first = await partnerLogs()
  const served = app.emulator.partnerConnector.requests

  assert.ok(served > 0, 'the connector was asked')
  assert.ok(first.length >= 8, JSON.stringify(first))
  assert.equal(new Set(first.map((l) => l.id)).size, first.length)
  assert.deepEqual([...new Set(first.map((l) => l.status))].sort(), [
    'ALERT',
    'ERROR',
    'PENDING',
    'SUCCESS',
  ])
  assert.deepEqual([...new Set(first.map((l) => l.tab))].sort(), [
    'INVENTORY',
    'PRODUCTS',
    'TRACKING',
  ])

  // Collected again (the same days are asked again): the same logs, once each.
  await collect()
  assert.ok(app.emulator.partnerConnector.requests > served)
  const second = await partnerLogs()

  assert.deepEqual(
    second.map((l) => `${l.id}:${l.status}`).sort(),
    first.map((l) => `${l.id}:${l.status}`).sort()
  )
})

test('a partner’s log is not reprocessed: the API says why', async () => {
  const [one] = (await partnerLogs()).filter((l) => l.status === 'ERROR')

  assert.ok(one, 'an error from the partner')
  const refused = await app.gql(
    `mutation($ids: [ID!]!) { reprocessLogs(ids: $ids) { id } }`,
    { ids: [one.id] }
  )

  assert.match(refused.errors[0].extensions.reason, /NOT_REPROCESSABLE$/)
})
