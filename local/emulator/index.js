'use strict'

/**
 * The local VTEX platform emulator. The worker's outgoing calls reach it as an
 * HTTP proxy (HTTP_PROXY/HTTPS_PROXY), so it receives absolute URLs and
 * dispatches by host, exactly where @vtex/api would have gone:
 *   infra.io.vtex.com/vbase/v2/...        VBase (on disk)
 *   infra.io.vtex.com/courier/v0/...      events, delivered to the worker
 *   infra.io.vtex.com/apps/v0/.../settings app settings
 *   vtexid.vtex.com.br                     sessions for the @auth directive
 *   {account}.vtexcommercestable.com.br    License Manager (@auth)
 *   portal.vtexcommercestable.com.br       Janus: Catalog, Logistics, OMS,
 *                                          VTEX ID and License Manager
 *   {marketplace}.sandbox.local            sandbox marketplaces
 *   api.mercadolibre.com, auth.mercadoli… Mercado Livre (mercadolivre/)
 *   api.amazon.com, sellingpartnerapi-*    Amazon LWA and SP-API (amazon/)
 *   connector.partner.local                a partner's VTEX connector logs (partnerConnector/)
 * Like IO, it refuses what the app's manifest does not allow (platform.js):
 * hosts without an outbound-access policy, VTEX APIs without the documented
 * License Manager policy, infra services without theirs. GET
 * /_emulator/log shows every proxied call, refusals with their rule.
 * Requests on its own host under /_emulator/ control it from tests.
 */
const fs = require('fs')
const http = require('http')
const path = require('path')

const { keepAliveLongerThanClients } = require('../keep-alive')
const { VBaseStore, send } = require('./vbase')
const { SandboxCarrier } = require('./carrier')
const { SandboxVtexTracking } = require('./vtexTracking')
const { SandboxMarketplaces } = require('./sandbox')
const { EventBus } = require('./events')
const { SchedulerEmulator } = require('./scheduler')
const { VtexData } = require('./vtex')
const { Platform, localManifest } = require('./platform')
const { IoRouter } = require('./router')
const { MercadoLivreEmulator, HOSTS: ML_HOSTS } = require('./mercadolivre')
const { AmazonEmulator } = require('./amazon')
const {
  SamplePartnerConnector,
  PARTNER_CONNECTOR,
} = require('./partnerConnector')

