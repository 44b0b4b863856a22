import { Readable } from 'stream'

import type { EventContext } from '@vtex/api'

import type { Clients } from '../clients'
import type { AuthenticatedUser } from '../clients/vtexId'
import type { AppRoot } from '../composition/root'
import { rootOf } from '../composition/root'
import type { ScheduleDefinition } from '../domain/schedule'
import type { OmsOrder } from '../domain/vtex'
import { MemoryStorage } from './memoryStorage'

/**
 * A typed stand-in for the request context @vtex/api builds (as
 * vtex-apps/b2b-organizations-graphql tests its resolvers): `ctx.clients`
 * holds fake clients — VBase is one in-memory bucket with VBase's ETag
 * rules, every other client a jest.fn — so the composition root
 * (`rootOf(ctx.clients)`) builds the real object graph over them, and a test
 * either seeds the storage or replaces one of the root's services with
 * jest.spyOn on `rootOfMock(ctx)`.
 */
export interface FakeClients {
  storage: MemoryStorage
  logger: {
    info: jest.Mock
    warn: jest.Mock
    error: jest.Mock
    debug: jest.Mock
  }
  appSettings: jest.Mock<Promise<Record<string, unknown>>, [string]>
  sendEvent: jest.Mock<Promise<void>, [string, string, unknown]>
  schedulerGet: jest.Mock<
    Promise<ScheduleDefinition | null>,
    [string, string, string]
  >
  schedulerPut: jest.Mock<Promise<void>, [string, string, ScheduleDefinition]>
  vtexIdUser: jest.Mock<Promise<AuthenticatedUser | null>, [string]>
  canAccessResource: jest.Mock<Promise<boolean>, [string, string]>
  order: jest.Mock<Promise<OmsOrder | null>, [string]>
  trackingAuth: jest.Mock<
    Promise<{ authenticated: boolean; message?: string | null }>,
    [string, string]
  >
}

export interface MockOptions {
  /** What Apps › Settings holds for the app (merged under what VBase saved). */
  settings?: Record<string, unknown>
  /** Request headers (names in any case). */
  headers?: Record<string, string>
  cookies?: Record<string, string>
  query?: Record<string, string | string[]>
  method?: string
  /** The request body, streamed as `ctx.req`. */
  body?: string
  params?: Record<string, string>
}

/** The context a route or resolver receives, plus what the test looks at. */
export type MockContext = Context & {
  fakes: FakeClients
  /** Response headers set with ctx.set (lower-case names). */
  sent: Record<string, string>
}

let accounts = 0

/** Fake clients; a fresh account each, so no per-account cache (settings, schedule) leaks between tests. */
export function mockClients(options: Pick<MockOptions, 'settings'> = {}): {
  clients: Clients
  fakes: FakeClients
} {
  const storage = new MemoryStorage()
  const logger = {
    info: jest.fn(),
    warn: jest.fn(),
    error: jest.fn(),
    debug: jest.fn(),
  }

  const fakes: FakeClients = {
    storage,
    logger,
    appSettings: jest.fn(async (_app: string) => ({
      ...(options.settings ?? {}),
    })),
    sendEvent: jest.fn(
      async (_route: string, _key: string, _body: unknown) => undefined
    ),
    schedulerGet: jest.fn(
      async (_w: string, _a: string, _id: string) =>
        null as ScheduleDefinition | null
    ),
    schedulerPut: jest.fn(
      async (_w: string, _a: string, _s: ScheduleDefinition) => undefined
    ),
    vtexIdUser: jest.fn(
      async (_token: string) => null as AuthenticatedUser | null
    ),
    canAccessResource: jest.fn(
      async (_token: string, _resource: string) => false as boolean
    ),
    order: jest.fn(async (_id: string) => null as OmsOrder | null),
    trackingAuth: jest.fn(
      async (_user: string, _token: string) =>
        ({ authenticated: true } as {
          authenticated: boolean
          message?: string | null
        })
    ),
  }

  const account = `store${++accounts}`
  const clients = {
    ioContext: { account, workspace: 'master', logger },
    logStorage: { bucket: () => storage },
    apps: { getAppSettings: fakes.appSettings },
    events: { sendEvent: fakes.sendEvent },
    scheduler: { get: fakes.schedulerGet, put: fakes.schedulerPut },
    vtexId: { user: fakes.vtexIdUser },
    licenseManager: { canAccessResource: fakes.canAccessResource },
    oms: {
      order: fakes.order,
      putTracking: jest.fn(async () => undefined),
      patchInvoice: jest.fn(async () => undefined),
    },
    skuCatalog: {
      sku: jest.fn(async () => null),
      skuIdByRefId: jest.fn(async () => null),
      skuIdByEan: jest.fn(async () => null),
    },
    logistics: { inventory: jest.fn(async () => null) },
    vtexTracking: { auth: fakes.trackingAuth },
    carrierHttp: { gateway: () => null },
    marketplaceHttp: {
      send: jest.fn(async () => ({ status: 200, headers: {}, body: '' })),
    },
  }

  return { clients: clients as unknown as Clients, fakes }
}

/** A ServiceContext-shaped object for resolvers and routes (koa's request and response, the few parts the app reads). */
export function mockContext(options: MockOptions = {}): MockContext {
  const { clients, fakes } = mockClients(options)
  const headers = Object.fromEntries(
    Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])
  )

  const sent: Record<string, string> = {}
  const cookies = options.cookies ?? {}
  const ctx = {
    clients,
    fakes,
    sent,
    method: options.method ?? 'GET',
    query: options.query ?? {},
    req: Readable.from(options.body == null ? [] : [Buffer.from(options.body)]),
    status: 404,
    body: undefined as unknown,
    cookies: { get: (name: string) => cookies[name] },
    get: (name: string) => headers[name.toLowerCase()] ?? '',
    set: (name: string, value: string) => {
      sent[name.toLowerCase()] = value
    },
    acceptsEncodings: (...encodings: string[]) =>
      (headers['accept-encoding'] ?? '').includes('gzip')
        ? encodings[0]
        : encodings[encodings.length - 1],
    vtex: {
      account: clients.ioContext.account,
      workspace: 'master',
      logger: fakes.logger,
      route: { id: 'test', params: options.params ?? {} },
    },
  }

  return ctx as unknown as MockContext
}

/** What an IO event handler receives: the body, the sender, the fake clients. */
export function mockEventContext(
  body: unknown,
  options: Pick<MockOptions, 'settings'> = {}
): EventContext<Clients> & { fakes: FakeClients } {
  const { clients, fakes } = mockClients(options)

  return {
    body,
    clients,
    fakes,
    key: 'test.event',
    sender: 'vtex.test',
    vtex: {
      account: clients.ioContext.account,
      workspace: 'master',
      logger: fakes.logger,
    },
  } as unknown as EventContext<Clients> & { fakes: FakeClients }
}

/** The composition root the handler under test will get (one per ctx.clients). */
export const rootOfMock = (ctx: { clients: Clients }): AppRoot =>
  rootOf(ctx.clients)
