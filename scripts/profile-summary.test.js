'use strict'

const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('path')

const { summarize, ownerOf } = require('./profile-summary')
const { leastBusy } = require('../local/balancer')

const root = path.resolve(__dirname, '..')
const frame = (functionName, url, lineNumber = 0) => ({
  functionName,
  scriptId: '1',
  url,
  lineNumber,
  columnNumber: 0,
})

const APP = `file://${root}/node/.runtime/service/src/node/services/queue.js`
const VTEX = `file://${root}/node/node_modules/@vtex/api/lib/HttpClient/HttpClient.js`
const AXIOS = `file://${root}/node/node_modules/axios/lib/utils.js`

/**
 * (root) ─┬ processTicksAndRejections (node) ─ run (app) ─┬ request (@vtex/api) ─ forEach (axios)
 *         │                                              └ (self)
 *         ├ (garbage collector)
 *         └ (idle)
 */
function profile() {
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 6, 7] },
      {
        id: 2,
        callFrame: frame(
          'processTicksAndRejections',
          'node:internal/process/task_queues',
          66
        ),
        children: [3],
      },
      { id: 3, callFrame: frame('run', APP, 9), children: [4] },
      { id: 4, callFrame: frame('request', VTEX, 24), children: [5] },
      { id: 5, callFrame: frame('forEach', AXIOS, 265), children: [] },
      { id: 6, callFrame: frame('(garbage collector)', ''), children: [] },
      { id: 7, callFrame: frame('(idle)', ''), children: [] },
    ],
    startTime: 1_000_000,
    endTime: 1_010_000,
    // Samples every 1 ms; each sample is given the gap that follows it.
    samples: [3, 3, 5, 5, 5, 4, 6, 7, 7, 7],
    timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
  }
}

test('owners: the app, @vtex/api, other packages by name, node internals, GC', () => {
  assert.deepEqual(ownerOf(frame('run', APP)), {
    owner: 'app',
    file: 'node/services/queue.js',
  })
  assert.equal(ownerOf(frame('request', VTEX)).owner, '@vtex/api')
  assert.equal(
    ownerOf(frame('request', VTEX)).file,
    '@vtex/api/lib/HttpClient/HttpClient.js'
  )
  assert.equal(ownerOf(frame('forEach', AXIOS)).owner, 'axios')
  assert.equal(ownerOf(frame('emit', 'node:events')).owner, 'node')
  assert.equal(ownerOf(frame('(garbage collector)', '')).owner, 'gc')
  assert.deepEqual(ownerOf(frame('x', `file://${root}/local/worker.js`)), {
    owner: 'local',
    file: 'local/worker.js',
  })
})

test('self and inclusive time, by owner group, idle left out of the percentages', () => {
  const s = summarize([profile()])

  assert.equal(s.busyMs, 7)
  assert.equal(s.idleMs, 3)
  const group = Object.fromEntries(s.byGroup.map((g) => [g.name, g.ms]))

  assert.deepEqual(group, {
    app: 2,
    '@vtex/api': 1,
    'other packages': 3,
    'garbage collector': 1,
  })
  assert.equal(s.topSelf[0].name, 'forEach axios/lib/utils.js:266')
  assert.equal(s.topSelf[0].pct, 42.9)
  const inclusive = Object.fromEntries(
    s.topInclusive.map((f) => [f.name, f.ms])
  )

  // run is on the stack of its own samples and of everything it called.
  assert.equal(inclusive['run node/services/queue.js:10'], 6)
  assert.equal(
    inclusive['processTicksAndRejections node:internal/process/task_queues:67'],
    6
  )
})

test('call paths group consecutive frames by file, root first', () => {
  const s = summarize([profile()])

  assert.deepEqual(s.topPaths[0], {
    name: 'node:internal/process/task_queues (processTicksAndRejections) › node/services/queue.js (run) › @vtex/api/lib/HttpClient/HttpClient.js (request) › axios/lib/utils.js (forEach)',
    ms: 3,
    pct: 42.9,
  })
})

test('a window keeps only the samples taken in it; several profiles add up', () => {
  // Samples are at 1 001 000, 1 002 000, … µs: keep the 3rd to the 5th.
  const s = summarize([profile()], { fromUs: 1_003_000, toUs: 1_005_000 })

  assert.equal(s.busyMs, 3)
  assert.equal(s.byGroup[0].name, 'other packages')
  assert.equal(summarize([profile(), profile()]).busyMs, 14)
})

test('the balancer picks the least busy replica, ties in turn', () => {
  assert.equal(leastBusy([0, 0, 0], -1), 0)
  assert.equal(leastBusy([0, 0, 0], 0), 1)
  assert.equal(leastBusy([0, 0, 0], 2), 0)
  assert.equal(leastBusy([3, 1, 2], 1), 1)
  assert.equal(leastBusy([1, 1, 0], 2), 2)
})
