'use strict'

/** Unit tests of the service.json, lockfile and listing checks. */
const assert = require('node:assert/strict')
const fs = require('fs')
const os = require('os')
const path = require('path')
const test = require('node:test')

const { checkService } = require('./check-service')
const { compareLocks } = require('./check-lockfiles')
const { yarnLockFrom } = require('./lockfiles')
const { checkListing } = require('./check-listing')

const service = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'node', 'service.json'), 'utf8')
)

test('service.json: the app passes; values outside the documented bounds fail', () => {
  assert.deepEqual(checkService(service), [])
  const bad = {
    ...service,
    ttl: 43200,
    maxReplicas: 4,
    timeout: 90,
    events: {
      e: { sender: 'vtex.broadcaster', keys: ['broadcaster.notification'] },
    },
    routes: { r: { path: '/_v/x', public: true } },
  }

  assert.deepEqual(checkService(bad), [
    'ttl is 43200; VTEX accepts 10–60',
    'timeout is 90; VTEX accepts 1–60',
    'maxReplicas is 4; VTEX accepts 5–60',
    'route r needs rateLimitPerReplica { perMinute, concurrent }',
    'event e: use "topics" (VTEX deprecated "keys")',
    'event e: no topics',
    'event e needs rateLimitPerReplica { perMinute, concurrent }',
  ])
})

test('lockfiles: a yarn.lock written from package-lock agrees; a different version is reported', () => {
  const lock = {
    packages: {
      '': { dependencies: { a: '^1.0.0', b: '2.x' } },
      'node_modules/a': { version: '1.2.0', dependencies: { b: '^1.0.0' } },
      'node_modules/a/node_modules/b': { version: '1.5.0' },
      'node_modules/b': { version: '2.1.0' },
    },
  }

  const yarn = yarnLockFrom(lock)

  assert.match(yarn, /"b@\^1\.0\.0":\n {2}version "1\.5\.0"/)
  assert.deepEqual(compareLocks('x', lock, yarn), [])
  assert.deepEqual(
    compareLocks('x', lock, yarn.replace('version "2.1.0"', 'version "2.2.0"')),
    [
      'x: b is 1.5.0, 2.1.0 in package-lock.json but 1.5.0, 2.2.0 in yarn.lock (npm run lockfiles)',
    ]
  )
})

test('listing: placeholders are notes for lint and failures for publishing; VTEX support always fails', () => {
  const root = path.join(__dirname, '..')
  const lint = checkListing(root)

  assert.deepEqual(lint.problems, [])
  assert.equal(lint.notes.length, 2)
  assert.equal(checkListing(root, { publish: true }).problems.length, 2)

  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'listing-'))
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')
  )

  fs.cpSync(path.join(root, 'public'), path.join(copy, 'public'), {
    recursive: true,
  })
  fs.writeFileSync(
    path.join(copy, 'manifest.json'),
    JSON.stringify({
      ...manifest,
      vendor: 'acme',
      billingOptions: {
        support: {
          email: 'help@acme.com',
          url: 'https://support.vtex.com/hc/requests',
        },
      },
    })
  )
  assert.deepEqual(checkListing(copy, { publish: true }).problems, [
    "manifest.json: billingOptions.support points at VTEX's own support; it must be the publisher's (npm run support)",
  ])
})