const SESSIONS = {
  'local-admin-session': {
    user: 'admin@bridge.local',
    userId: 'local-admin',
    canManageApps: true,
  },
  'local-viewer-session': {
    user: 'viewer@bridge.local',
    userId: 'local-viewer',
    canManageApps: false,
  },
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []

    req.on('data', (c) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

class Emulator {
  constructor({
    dataDir,
    persistStorage = true,
    serviceJson,
    appName,
    workerUrl,
    credential,
    manifest = localManifest(),
  }) {
    this.dataDir = dataDir
    this.credential = credential
    this.platform = new Platform({
      manifest,
      appId: `${appName}@${manifest.version}`,
    })
    this.router = new IoRouter({ serviceJson, platform: this.platform })
    this.vbase = new VBaseStore(
      persistStorage ? path.join(dataDir, 'vbase') : null
    )
    this.sandbox = new SandboxMarketplaces(dataDir)
    /** The schedules' clock: moved by POST /_emulator/clock, shared with the worker. */
    this.clock = { offsetMs: 0, now: () => Date.now() + this.clock.offsetMs }
    this.onClock = () => undefined
    this.carrier = new SandboxCarrier(this.clock)
    // Real marketplaces' APIs, on the schedules' clock (token expiry, follow-ups).
    this.mercadolivre = new MercadoLivreEmulator({ clock: this.clock })
    this.amazon = new AmazonEmulator({ clock: this.clock })
    this.partnerConnector = new SamplePartnerConnector({ clock: this.clock })
    this.vtexTracking = new SandboxVtexTracking(this.clock)
    this.events = new EventBus({ serviceJson, appName, workerUrl, credential })
    this.scheduler = new SchedulerEmulator({
      clock: this.clock,
      dataDir,
      serviceJson,
      workerUrl,
      credential,
    })
    this.vtex = new VtexData(dataDir, {
      account: null,
      publish: (e) => this.events.publish(e),
      // An invoiced package's tracking number starts its carrier timeline.
      onInvoiced: (pkg) =>
        pkg.trackingNumber && this.carrier.register(pkg.trackingNumber),
      // Reads VTEX decides by the user's roles take a session's token, never the app's.
      isUserToken: (token) => Boolean(SESSIONS[token]),
    })
    this.settingsFile = path.join(dataDir, 'settings.json')
    this.unknownHosts = []
    this.appName = appName
  }

  readSettings(appName) {
    if (!fs.existsSync(this.settingsFile)) return {}

    return JSON.parse(fs.readFileSync(this.settingsFile, 'utf8'))[appName] || {}
  }

  writeSettings(appName, value) {
    const all = fs.existsSync(this.settingsFile)
      ? JSON.parse(fs.readFileSync(this.settingsFile, 'utf8'))
      : {}

    all[appName] = value
    fs.writeFileSync(this.settingsFile, JSON.stringify(all, null, 2))
  }

  async handle(req, res) {
    const absolute = /^https?:\/\//.test(req.url)
    const url = new URL(
      absolute ? req.url : `http://${req.headers.host || 'localhost'}${req.url}`
    )

    const host = url.hostname
    const body = await readBody(req)
    const ctx = { host, pathname: url.pathname, query: url.searchParams, body }

    if (absolute) {
      const entry = {
        method: req.method,
        url: url.href,
        status: null,
        // IO's proxy opens TLS to the host only when asked to.
        useHttps: req.headers['x-vtex-use-https'] === 'true',
      }

      this.platform.record(entry)
      res.once('finish', () => (entry.status = res.statusCode))
      ctx.refuse = (refusal) => {
        entry.rule = refusal.rule

        return send(res, refusal.status, refusal.body)
      }

      if (host !== 'infra.io.vtex.com') {
        const refusal = this.platform.outbound({
          method: req.method,
          host,
          pathname: url.pathname,
          account: this.account,
          workspace: this.events.workspace,
        })

        if (refusal) return ctx.refuse(refusal)
      }
    }

    if (host === 'infra.io.vtex.com') return this.infra(req, res, ctx)
    if (host === 'vtexid.vtex.com.br') return this.vtexid(req, res, ctx)
    if (host.endsWith('.vtexcommercestable.com.br')) {
      if (ctx.pathname === '/api/vtexid/pub/authenticated/user')
        return this.vtexid(req, res, ctx)
      if (
        /^\/api\/license-manager\/resources\/[^/]+\/access$/.test(ctx.pathname)
      )
        return this.resourceAccess(req, res, ctx)
      if (ctx.pathname.startsWith('/api/license-manager/'))
        return this.licenseManager(req, res, ctx)
      if (ctx.pathname.startsWith('/api/scheduler/'))
        return this.scheduler.handle(req, res, ctx)
      const refusal = this.platform.vtexPermission({
        method: req.method,
        pathname: ctx.pathname,
        appToken: req.headers.vtexidclientautcookie === this.credential,
      })

      if (refusal) return ctx.refuse(refusal)

      return this.vtex.handle(req, res, ctx)
    }

    if (host === 'api.vtextracking.com')
      return this.vtexTracking.handle(req, res, ctx)
    if (host === 'carrier.sandbox.local')
      return this.carrier.handle(req, res, ctx)
    if (ML_HOSTS.includes(host)) return this.mercadolivre.handle(req, res, ctx)
    if (AmazonEmulator.handles(host)) return this.amazon.handle(req, res, ctx)
    if (host === PARTNER_CONNECTOR.host)
      return this.partnerConnector.handle(req, res, ctx)
    if (host.endsWith('.sandbox.local'))
      return this.sandbox.handle(req, res, ctx)
    if (!absolute && url.pathname.startsWith('/_emulator/'))
      return this.control(req, res, ctx)
    this.unknownHosts.push(`${req.method} ${url.href}`)

    return send(res, 502, {
      message: `The local emulator does not serve ${host}${url.pathname}`,
    })
  }

  infra(req, res, ctx) {
    const m = /^\/(vbase|courier|apps)\/v\d+\/([^/]+)\/([^/]+)(\/.*)$/.exec(
      ctx.pathname
    )

    if (!m)
      return send(res, 404, { message: `Unknown infra route ${ctx.pathname}` })
    const [, service, account, workspace, rest] = m

    if (!req.headers.authorization && !req.headers['x-vtex-credential']) {
      return send(res, 401, { message: 'Missing credential' })
    }

    const s0 = /^\/apps\/([^/]+)\/settings$/.exec(rest)
    const refusal = this.platform.infra({
      service,
      method: req.method,
      appName: s0 ? decodeURIComponent(s0[1]).split('@')[0] : null,
      ownApp: this.appName,
    })

    if (refusal && ctx.refuse) return ctx.refuse(refusal)

    if (service === 'vbase')
      return this.vbase.handle(req, res, {
        account,
        workspace,
        rest,
        query: ctx.query,
        body: ctx.body,
      })
    if (service === 'courier') {
      const e = /^\/events\/(.+)$/.exec(rest)

      if (!e || req.method !== 'PUT')
        return send(res, 404, { message: 'Unknown courier route' })

      // An app's own events: IO delivers them by topic (service.json topics).
      return this.events.receive(res, {
        account,
        workspace,
        key: decodeURIComponent(e[1]),
        topic: decodeURIComponent(e[1]),
        body: ctx.body,
      })
    }

    const s = /^\/apps\/([^/]+)\/settings$/.exec(rest)

    if (!s) return send(res, 404, { message: `Unknown apps route ${rest}` })
    const appName = decodeURIComponent(s[1]).split('@')[0]

    if (req.method === 'GET') return send(res, 200, this.readSettings(appName))
    if (req.method === 'PUT') {
      this.writeSettings(appName, JSON.parse(ctx.body.toString('utf8')))

      return send(res, 200, this.readSettings(appName))
    }

    return send(res, 405, { message: 'Method not allowed' })
  }

  vtexid(req, res, ctx) {
    const token = ctx.query.get('authToken')
    const session = SESSIONS[token]

    if (ctx.pathname !== '/api/vtexid/pub/authenticated/user' || !session)
      return send(res, 200, null)

    return send(res, 200, {
      user: session.user,
      userId: session.userId,
      account: this.account,
    })
  }

  /**
   * License Manager's "can the user of this token access the resource"
   * (@vtex/api's LicenseManager.canAccessResource): 200 when the session's
   * user has it in this account, 403 otherwise.
   */
  resourceAccess(req, res, ctx) {
    const key = decodeURIComponent(ctx.pathname.split('/')[4])
    const session = SESSIONS[req.headers.vtexidclientautcookie]

    if (!session) return send(res, 401, { error: 'Invalid token' })
    if (ctx.query.get('an') && ctx.query.get('an') !== this.account)
      return send(res, 403, { error: 'Not a user of this account' })
    if (key === 'read-write-apps-settings' && session.canManageApps)
      return send(res, 200, {})

    return send(res, 403, { error: `No access to ${key}` })
  }

  licenseManager(req, res, ctx) {
    const m = /\/logins\/([^/]+)\/resources\/([^/]+)\/granted$/.exec(
      ctx.pathname
    )

    if (!m) return send(res, 404, { message: 'Unknown License Manager route' })
    const user = decodeURIComponent(m[1])
    const session = Object.values(SESSIONS).find((s) => s.user === user)

    return send(res, 200, Boolean(session && session.canManageApps))
  }

  control(req, res, ctx) {
    const json = () =>
      ctx.body.length ? JSON.parse(ctx.body.toString('utf8')) : {}

    if (ctx.pathname === '/_emulator/idle') {
      // Idle: no event waiting or being handled, and no job pending in the app's bucket (retries included).
      const jobs = this.vbase.list(
        `${this.account}/${this.events.workspace}/${this.appName}/logs`,
        { prefix: 'v2/job/', limit: 1000 }
      ).data.length

      return send(res, 200, {
        idle: this.events.idle() && jobs === 0,
        pending: this.events.pending.size,
        inFlight: this.events.inFlight,
        jobs,
      })
    }

    if (ctx.pathname.startsWith('/_emulator/vtex'))
      return this.vtexControl(req, res, ctx, json)
    if (ctx.pathname === '/_emulator/clock') {
      if (req.method === 'POST') {
        const { advanceHours = 0, advanceMs = 0 } = json()

        this.clock.offsetMs +=
          Number(advanceHours) * 3_600_000 + Number(advanceMs)

        // The worker follows the clock, then the schedules due by now run.
        return Promise.resolve(this.onClock(this.clock.offsetMs))
          .then(() => this.scheduler.runDue())
          .then(() =>
            send(res, 200, {
              now: new Date(this.clock.now()).toISOString(),
              offsetMs: this.clock.offsetMs,
            })
          )
      }

      return send(res, 200, {
        now: new Date(this.clock.now()).toISOString(),
        offsetMs: this.clock.offsetMs,
      })
    }

    if (ctx.pathname === '/_emulator/log') {
      const all = this.platform.log

      return send(
        res,
        200,
        ctx.query.get('refusals') ? all.filter((e) => e.rule) : all
      )
    }

    if (ctx.pathname === '/_emulator/limits') {
      if (req.method === 'POST') {
        const { timeoutMs } = json()

        this.router.timeoutMs = timeoutMs == null ? null : Number(timeoutMs)
      }

      return send(res, 200, { timeoutMs: this.router.effectiveTimeoutMs() })
    }

    if (ctx.pathname === '/_emulator/stats') {
      return send(res, 200, {
        vtexReads: this.vtex.reads,
        vbaseCalls: this.vbase.calls,
        vbaseConflicts: this.vbase.conflicts,
        vbaseConflictsByKind: this.vbase.conflictsByKind,
        events: {
          sent: this.events.sent,
          delivered: this.events.delivered,
          failed: this.events.failed,
        },
        sandbox: {
          requests: this.sandbox.requests,
          accepted: this.sandbox.accepted.length,
        },
        unknownHosts: this.unknownHosts,
      })
    }

    if (/^\/_emulator\/mercadolivre(\/|$)/.test(ctx.pathname))
      return this.mercadolivre.control(req, res, ctx)
    if (/^\/_emulator\/amazon(\/|$)/.test(ctx.pathname))
      return this.amazon.control(req, res, ctx)
    if (/^\/_emulator\/partner-connector(\/|$)/.test(ctx.pathname))
      return this.partnerConnector.control(req, res, ctx)
    if (ctx.pathname === '/_emulator/sandbox' && req.method === 'POST') {
      const { marketplace, ...patch } = json()

      try {
        return send(res, 200, this.sandbox.configure(marketplace, patch))
      } catch (e) {
        return send(res, 400, { message: e.message })
      }
    }

    if (ctx.pathname === '/_emulator/sandbox' && req.method === 'GET') {
      return send(res, 200, {
        config: Object.fromEntries(this.sandbox.config),
        unlisted: this.sandbox.unlisted,
      })
    }

    if (ctx.pathname === '/_emulator/sandbox/accepted')
      return send(res, 200, this.sandbox.accepted)
    if (ctx.pathname === '/_emulator/events' && req.method === 'POST') {
      const { delayMs, duplicate } = json()

      if (delayMs != null) this.events.delayMs = delayMs
      if (duplicate != null) this.events.duplicate = duplicate

      return send(res, 200, {
        delayMs: this.events.delayMs,
        duplicate: this.events.duplicate,
      })
    }

    if (ctx.pathname === '/_emulator/vbase' && req.method === 'POST') {
      const { latencyMs } = json()

      if (latencyMs != null) this.vbase.latencyMs = latencyMs

      return send(res, 200, { latencyMs: this.vbase.latencyMs })
    }

    if (ctx.pathname === '/_emulator/settings' && req.method === 'POST') {
      this.writeSettings(this.appName, json())

      return send(res, 200, this.readSettings(this.appName))
    }

    return send(res, 404, { message: `Unknown control route ${ctx.pathname}` })
  }

  /**
   * Changes in the store, as a person would make them in the VTEX Admin:
   * POST /_emulator/vtex/stock {skuId, quantity}, /product {skuId, name?, ean?},
   * /order {orderId, status, invoice?}; add "silent": true to change without
   * the notification. GET /_emulator/vtex lists SKUs and orders.
   * Channels (vtexChannelApi.js): /sell {marketplace, skuId?, quantity?,
   * status?}, /trade-policy {skuId, salesChannel, assigned}, /warehouse-stock
   * {skuId, warehouseId, quantity, reserved?, unlimited?}, /price {skuId,
   * priceTable?, price, listPrice?}; GET /_emulator/vtex/channels.
   */
  vtexControl(req, res, ctx, json) {
    if (req.method === 'GET' && ctx.pathname === '/_emulator/vtex') {
      const { skus, inventory, orders } = this.vtex.data

      return send(res, 200, {
        skus: Object.values(skus).map((s) => ({
          id: String(s.Id),
          name: s.NameComplete,
          ean: s.AlternateIds?.Ean ?? null,
          quantity: inventory[s.Id]?.totalQuantity ?? null,
        })),
        orders: Object.values(orders).map((o) => ({
          id: o.orderId,
          status: o.status,
          // Where it was sold: the marketplace's affiliate, or the store's own checkout.
          soldOn: o.affiliateId || (o.origin === 'Marketplace' ? 'site' : null),
          marketplaceOrderId: o.marketplaceOrderId || null,
        })),
      })
    }

    if (req.method === 'GET' && ctx.pathname === '/_emulator/vtex/channels')
      return send(res, 200, this.vtex.channels.summary())

    const action = {
      '/_emulator/vtex/stock': 'changeStock',
      '/_emulator/vtex/product': 'changeProduct',
      '/_emulator/vtex/order': 'changeOrder',
      '/_emulator/vtex/sell': 'sell',
      '/_emulator/vtex/trade-policy': 'changeTradePolicy',
      '/_emulator/vtex/warehouse-stock': 'changeWarehouseStock',
      '/_emulator/vtex/price': 'changePrice',
    }[ctx.pathname]

    if (!action || req.method !== 'POST')
      return send(res, 404, {
        message: `Unknown control route ${ctx.pathname}`,
      })
    try {
      const { silent, at, ...change } = json()

      return send(
        res,
        200,
        this.vtex[action](change, {
          silent: Boolean(silent),
          at: at || new Date().toISOString(),
        })
      )
    } catch (e) {
      return send(res, 400, { message: e.message })
    }
  }

  listen(port, account, { workspace = 'master' } = {}) {
    this.account = account
    this.vtex.account = account
    this.events.account = account
    this.events.workspace = workspace
    this.scheduler.start(account)
    this.server = keepAliveLongerThanClients(
      http.createServer((req, res) => {
        this.handle(req, res).catch((e) =>
          send(res, 500, { message: String((e && e.stack) || e) })
        )
      })
    )

    return new Promise((resolve) =>
      this.server.listen(port, '127.0.0.1', () =>
        resolve(this.server.address().port)
      )
    )
  }

  async close() {
    this.events.stop()
    this.scheduler.stop()
    this.vbase.flush()
    this.vtex.flush()
    if (this.server) {
      this.server.closeAllConnections()
      await new Promise((resolve) => this.server.close(resolve))
    }
  }
}

module.exports = { Emulator, SESSIONS }
