'use strict'

/** The local runtime itself: a quiet terminal, a shell that survives upstream resets, kept-alive sockets. */
const assert = require('node:assert/strict')
const http = require('node:http')
const { test } = require('node:test')

const { presentLine } = require('../../local/worker-output')
const { createShellServer } = require('../../local/shell-server')
const { keepAliveLongerThanClients } = require('../../local/keep-alive')

const listen = (server) =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(server.address().port))
  )

const close = (server) =>
  new Promise((resolve) => {
    server.closeAllConnections()
    server.close(resolve)
  })

test('npm start prints warnings and errors, not one line per request', () => {
  const billing = JSON.stringify({ __VTEX_IO_BILLING: 'true', handler: 'x' })
  const request =
    '[17:39:27.027Z]\t[7000]\tbridgedemo/master:__graphql\t200\tPOST\t/bridgedemo/master/_v/graphql\t26 ms'

  const error = JSON.stringify({
    __VTEX_IO_LOG: true,
    level: 'error',
    data: { message: 'VtexIdclientAutCookie not found.', routeId: '__graphql' },
  })

  const info = JSON.stringify({
    __VTEX_IO_LOG: true,
    level: 'info',
    data: { message: 'chunk done' },
  })

  assert.equal(presentLine(billing), null)
  assert.equal(presentLine(request), null)
  assert.equal(presentLine(info), null)
  assert.equal(
    presentLine(error),
    '[error] __graphql: VtexIdclientAutCookie not found.'
  )
  // A crash or anything else the worker prints goes through as it is.
  assert.equal(
    presentLine('TypeError: x is not a function'),
    'TypeError: x is not a function'
  )
  assert.equal(presentLine('{not json'), '{not json')
  // --verbose shows everything.
  assert.equal(presentLine(billing, { verbose: true }), billing)
  assert.equal(presentLine(request, { verbose: true }), request)
  assert.equal(presentLine(info, { verbose: true }), '[info] chunk done')
})

test(
  'the shell ends an answer broken when its upstream resets mid-answer, and keeps serving',
  { timeout: 15_000 },
  async () => {
    let calls = 0
    const upstream = http.createServer((req, res) => {
      calls++
      if (calls === 1) {
        // Head and part of the body, then the connection drops.
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"partial":')
        setTimeout(() => res.socket.destroy(), 20)

        return
      }

      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"ok":true}')
    })

    const upstreamPort = await listen(upstream)
    const shell = createShellServer({
      workerUrl: 'http://127.0.0.1:9',
      emulatorUrl: `http://127.0.0.1:${upstreamPort}`,
      account: 'a',
      workspace: 'master',
      credential: 'c',
      session: 's',
    })

    const uncaught = []
    const onUncaught = (e) => uncaught.push(e)

    process.on('uncaughtException', onUncaught)
    const shellPort = await listen(shell)

    try {
      const broken = await new Promise((resolve) => {
        http
          .get(`http://127.0.0.1:${shellPort}/local/api/state`, (res) => {
            res.on('data', () => undefined)
            res.on('error', () => resolve('broken'))
            res.on('aborted', () => resolve('broken'))
            res.on('end', () => resolve('complete'))
          })
          .on('error', () => resolve('broken'))
      })

      assert.equal(broken, 'broken')

      const next = await fetch(`http://127.0.0.1:${shellPort}/local/api/state`)

      assert.deepEqual(await next.json(), { ok: true })
      assert.deepEqual(uncaught, [])
    } finally {
      process.off('uncaughtException', onUncaught)
      await close(shell)
      await close(upstream)
    }
  }
)

test('local servers keep idle sockets longer than @vtex/api does (no "socket hang up")', async () => {
  const server = keepAliveLongerThanClients(
    http.createServer((req, res) => res.end('ok'))
  )

  const port = await listen(server)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const get = () =>
    new Promise((resolve, reject) => {
      const req = http.get({ port, host: '127.0.0.1', agent }, (res) => {
        res.resume()
        res.on('end', () => resolve(req.reusedSocket))
      })

      req.on('error', reject)
    })

  try {
    assert.equal(await get(), false)
    // Past Node's default 5 s keep-alive: the server would have closed it.
    await new Promise((r) => setTimeout(r, 5600))
    assert.equal(await get(), true)
  } finally {
    agent.destroy()
    await close(server)
  }
})
