'use strict'

/** Unit tests of scripts/check-structure.js on small made-up apps. */
const assert = require('node:assert/strict')
const fs = require('fs')
const os = require('os')
const path = require('path')
const test = require('node:test')

const { checkStructure, importsOf } = require('./check-structure')

/** A throwaway app: `files` maps paths under it to their source. */
function app(files) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-structure-'))

  for (const [file, src] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), src)
  }

  return root
}

const lines = (n) =>
  Array.from({ length: n }, (_, i) => `export const v${i} = ${i}`).join('\n')

test('the app as it is passes', () => {
  const { problems, files } = checkStructure()

  assert.deepEqual(problems, [])
  assert.ok(files > 100)
})

test('a file of 300 lines passes, one of 301 fails, naming it', () => {
  const root = app({
    'node/domain/ok.ts': lines(300),
    'react/components/Big.tsx': lines(301),
  })

  assert.deepEqual(checkStructure(root).problems, [
    'react/components/Big.tsx has 301 lines (at most 300)',
  ])
})

test('tests, test support and generated files may be longer', () => {
  const root = app({
    'node/services/queue.test.ts': lines(900),
    'node/test/fakes.ts': lines(400),
    'node/marketplaces/x/testing/harness.ts': lines(400),
    'react/__mocks__/runtime.tsx': lines(400),
    'node/typings/graphql.ts': lines(900),
    'react/graphql/generated.ts': lines(900),
  })

  assert.deepEqual(checkStructure(root).problems, [])
})

test('an import circle fails, once, whichever file the walk starts at', () => {
  const root = app({
    'node/domain/layout.ts': "import type { LogStatus } from './log'\n",
    'node/domain/log.ts': "import type { Row } from './rows'\n",
    'node/domain/rows.ts':
      "import { buildLogId } from './log'\nimport { docPath } from './layout'\n",
  })

  assert.deepEqual(checkStructure(root).problems, [
    'import circle: node/domain/layout.ts → node/domain/log.ts → node/domain/rows.ts → node/domain/layout.ts',
    'import circle: node/domain/log.ts → node/domain/rows.ts → node/domain/log.ts',
  ])
})

test('a circle through an index file and a re-export is found', () => {
  const root = app({
    'react/components/detail/index.ts': "export * from './Body'\n",
    'react/components/detail/Body.tsx': "import { x } from '../Page'\n",
    'react/components/Page.tsx': "import { Body } from './detail'\n",
  })

  assert.deepEqual(checkStructure(root).problems, [
    'import circle: react/components/Page.tsx → react/components/detail/index.ts → react/components/detail/Body.tsx → react/components/Page.tsx',
  ])
})

test('imports that go one way only pass; packages are not followed', () => {
  const root = app({
    'node/domain/a.ts': "import { b } from './b'\nimport x from '@vtex/api'\n",
    'node/domain/b.ts': "import { c } from './c'\n",
    'node/domain/c.ts': 'export const c = 1\n',
  })

  assert.deepEqual(checkStructure(root).problems, [])
})

test('importsOf reads import, import type, export from, side-effect and dynamic imports', () => {
  assert.deepEqual(
    importsOf(
      [
        "import { a } from './a'",
        "import type {\n  B,\n  C,\n} from '../b'",
        "export { d } from './d'",
        "export * from './e'",
        "import './f'",
        "const g = await import('./g')",
        "import React from 'react'",
      ].join('\n')
    ).sort(),
    ['../b', './a', './d', './e', './f', './g']
  )
})
