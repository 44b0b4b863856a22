'use strict'

/**
 * `node scripts/profile-summary.js <file.cpuprofile>… [--top N] [--json]`:
 * the "flame summary" of V8 CPU profiles written by `node --cpu-prof` (what
 * `BENCH_PROFILE=1 npm run bench:pipeline` writes for each worker). Several
 * files (one per replica) are added together. Prints:
 *   - where the busy time went by owner: the app's own code, @vtex/api,
 *     each other package, Node's internals, the garbage collector, V8
 *     itself ("(program)"); idle time is left out of every percentage;
 *   - the top functions by self time;
 *   - the top functions by inclusive time (on the stack);
 *   - the top call paths grouped by file: each sampled stack, root to leaf,
 *     as the chain of files it passes through (consecutive frames of one
 *     file are one step, named by the file and its first function), cut
 *     after MAX_PATH_STEPS steps.
 * Async stacks end at the event loop's tick: a path starts where the tick
 * entered JavaScript (a timer, a socket's data, a resolved promise).
 * `--from <µs> --to <µs>` (or summarize's fromUs/toUs) keep only the samples
 * taken in that window of the monotonic clock — V8's profile timestamps and
 * process.hrtime() read the same clock — so a benchmark summarises its
 * measured window, not the worker's start-up.
 */
const fs = require('fs')
const path = require('path')

const MAX_PATH_STEPS = 6

const SPECIAL = {
  '(garbage collector)': 'gc',
  '(program)': 'program',
  '(idle)': 'idle',
  '(root)': 'root',
}

/**
 * Who a frame belongs to, from its script URL: { owner, file }.
 * owner is 'app', '@vtex/api', a package name, 'node' or the special
 * frame's name; file is the path to show in call paths.
 */
function ownerOf(callFrame) {
  const special = SPECIAL[callFrame.functionName]

  if (special && !callFrame.url) return { owner: special, file: special }
  const url = callFrame.url || ''

  if (!url) return { owner: 'node', file: '(native)' }
  if (url.startsWith('node:')) return { owner: 'node', file: url }
  const file = url.replace(/^file:\/\//, '')
  const nm = file.lastIndexOf('/node_modules/')

  if (nm >= 0) {
    const rest = file.slice(nm + '/node_modules/'.length).split('/')
    const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]

    return {
      owner: pkg,
      file: `${pkg}/${rest.slice(pkg.split('/').length).join('/')}`,
    }
  }

  const app = file.indexOf('/.runtime/service/src/node/')

  if (app >= 0)
    return {
      owner: 'app',
      file: `node/${file.slice(app + '/.runtime/service/src/node/'.length)}`,
    }

  const root = path.resolve(__dirname, '..')

  return {
    owner: file.startsWith(root) ? 'local' : 'other',
    file: file.startsWith(root) ? path.relative(root, file) : file,
  }
}

/** The group an owner is reported in. */
function groupOf(owner) {
  if (owner === 'app' || owner === '@vtex/api' || owner === 'node') return owner
  if (owner === 'gc') return 'garbage collector'
  if (owner === 'program') return 'V8 (program)'
  if (owner === 'idle' || owner === 'root') return 'idle'
  if (owner === 'local' || owner === 'other') return 'local runtime'

  return 'other packages'
}

const fnName = (callFrame) => callFrame.functionName || '(anonymous)'

/** A function's name, file and line: how functions are told apart. */
const key = (callFrame) =>
  `${fnName(callFrame)} ${ownerOf(callFrame).file}:${callFrame.lineNumber + 1}`

/**
 * One profile's time (µs) per node id, attributing each sample the gap that
 * follows it, for the samples taken between fromUs and toUs; and the span
 * those samples cover.
 */
function timePerNode(profile, fromUs = -Infinity, toUs = Infinity) {
  const time = new Map()
  const { samples, timeDeltas } = profile
  let at = profile.startTime
  let first = null
  let last = null

  for (let i = 0; i < samples.length; i++) {
    at += timeDeltas[i] || 0
    if (at < fromUs || at > toUs) continue
    const dt =
      i + 1 < timeDeltas.length
        ? timeDeltas[i + 1]
        : (profile.endTime - profile.startTime) / samples.length

    if (first === null) first = at
    last = at + Math.max(0, dt)
    time.set(samples[i], (time.get(samples[i]) || 0) + Math.max(0, dt))
  }

  return { time, spanUs: first === null ? 0 : last - first }
}

