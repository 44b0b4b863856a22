'use strict'

/**
 * The IO router in front of the app's HTTP routes (service.json), as VTEX
 * documents it:
 *   - `public: true` routes are served on the account's hosts
 *     ({account}.myvtex.com — here the shell's origin), dispatched by route id;
 *   - `public: false` routes only on app.io.vtex.com/{vendor}.{app}/v{major}/
 *     {account}/{workspace}/… with a VtexIdclientAutCookie (app keys do not
 *     work there); on the account host they are not found (404);
 *   - a handler that has not finished within service.json's `timeout` is cut:
 *     504 when nothing was sent yet, the connection closed otherwise.
 * Each refusal is written to the platform's request log with its rule.
 */
const http = require('http')

function compile(routePath) {
  const names = []
  const source = routePath
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        names.push(seg.slice(1))

        return '([^/]+)'
      }

      if (seg === '*') {
        names.push('*')

        return '(.*)'
      }

      return seg.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('/')

  return { re: new RegExp(`^${source}$`), names }
}

class IoRouter {
  constructor({ serviceJson, platform }) {
    this.serviceJson = serviceJson
    this.platform = platform
    /** Test override of service.json's timeout (POST /_emulator/limits). */
    this.timeoutMs = null
    this.routes = Object.entries(serviceJson.routes || {})
      .filter(([id]) => id !== '__graphql')
      .map(([id, route]) => ({ id, route, ...compile(route.path) }))
  }

  effectiveTimeoutMs() {
    return this.timeoutMs ?? Number(this.serviceJson.timeout || 10) * 1000
  }

  match(pathname) {
    for (const r of this.routes) {
      const m = r.re.exec(pathname)

      if (m) {
        const params = {}

        r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])))

        return { ...r, params }
      }
    }

    return null
  }

  /** The app host's prefix: /{vendor}.{app}/v{major}/{account}/{workspace}. */
  appPrefix({ appName, major, account, workspace }) {
    return `/${appName}/v${major}/${account}/${workspace}`
  }

  refuse(req, res, status, rule, body) {
    this.platform.record({
      method: req.method,
      url: req.url,
      status,
      rule,
    })
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }

  /**
   * Serves one request for the app, or answers false when the path is not
   * the app's (the caller serves it). `appHost` is the app.io.vtex.com
   * prefix information; requests under it reach private routes.
   */
  handle(req, res, target) {
    const url = new URL(req.url, 'http://localhost')
    const prefix = this.appPrefix(target)
    const onAppHost =
      url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)

    const pathname = onAppHost
      ? url.pathname.slice(prefix.length) || '/'
      : url.pathname

    if (!onAppHost && !pathname.startsWith('/_v/')) return false
    const hit = this.match(pathname)

    if (!hit) {
      this.refuse(req, res, 404, `router: no route for ${pathname}`, {
        code: 'NotFound',
        message: `No route for ${pathname}`,
      })

      return true
    }

    if (!onAppHost && !hit.route.public) {
      this.refuse(
        req,
        res,
        404,
        `router: ${hit.id} is private (public: false): served only on app.io.vtex.com${prefix}${pathname}`,
        { code: 'NotFound', message: `No route for ${pathname}` }
      )

      return true
    }

    const cookie = req.headers.cookie || ''

    if (
      onAppHost &&
      !/(?:^|;\s*)VtexIdclientAutCookie=/.test(cookie) &&
      !req.headers.vtexidclientautcookie
    ) {
      this.refuse(
        req,
        res,
        401,
        `router: app.io.vtex.com needs a VtexIdclientAutCookie (app keys do not work there)`,
        { code: 'Unauthorized', message: 'Missing VtexIdclientAutCookie' }
      )

      return true
    }

    this.forward(req, res, hit, pathname + url.search, target)

    return true
  }

  forward(req, res, hit, pathAndQuery, target) {
    const { account, workspace, credential, workerUrl } = target
    const headers = {
      'content-type': req.headers['content-type'] || 'application/json',
      ...(req.headers.authorization
        ? { authorization: req.headers.authorization }
        : {}),
      ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}),
      ...(req.headers['accept-encoding']
        ? { 'accept-encoding': req.headers['accept-encoding'] }
        : {}),
      ...(req.headers.vtexidclientautcookie
        ? { vtexidclientautcookie: req.headers.vtexidclientautcookie }
        : {}),
      'x-vtex-account': account,
      'x-vtex-workspace': workspace,
      'x-vtex-credential': credential,
      'x-forwarded-host': req.headers.host || 'localhost',
      ...(hit.route.public
        ? {
            'x-colossus-route-id': hit.id,
            // A query string, as IO's router sends it (@vtex/api parses it
            // with querystring.parse into ctx.vtex.route.params).
            'x-colossus-params': new URLSearchParams(hit.params).toString(),
          }
        : {}),
    }

    const timeoutMs = this.effectiveTimeoutMs()
    let done = false
    const upstream = http.request(
      new URL(`/${account}/${workspace}${pathAndQuery}`, workerUrl),
      { method: req.method, headers },
      (up) => {
        res.writeHead(up.statusCode, {
          'content-type': up.headers['content-type'] || 'application/json',
          ...(up.headers['content-disposition']
            ? { 'content-disposition': up.headers['content-disposition'] }
            : {}),
          ...(up.headers['cache-control']
            ? { 'cache-control': up.headers['cache-control'] }
            : {}),
          // A route's redirect (the OAuth return) keeps its target, as IO's router does.
          ...(up.headers.location ? { location: up.headers.location } : {}),
          // A gzipped answer (the CSV export's download) stays gzipped.
          ...(up.headers['content-encoding']
            ? {
                'content-encoding': up.headers['content-encoding'],
                vary: up.headers.vary || 'Accept-Encoding',
              }
            : {}),
        })
        up.pipe(res)
        up.on('end', () => {
          done = true
          clearTimeout(timer)
        })
      }
    )

    const timer = setTimeout(() => {
      if (done) return
      done = true
      const rule = `timeout: ${hit.id} ran past service.json timeout (${timeoutMs} ms)`

      upstream.destroy()
      if (!res.headersSent) {
        this.refuse(req, res, 504, rule, {
          code: 'GatewayTimeout',
          message: `The app did not answer within ${timeoutMs / 1000} s`,
        })
      } else {
        this.platform.record({ method: req.method, url: req.url, rule })
        res.destroy()
      }
    }, timeoutMs)

    upstream.on('error', (e) => {
      if (done) return
      done = true
      clearTimeout(timer)
      if (res.headersSent) return res.destroy()
      res.writeHead(502, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          code: 'BadGateway',
          message: `The app is not answering: ${e.message}`,
        })
      )
    })
    req.pipe(upstream)
  }
}

module.exports = { IoRouter }
