'use strict'

/** Unit tests of scripts/check-outbound.js on small made-up apps. */
const assert = require('node:assert/strict')
const fs = require('fs')
const os = require('os')
const path = require('path')
const test = require('node:test')

const { checkOutbound } = require('./check-outbound')

const BASE_POLICIES = [
  { name: 'colossus-write-logs' },
  {
    name: 'outbound-access',
    attrs: { host: 'api.partner.com', path: '/v1/*' },
  },
]

/** A throwaway app: manifest policies and node/clients files. */
function app({
  policies = BASE_POLICIES,
  clients = {},
  connectors,
  marketplaces = {},
} = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-outbound-'))

  fs.mkdirSync(path.join(root, 'node', 'clients'), { recursive: true })
  fs.writeFileSync(
    path.join(root, 'manifest.json'),
    JSON.stringify({ vendor: 'acme', name: 'x', version: '0.1.0', policies })
  )
  for (const [file, src] of Object.entries(clients))
    fs.writeFileSync(path.join(root, 'node', 'clients', file), src)
  for (const [file, src] of Object.entries(marketplaces)) {
    fs.mkdirSync(path.dirname(path.join(root, 'node', 'marketplaces', file)), {
      recursive: true,
    })
    fs.writeFileSync(path.join(root, 'node', 'marketplaces', file), src)
  }
  if (connectors)
    fs.writeFileSync(
      path.join(root, 'outbound-connectors.json'),
      JSON.stringify({ urls: connectors })
    )

  return root
}

const external = (url, call = "this.http.get('/things')") => `
import { ExternalClient } from '@vtex/api'
import { throughIoProxy } from './outbound'

const BASE = throughIoProxy('${url}')

export class Partner extends ExternalClient {
  constructor(context, options) {
    super(BASE.url, context, { ...options, headers: BASE.headers })
  }

  public things() {
    return ${call}
  }
}
`

test('the app as it is passes', () => {
  const { problems, report } = checkOutbound()

  assert.deepEqual(problems, [])
  assert.ok(report.length >= 10)
})

test('a client calling a covered host passes', () => {
  const { problems } = checkOutbound(
    app({ clients: { 'partner.ts': external('https://api.partner.com/v1') } })
  )

  assert.deepEqual(problems, [])
})

test('a new client calling a host the manifest does not cover fails', () => {
  const { problems } = checkOutbound(
    app({
      clients: {
        'partner.ts': external('https://api.partner.com/v1'),
        'uncovered.ts': external('https://api.uncovered.com/v2').replace(
          'class Partner',
          'class Uncovered'
        ),
      },
    })
  )

  assert.equal(problems.length, 1)
  assert.match(
    problems[0],
    /Uncovered .* calls api\.uncovered\.com\/v2\/things: no outbound-access policy covers it/
  )
})

test('a path outside the declared path fails too', () => {
  const { problems } = checkOutbound(
    app({ clients: { 'partner.ts': external('https://api.partner.com/v2') } })
  )

  assert.ok(problems.some((p) => /api\.partner\.com\/v2\/things/.test(p)))
})

test('a VTEX endpoint without its License Manager policy fails, and an unknown one too', () => {
  const janus = `
import { JanusClient } from '@vtex/api'

const path = (id: string) => \`/api/oms/pvt/orders/\${id}\`

export class Orders extends JanusClient {
  public tracking(id: string) {
    return this.http.put(\`\${path(id)}/invoice/1/tracking\`, {})
  }

  public other() {
    return this.http.get('/api/unknown/pvt/thing')
  }
}
`

  const { problems } = checkOutbound(
    app({
      policies: [
        ...BASE_POLICIES,
        { name: 'OMSViewer' },
        {
          name: 'outbound-access',
          attrs: { host: 'portal.vtexcommercestable.com.br', path: '/api/*' },
        },
      ],
      clients: {
        'partner.ts': external('https://api.partner.com/v1'),
        'orders.ts': janus,
      },
    })
  )

  assert.ok(
    problems.some((p) =>
      /Update order tracking status .*none of its policies ShippingAction/.test(
        p
      )
    ),
    problems.join('\n')
  )
  assert.ok(
    problems.some((p) =>
      /\/api\/unknown\/pvt\/thing, which local\/emulator\/permissions\.js does not list/.test(
        p
      )
    )
  )
})

test('a declared host no code calls fails (stale policy)', () => {
  const { problems } = checkOutbound(app())

  assert.deepEqual(problems, [
    'manifest.json declares outbound-access api.partner.com/v1/*, which no code calls: remove it',
  ])
})

test('a client with no knowable host fails; a merchant one needs its connectors declared', () => {
  const merchant = `
import { ExternalClient } from '@vtex/api'
import { throughIoProxy } from './outbound'

/** Connector. @outbound merchant settings.baseUrl */
export class Connector extends ExternalClient {
  constructor(context, options) {
    super('', context, options)
  }

  public send(url: string) {
    return this.http.put(throughIoProxy(url).url, {})
  }
}
`

  const unknown = merchant.replace('@outbound merchant', '')
  const bad = checkOutbound(
    app({
      clients: {
        'partner.ts': external('https://api.partner.com/v1'),
        'c.ts': unknown,
      },
    })
  ).problems

  assert.ok(bad.some((p) => /cannot tell which host it calls/.test(p)))

  const undeclared = checkOutbound(
    app({
      clients: {
        'partner.ts': external('https://api.partner.com/v1'),
        'c.ts': merchant,
      },
      connectors: ['https://connector.shop.com/bridge'],
    })
  ).problems

  assert.deepEqual(undeclared, [
    'outbound-connectors.json lists https://connector.shop.com/bridge but manifest.json has no outbound-access connector.shop.com/bridge/* (npm run connector-host -- add https://connector.shop.com/bridge)',
  ])
})

test("a marketplace kind's fixed hosts (@outbound fixed) need their policies; one without is reported", () => {
  const kind = {
    'shop/config.ts': `
/** The API. @outbound fixed */
export const API = 'https://api.shop.example'

/** @outbound fixed — regional hosts */
export const REGIONS: Record<string, string> = {
  A: 'https://a.shop.example',
  B: 'https://b.shop.example',
}
`,
  }

  const covered = [
    ...BASE_POLICIES,
    ...['api.shop.example', 'a.shop.example', 'b.shop.example'].map((host) => ({
      name: 'outbound-access',
      attrs: { host, path: '/*' },
    })),
  ]

  assert.deepEqual(
    checkOutbound(
      app({
        policies: covered,
        clients: { 'partner.ts': external('https://api.partner.com/v1') },
        marketplaces: kind,
      })
    ).problems,
    []
  )
  const { problems } = checkOutbound(
    app({
      policies: covered.filter((p) => p.attrs?.host !== 'b.shop.example'),
      clients: { 'partner.ts': external('https://api.partner.com/v1') },
      marketplaces: kind,
    })
  )

  assert.deepEqual(problems, [
    'REGIONS (node/marketplaces/shop/config.ts) calls b.shop.example/*: no outbound-access policy covers it',
  ])
})
