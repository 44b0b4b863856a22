'use strict'

/**
 * Two replicas, as IO runs them: the local runtime with `workers: 2` runs
 * two worker processes sharing the emulated VBase, the events bus spreads
 * the events over them and the router's requests (GraphQL) go to either.
 * Asserts that both replicas work, that no change is exported twice, and
 * that a replica killed with SIGKILL is restarted while the other keeps
 * serving.
 */
const test = require('node:test')
const assert = require('node:assert/strict')

const { startApp, eventually } = require('../helpers')

let app

test.before(async () => {
  app = await startApp({ perTab: 10, eventDelayMs: 20, workers: 2 })
})

test.after(async () => {
  await app.stop()
})

test('two worker processes, each handed events; no change exported twice', async () => {
  const pids = app.workerPids()

  assert.equal(pids.length, 2)
  assert.notEqual(pids[0], pids[1])
  const { skus } = await app.control('vtex')
  const changes = skus.slice(0, 20).map((s, i) => ({
    skuId: s.id,
    quantity: 40 + i,
  }))

  const since = new Date().toISOString()

  await Promise.all(changes.map((c) => app.control('vtex/stock', c)))
  await app.settle()
  const accepted = (await app.accepted('inventory')).filter(
    (a) => a.at >= since
  )

  const perListing = new Map()

  for (const a of accepted) {
    const k = `${a.marketplace}:${a.id}`

    perListing.set(k, (perListing.get(k) || 0) + 1)
  }

  assert.ok(accepted.length >= changes.length, `${accepted.length} exported`)
  assert.deepEqual(
    [...perListing].filter(([, n]) => n > 1),
    [],
    'no change exported twice to one marketplace'
  )

  const delivered = app.emulator.events.replicaDelivered

  assert.ok(
    delivered[0] > 0 && delivered[1] > 0,
    `both replicas were handed events: ${delivered}`
  )
})

test('GraphQL through the router reaches a replica', async () => {
  const r = await app.gql(`{ integrationOverview(tab: INVENTORY) { total } }`)

  assert.equal(r.errors, undefined)
  assert.ok(r.data.integrationOverview.total >= 10)
})

test('a replica killed with SIGKILL is restarted; the other keeps serving', async () => {
  const [first, second] = app.workerPids()
  const restarted = app.killWorker(1)
  // Meanwhile, the first replica answers.
  const during = await app.gql(
    `{ integrationOverview(tab: PRODUCTS) { total } }`
  )

  assert.equal(during.errors, undefined)
  await restarted
  const [firstAfter, secondAfter] = app.workerPids()

  assert.equal(firstAfter, first)
  assert.notEqual(secondAfter, second)
  await eventually(
    async () => {
      const r = await app.gql(
        `{ integrationOverview(tab: TRACKING) { total } }`
      )

      return !r.errors
    },
    { what: 'GraphQL after the restart' }
  )
})
