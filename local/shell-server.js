'use strict'

/**
 * Serves the admin page inside the local shell and forwards its GraphQL calls
 * to the worker the way the VTEX router does: account, workspace and an app
 * credential as headers, the admin's VtexIdclientAutCookie as it came.
 * Opening the page starts a local admin session (the cookie), as logging in
 * to the VTEX Admin would.
 */
const fs = require('fs')
const http = require('http')
const path = require('path')

const { keepAliveLongerThanClients } = require('./keep-alive')
const { shellOut } = require('./paths')

const ADMIN_PATH = '/admin/app/marketplace-bridge'

const CONSOLE_PATH = '/local/console'

/** Forwards a request to another local server, body and status as they are. */
function forward(req, res, target, headers = {}) {
  const upstream = http.request(
    target,
    {
      method: req.method,
      headers: {
        'content-type': req.headers['content-type'] || 'application/json',
        // Partners authenticate with a bearer token (public route).
        ...(req.headers.authorization
          ? { authorization: req.headers.authorization }
          : {}),
        ...headers,
      },
    },
    (up) => {
      up.on('error', (e) => res.destroy(e))
      res.writeHead(up.statusCode, {
        'content-type': up.headers['content-type'] || 'application/json',
        ...(up.headers['content-disposition']
          ? { 'content-disposition': up.headers['content-disposition'] }
          : {}),
        // A route's redirect (the OAuth return) keeps its target.
        ...(up.headers.location ? { location: up.headers.location } : {}),
      })
      up.pipe(res)
    }
  )

  upstream.on('error', (e) => {
    // Reset after the answer began: its status is out, so end it broken (as
    // a proxy does) rather than write a second head.
    if (res.headersSent) {
      res.destroy(e)

      return
    }

    res.writeHead(502, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify({
        errors: [
          { message: `The local service is not answering: ${e.message}` },
        ],
      })
    )
  })
  req.pipe(upstream)
}

function createShellServer({
  workerUrl,
  emulatorUrl,
  account,
  workspace,
  credential,
  session,
  router,
  appName,
  major,
}) {
  const html = fs.readFileSync(path.join(__dirname, 'shell', 'index.html'))
  const consoleHtml = fs.readFileSync(
    path.join(__dirname, 'shell', 'console.html')
  )

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost')

    if (url.pathname === '/') {
      res.writeHead(302, { Location: ADMIN_PATH })

      return res.end()
    }

    if (
      url.pathname === ADMIN_PATH ||
      url.pathname.startsWith(`${ADMIN_PATH}/`)
    ) {
      const hasSession = /(?:^|;\s*)VtexIdclientAutCookie=/.test(
        req.headers.cookie || ''
      )

      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        ...(hasSession
          ? {}
          : {
              'Set-Cookie': `VtexIdclientAutCookie=${session}; Path=/; HttpOnly; SameSite=Lax`,
            }),
      })

      return res.end(html)
    }

    if (url.pathname === '/assets/app.js') {
      res.writeHead(200, {
        'Content-Type': 'application/javascript; charset=utf-8',
        'Cache-Control': 'no-cache',
      })

      return fs.createReadStream(path.join(shellOut, 'app.js')).pipe(res)
    }

    // The app's GraphQL, as the IO router does.
    if (url.pathname === '/_v/graphql') {
      return forward(
        req,
        res,
        new URL(
          `/${account}/${workspace}${url.pathname}${url.search}`,
          workerUrl
        ),
        {
          ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}),
          'x-vtex-account': account,
          'x-vtex-workspace': workspace,
          'x-vtex-credential': credential,
          'x-forwarded-host': req.headers.host || 'localhost',
        }
      )
    }

    // The app's HTTP routes (service.json): the emulator's IO router serves
    // public ones here (the account host) and private ones only under the
    // app host's prefix (app.io.vtex.com/{vendor}.{app}/v{major}/…).
    if (
      router &&
      router.handle(req, res, {
        appName,
        major,
        account,
        workspace,
        credential,
        workerUrl,
      })
    )
      return undefined

    if (url.pathname === CONSOLE_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })

      return res.end(consoleHtml)
    }

    // The console's changes go to the emulated store (local only, not part of the app).
    if (url.pathname.startsWith('/local/api/')) {
      return forward(
        req,
        res,
        new URL(
          `/_emulator/${url.pathname.slice('/local/api/'.length)}${url.search}`,
          emulatorUrl
        )
      )
    }

    res.writeHead(404, { 'Content-Type': 'text/plain' })
    res.end('Not found')
  })

  return keepAliveLongerThanClients(server)
}

module.exports = { createShellServer, ADMIN_PATH, CONSOLE_PATH }
