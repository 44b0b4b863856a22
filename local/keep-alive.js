'use strict'

/**
 * @vtex/api keeps idle sockets for 30 s (agentkeepalive's freeSocketTimeout)
 * and Node's HTTP server closes them after 5 s: a request sent on a socket
 * the server is closing fails with "socket hang up" (about 1 in 240 calls to
 * the local VBase). VTEX's own front doors keep connections longer than the
 * clients do; the local servers do the same.
 */
const KEEP_ALIVE_MS = 65_000

function keepAliveLongerThanClients(server) {
  server.keepAliveTimeout = KEEP_ALIVE_MS
  // Must exceed keepAliveTimeout, or Node closes the socket first.
  server.headersTimeout = KEEP_ALIVE_MS + 1000

  return server
}

module.exports = { keepAliveLongerThanClients, KEEP_ALIVE_MS }
