import http from 'http'
import type { AddressInfo } from 'net'

import type { IOContext } from '@vtex/api'

import { Affiliates } from './affiliates'
import { LogisticsConfig } from './logisticsConfig'
import { Pricing } from './pricing'
import { SalesChannels } from './salesChannels'

/**
 * The clients over real HTTP: @vtex/api sends through HTTP_PROXY, as IO's
 * proxy (and the local emulator) receive them; this proxy answers as VTEX
 * documents and records what was asked.
 */
let server: http.Server
const seen: Array<{ url: string; token: string | undefined }> = []
let answer: (url: URL) => { status: number; body: unknown }

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '')

    seen.push({
      url: `${url.host}${url.pathname}${url.search}`,
      token: req.headers.vtexidclientautcookie as string | undefined,
    })
    const { status, body } = answer(url)

    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo

  process.env.HTTP_PROXY = `http://127.0.0.1:${port}`
  process.env.http_proxy = process.env.HTTP_PROXY
})

afterAll(async () => {
  delete process.env.HTTP_PROXY
  delete process.env.http_proxy
  await new Promise((r) => server.close(r))
})

beforeEach(() => {
  seen.length = 0
})

const context = {
  account: 'bridgedemo',
  workspace: 'master',
  authToken: 'app-token',
  region: 'aws-us-east-1',
  userAgent: 'marketplace-bridge-test',
  production: false,
  logger: { warn() {}, error() {}, info() {}, debug() {}, log() {} },
  tracer: { isTraceSampled: false },
} as unknown as IOContext

const opts = { retries: 0, timeout: 5000 }

test('reads a computed price with the app token, and null when Pricing has none', async () => {
  answer = (u) =>
    u.pathname.endsWith('/1003/computed/2')
      ? {
          status: 200,
          body: {
            tradePolicyId: '2',
            listPrice: 150,
            sellingPrice: 129.9,
            priceValidUntil: '2027-01-01T00:00:00Z',
          },
        }
      : { status: 404, body: { message: 'not found' } }
  const pricing = new Pricing(context, opts)

  expect(await pricing.computed('1003', '2')).toMatchObject({
    sellingPrice: 129.9,
  })
  expect(await pricing.computed('1006', '2')).toBeNull()
  expect(seen[0]).toEqual({
    url: 'portal.vtexcommercestable.com.br/api/pricing/prices/1003/computed/2?an=bridgedemo',
    token: 'app-token',
  })
})

test('lists trade policies and affiliates with the admin’s token', async () => {
  answer = (u) => ({
    status: 200,
    body: u.pathname.includes('affiliates')
      ? [{ id: 'MLB', name: 'Mercado Livre', salesChannel: '2' }]
      : [{ Id: 2, Name: 'Mercado Livre', IsActive: true, CurrencyCode: 'BRL' }],
  })

  expect(await new SalesChannels(context, opts).list('admin-session')).toEqual([
    { Id: 2, Name: 'Mercado Livre', IsActive: true, CurrencyCode: 'BRL' },
  ])
  expect(
    (await new Affiliates(context, opts).list('admin-session'))[0].id
  ).toBe('MLB')
  expect(seen.map((s) => s.token)).toEqual(['admin-session', 'admin-session'])
  expect(seen.map((s) => s.url.split('?')[0])).toEqual([
    'portal.vtexcommercestable.com.br/api/catalog_system/pvt/saleschannel/list',
    'portal.vtexcommercestable.com.br/api/fulfillment/pvt/affiliates',
  ])
})

test('pages through the SKU ids of a trade policy until a short page', async () => {
  answer = (u) => {
    const page = Number(u.searchParams.get('page'))

    return {
      status: 200,
      body:
        page === 1
          ? Array.from({ length: 1000 }, (_, i) => 1000 + i)
          : [5000, 5001],
    }
  }

  const ids = await new SalesChannels(context, opts).skuIds('3')

  expect(ids).toHaveLength(1002)
  expect(
    seen.map((s) => new URL(`http://${s.url}`).searchParams.toString())
  ).toEqual([
    'sc=3&page=1&pageSize=1000&onlyAssigned=false&an=bridgedemo',
    'sc=3&page=2&pageSize=1000&onlyAssigned=false&an=bridgedemo',
  ])
  expect(seen[0].token).toBe('app-token')
})

test('reads docks and warehouses', async () => {
  answer = (u) => ({
    status: 200,
    body: u.pathname.endsWith('docks')
      ? [{ id: '1_1', name: 'CD', salesChannels: ['1', '2'] }]
      : [{ id: '1_1', name: 'Principal', warehouseDocks: [{ dockId: '1_1' }] }],
  })
  const logistics = new LogisticsConfig(context, opts)

  expect((await logistics.docks())?.[0].salesChannels).toEqual(['1', '2'])
  expect((await logistics.warehouses())?.[0].warehouseDocks).toEqual([
    { dockId: '1_1' },
  ])
})
