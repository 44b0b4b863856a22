'use strict'

/**
 * Replicas, as VTEX IO runs them: several worker processes of the same app
 * behind one address. Each request (GraphQL, an HTTP route, a schedule's
 * call) goes to the replica with the fewest requests in flight, ties taken
 * in turn (round robin) — a least-busy balancer, as IO's router in front of
 * a service's pods. Only the local runtime with `workers` > 1 uses it; with
 * one worker the runtime talks to the worker directly. The events bus picks
 * a replica itself (local/emulator/events.js, same rule) instead of paying
 * for a hop through here.
 */
const http = require('http')

const { keepAliveLongerThanClients } = require('./keep-alive')

/**
 * The replica to send the next request to: the fewest in flight, ties in
 * turn after the last one chosen. `inFlight` is one count per replica.
 */
function leastBusy(inFlight, last) {
  let best = -1

  for (let k = 1; k <= inFlight.length; k++) {
    const i = (last + k) % inFlight.length

    if (best === -1 || inFlight[i] < inFlight[best]) best = i
  }

  return best
}

/** An HTTP server forwarding every request to one of `urls()` (the replicas' base URLs). */
function createBalancer(urls) {
  const agent = new http.Agent({ keepAlive: true })
  let inFlight = []
  let last = -1

  const server = http.createServer((req, res) => {
    const targets = urls()

    if (inFlight.length !== targets.length)
      inFlight = targets.map((_, i) => inFlight[i] || 0)
    const i = leastBusy(inFlight, last)

    last = i
    inFlight[i]++
    let done = false
    const finish = () => {
      if (done) return
      done = true
      inFlight[i]--
    }

    const upstream = http.request(
      new URL(req.url, targets[i]),
      { method: req.method, headers: req.headers, agent },
      (up) => {
        res.writeHead(up.statusCode, up.headers)
        up.pipe(res)
        up.on('end', finish)
        up.on('error', (e) => {
          finish()
          res.destroy(e)
        })
      }
    )

    upstream.on('error', (e) => {
      finish()
      if (res.headersSent) return res.destroy(e)
      res.writeHead(502, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          code: 'BadGateway',
          message: `Replica ${i} is not answering: ${e.message}`,
        })
      )
    })
    res.on('close', finish)
    req.pipe(upstream)
  })

  return keepAliveLongerThanClients(server)
}

module.exports = { createBalancer, leastBusy }
