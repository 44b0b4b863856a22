'use strict'

const assert = require('node:assert/strict')
const fs = require('fs')
const os = require('os')
const path = require('path')
const { test } = require('node:test')

const { installPart } = require('./install-parts')

function part() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'install-parts-'))

  fs.mkdirSync(path.join(root, 'node'))
  fs.writeFileSync(path.join(root, 'node', 'yarn.lock'), 'committed\n')

  return root
}

test('npm ci rewriting yarn.lock leaves the committed one in place', () => {
  const root = part()
  const calls = []
  const status = installPart('node', {
    root,
    run: (cmd, args, opts) => {
      calls.push([cmd, ...args, opts.cwd])
      fs.writeFileSync(path.join(opts.cwd, 'yarn.lock'), 'rewritten by npm\n')

      return { status: 0 }
    },
  })

  assert.equal(status, 0)
  assert.deepEqual(calls, [
    ['npm', 'ci', '--no-audit', '--no-fund', path.join(root, 'node')],
  ])
  assert.equal(
    fs.readFileSync(path.join(root, 'node', 'yarn.lock'), 'utf8'),
    'committed\n'
  )
})

test('a failed install reports its status and still restores yarn.lock', () => {
  const root = part()
  const status = installPart('node', {
    root,
    run: (_cmd, _args, opts) => {
      fs.writeFileSync(path.join(opts.cwd, 'yarn.lock'), '')

      return { status: 1 }
    },
  })

  assert.equal(status, 1)
  assert.equal(
    fs.readFileSync(path.join(root, 'node', 'yarn.lock'), 'utf8'),
    'committed\n'
  )
})
