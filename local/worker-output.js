'use strict'

/**
 * What `npm start` prints of the worker's output. @vtex/api writes one
 * request line and one JSON billing line per request, and every app log as a
 * JSON line (on IO they go to VTEX's log pipeline, not to a terminal). By
 * default the terminal shows the app's warnings and errors, one short line
 * each, and whatever else the worker prints (a crash, a stack); request and
 * billing lines only with `--verbose` (or LOG_REQUESTS=1).
 */
const readline = require('readline')

const REQUEST_LINE = /^\[[0-9:.TZ-]+\]\t\[\d+\]\t/

/** The line to print for one line of worker output, or null to drop it. */
function presentLine(line, { verbose = false } = {}) {
  if (!line.trim()) return null
  if (line.startsWith('{')) {
    let entry

    try {
      entry = JSON.parse(line)
    } catch {
      return line
    }

    if (entry.__VTEX_IO_BILLING) return verbose ? line : null
    if (entry.__VTEX_IO_LOG) {
      const level = String(entry.level || 'info')

      if (!verbose && level !== 'warn' && level !== 'error') return null
      const data = entry.data || {}
      const message =
        typeof data === 'string'
          ? data
          : data.message || JSON.stringify(data).slice(0, 300)

      const where = data.routeId || data.pathName || ''

      return `[${level}]${where ? ` ${where}:` : ''} ${message}`
    }

    return line
  }

  if (REQUEST_LINE.test(line)) return verbose ? line : null

  return line
}

/** Pipes a stream line by line through presentLine to `out`. */
function pipeWorkerOutput(stream, out, options) {
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity })

  lines.on('line', (line) => {
    const shown = presentLine(line, options)

    if (shown !== null) out.write(`${shown}\n`)
  })
}

module.exports = { presentLine, pipeWorkerOutput }