/** Adds one profile's figures into `acc`. */
function addProfile(acc, profile, { fromUs, toUs } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map()

  for (const n of profile.nodes)
    for (const c of n.children || []) parent.set(c, n.id)
  const { time, spanUs } = timePerNode(profile, fromUs, toUs)

  acc.wallUs += spanUs
  for (const [id, us] of time) {
    const node = nodes.get(id)
    const leaf = ownerOf(node.callFrame)

    if (groupOf(leaf.owner) === 'idle') {
      acc.idleUs += us
      continue
    }

    acc.busyUs += us
    // Self time.
    const selfKey = key(node.callFrame)

    acc.self.set(selfKey, (acc.self.get(selfKey) || 0) + us)
    acc.byOwner.set(leaf.owner, (acc.byOwner.get(leaf.owner) || 0) + us)
    acc.byGroup.set(
      groupOf(leaf.owner),
      (acc.byGroup.get(groupOf(leaf.owner)) || 0) + us
    )

    // The stack, root first.
    const stack = []

    for (let at = id; at !== undefined; at = parent.get(at)) {
      const cf = nodes.get(at).callFrame

      if (cf.functionName !== '(root)') stack.unshift(cf)
    }

    // Inclusive time: each function once per sample.
    for (const k of new Set(stack.map(key)))
      acc.inclusive.set(k, (acc.inclusive.get(k) || 0) + us)

    // Call path grouped by file.
    const steps = []

    for (const cf of stack) {
      const { file } = ownerOf(cf)

      if (steps.length && steps[steps.length - 1].file === file) continue
      steps.push({ file, fn: fnName(cf) })
    }

    const shown = steps
      .slice(0, MAX_PATH_STEPS)
      .map((s) => `${s.file} (${s.fn})`)

    if (steps.length > MAX_PATH_STEPS)
      shown.push(`… ${steps[steps.length - 1].file}`)
    const p = shown.join(' › ')

    acc.paths.set(p, (acc.paths.get(p) || 0) + us)
  }
}

/** The summary of one or more parsed profiles. */
function summarize(profiles, { top = 20, fromUs, toUs } = {}) {
  const acc = {
    wallUs: 0,
    busyUs: 0,
    idleUs: 0,
    self: new Map(),
    inclusive: new Map(),
    byOwner: new Map(),
    byGroup: new Map(),
    paths: new Map(),
  }

  for (const p of profiles) addProfile(acc, p, { fromUs, toUs })
  const ms = (us) => Math.round(us / 100) / 10
  const pct = (us) =>
    acc.busyUs ? Math.round((us / acc.busyUs) * 1000) / 10 : 0

  const rank = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: ms(us), pct: pct(us) }))

  return {
    profiles: profiles.length,
    window: fromUs != null || toUs != null,
    wallMs: ms(acc.wallUs),
    busyMs: ms(acc.busyUs),
    idleMs: ms(acc.idleUs),
    byGroup: rank(acc.byGroup, Infinity),
    byOwner: rank(acc.byOwner, top),
    topSelf: rank(acc.self, top),
    topInclusive: rank(acc.inclusive, top),
    topPaths: rank(acc.paths, top),
  }
}

/** The summary as text. */
function format(s) {
  const rows = (list) =>
    list
      .map(
        (r) =>
          `  ${String(r.ms.toFixed(1)).padStart(9)} ms ${String(
            r.pct.toFixed(1)
          ).padStart(5)} %  ${r.name}`
      )
      .join('\n')

  return [
    `CPU profile summary (${s.profiles} profile${s.profiles === 1 ? '' : 's'}${
      s.window ? ', measured window only' : ''
    }): ${s.busyMs} ms busy, ${s.idleMs} ms idle over ${
      s.wallMs
    } ms; percentages are of busy time`,
    'Busy time by owner group (self time):',
    rows(s.byGroup),
    'By owner (app, @vtex/api, each package, node internals):',
    rows(s.byOwner),
    'Top functions by self time:',
    rows(s.topSelf),
    'Top functions by inclusive time (on the stack):',
    rows(s.topInclusive),
    'Top call paths grouped by file (root › … › leaf):',
    rows(s.topPaths),
  ].join('\n')
}

/** The text summary of .cpuprofile files; options as summarize's. */
function summarizeFiles(files, options) {
  return format(
    summarize(
      files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8'))),
      options
    )
  )
}

module.exports = { summarize, summarizeFiles, format, ownerOf }

if (require.main === module) {
  const args = process.argv.slice(2)
  const option = (name) => {
    const at = args.indexOf(name)

    return at >= 0 ? Number(args[at + 1]) : undefined
  }

  const top = option('--top') ?? 20
  const fromUs = option('--from')
  const toUs = option('--to')
  const files = args.filter((a) => a.endsWith('.cpuprofile'))

  if (!files.length) {
    console.error(
      'usage: node scripts/profile-summary.js <file.cpuprofile>… [--top N] [--from µs --to µs] [--json]'
    )
    process.exit(2)
  }

  const parsed = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')))
  const s = summarize(parsed, { top, fromUs, toUs })

  console.log(args.includes('--json') ? JSON.stringify(s) : format(s))
}
