'use strict'

/**
 * The app's shape (STYLE.md, issue 16): no app file in node/ or react/ over
 * 300 lines, and no import circle among them. Tests, test support
 * (`test/`, `testing/`, `__mocks__/`) and generated files (codegen's
 * `node/typings/graphql.ts`, `react/graphql/generated.ts`) are not app files.
 * Every relative import counts, `import type` too: a circle of types is
 * still two modules that can only be understood together.
 *
 *   node scripts/check-structure.js          problems, exit 1 if any
 *   node scripts/check-structure.js --list   also the longest files
 */
const fs = require('fs')
const path = require('path')

const MAX_LINES = 300
const FOLDERS = ['node', 'react']
const SKIP_DIRS = new Set([
  'node_modules',
  '.runtime',
  'test',
  'testing',
  '__mocks__',
])

const GENERATED = new Set([
  'node/typings/graphql.ts',
  'react/graphql/generated.ts',
])

const isSource = (f) => /\.(ts|tsx)$/.test(f) && !/\.d\.ts$/.test(f)
const isTest = (f) => /\.test\.(ts|tsx)$/.test(f)

function walk(dir, out) {
  if (!fs.existsSync(dir)) return out
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(path.join(dir, entry.name), out)
    } else if (isSource(entry.name) && !isTest(entry.name)) {
      out.push(path.join(dir, entry.name))
    }
  }

  return out
}

/** Relative module specifiers a file imports or re-exports (static and dynamic). */
function importsOf(source) {
  const specs = []
  const patterns = [
    /\b(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]

  for (const re of patterns) {
    let m

    while ((m = re.exec(source))) specs.push(m[1])
  }

  return specs.filter((s) => s.startsWith('.'))
}

function resolve(from, spec, files) {
  const base = path.resolve(path.dirname(from), spec)

  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]) {
    if (files.has(candidate)) return candidate
  }

  return null
}

/** Every circle a depth-first walk meets, each once (whatever file it starts at). */
function circles(graph) {
  const state = new Map()
  const stack = []
  const found = []
  const seen = new Set()
  const add = (circle) => {
    const ring = circle.slice(0, -1)
    const start = ring.indexOf([...ring].sort()[0])
    const key = [...ring.slice(start), ...ring.slice(0, start)].join('>')

    if (seen.has(key)) return
    seen.add(key)
    found.push(circle)
  }

  const visit = (node) => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        add([...stack.slice(stack.indexOf(next)), next])
      } else if (!state.has(next)) visit(next)
    }

    stack.pop()
    state.set(node, 'done')
  }

  for (const node of [...graph.keys()].sort()) {
    if (!state.has(node)) visit(node)
  }

  return found
}

function checkStructure(root = path.join(__dirname, '..'), max = MAX_LINES) {
  const rel = (f) => path.relative(root, f).split(path.sep).join('/')
  const files = FOLDERS.flatMap((d) => walk(path.join(root, d), [])).filter(
    (f) => !GENERATED.has(rel(f))
  )

  const known = new Set(files)
  const graph = new Map()
  const sizes = []
  const problems = []

  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8')
    const lines = source.split('\n').length - (source.endsWith('\n') ? 1 : 0)

    sizes.push({ file: rel(file), lines })
    if (lines > max)
      problems.push(`${rel(file)} has ${lines} lines (at most ${max})`)
    graph.set(file, [
      ...new Set(
        importsOf(source)
          .map((spec) => resolve(file, spec, known))
          .filter(Boolean)
      ),
    ])
  }

  problems.sort()
  problems.push(
    ...circles(graph)
      .map((circle) => `import circle: ${circle.map(rel).join(' → ')}`)
      .sort()
  )

  sizes.sort((a, b) => b.lines - a.lines)

  return { problems, files: files.length, sizes }
}

module.exports = { checkStructure, importsOf, MAX_LINES }

if (require.main === module) {
  const { problems, files, sizes } = checkStructure()

  if (process.argv.includes('--list'))
    for (const s of sizes.slice(0, 10)) console.log(`${s.lines}\t${s.file}`)
  if (problems.length) {
    console.error(`check-structure: ${problems.length} problem(s)`)
    for (const p of problems) console.error(`  ${p}`)
    process.exit(1)
  }

  console.log(
    `check-structure: ${files} app files, none over ${MAX_LINES} lines, no import circle`
  )
}
