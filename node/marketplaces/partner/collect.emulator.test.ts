/**
 * Collecting a partner connector's logs from the sample connector
 * (local/emulator/partnerConnector) as the schedule will: the plan's days,
 * one request each, records kept by their idempotency key.
 */
import type { PartnerLogRecord } from './messages'
import { collectDay } from './collect'
import { collectionPlan } from './plan'
import type { PartnerConnectorConfig } from './settings'
import { ConnectorTransport } from './testing/connectorTransport'
import type { ConnectorServer } from './testing/connectorTransport'

interface SampleConnector extends ConnectorServer {
  add(day: string | null, messages: Array<Record<string, unknown>>): unknown
  mode: string
  served: number
}

interface ConnectorModule {
  SamplePartnerConnector: new (o: {
    clock: { now(): number }
    account?: string
  }) => SampleConnector
  PARTNER_CONNECTOR: {
    host: string
    appKey: string
    appToken: string
    bearer: string
  }
}

// The sample connector is plain CommonJS outside node/ (local runtime only).
// eslint-disable-next-line @typescript-eslint/no-var-requires, @typescript-eslint/no-require-imports
const connectorModule: ConnectorModule = require('../../../local/emulator/partnerConnector')

const { SamplePartnerConnector, PARTNER_CONNECTOR: P } = connectorModule

const now = Date.parse('2026-05-04T15:00:00Z')
const config: PartnerConnectorConfig = {
  logBaseUrl: `http://${P.host}`,
  auth: 'appKey',
  appKey: P.appKey,
  appToken: P.appToken,
  bearerToken: null,
  statuses: ['Success', 'Error', 'Alert', 'Pending'],
  lookbackDays: 2,
}

const target = { account: 'bridgedemo', marketplace: 'partner-shop' }

/** One run of the schedule: every planned day, records upserted by key (as the log store will). */
async function collectRun(
  http: ConnectorTransport,
  c: PartnerConnectorConfig,
  store: Map<string, PartnerLogRecord>
) {
  const plan = collectionPlan({
    now,
    lookbackDays: c.lookbackDays,
    statuses: c.statuses,
    completeThrough: null,
  })

  let written = 0

  for (const planned of plan.requests) {
    const day = await collectDay(http, c, target, planned)

    if (!day.ok) throw new Error(day.reason)
    for (const r of day.records) {
      if (store.get(r.key)?.fingerprint !== r.fingerprint) written++
      store.set(r.key, r)
    }
  }

  return written
}

describe("a partner connector's logs", () => {
  it('appear once each, in the right tabs, with every status, also when collected twice', async () => {
    const connector = new SamplePartnerConnector({
      clock: { now: () => now },
      account: 'bridgedemo',
    })

    const http = new ConnectorTransport(connector)
    const store = new Map<string, PartnerLogRecord>()

    expect(await collectRun(http, config, store)).toBe(28)
    expect(http.sent.map((r) => r.url)).toEqual([
      `http://${P.host}/bridgedemo/logs/?DateAt=2026-05-03&status=all`,
      `http://${P.host}/bridgedemo/logs/?DateAt=2026-05-04&status=all`,
    ])
    expect(http.sent[0].headers).toMatchObject({
      'x-vtex-api-appkey': P.appKey,
      'x-vtex-api-apptoken': P.appToken,
    })
    const records = [...store.values()]
    const count = (f: (r: PartnerLogRecord) => string) =>
      records.reduce<Record<string, number>>(
        (acc, r) => ({ ...acc, [f(r)]: (acc[f(r)] ?? 0) + 1 }),
        {}
      )

    expect(count((r) => r.tab)).toEqual({
      PRODUCTS: 12,
      INVENTORY: 4,
      TRACKING: 12,
    })
    expect(count((r) => r.status)).toEqual({
      SUCCESS: 8,
      ERROR: 8,
      ALERT: 8,
      PENDING: 4,
    })
    expect(
      records.find(
        (r) => r.operation === 'Invoice sending' && r.day === '2026-05-03'
      )
    ).toMatchObject({
      tab: 'TRACKING',
      entityId: '1300000000000-01',
      status: 'ERROR',
      businessMessage: 'Chave da nota fiscal inválida.',
    })
    expect(
      records.find(
        (r) => r.operation === 'Catalog change' && r.day === '2026-05-04'
      )?.entityId
    ).toBe('1006')

    // The next run finds the same messages: nothing new to write.
    expect(await collectRun(http, config, store)).toBe(0)
    expect(store.size).toBe(28)

    // The connector settles a pending message: the same log, rewritten once.
    const pending = records.find(
      (r) => r.status === 'PENDING' && r.day === '2026-05-04'
    )!

    connector.add('2026-05-04', [
      {
        id: pending.messageId,
        Operation: 'Inventory update',
        Status: 'Success',
        BusinessMessage: 'Estoque atualizado.',
      },
    ])
    expect(await collectRun(http, config, store)).toBe(1)
    expect(store.get(pending.key)).toMatchObject({
      status: 'SUCCESS',
      businessMessage: 'Estoque atualizado.',
    })
    expect(store.size).toBe(28)
  })

  it('asks only the statuses the store chose, with a bearer token when so configured', async () => {
    const connector = new SamplePartnerConnector({ clock: { now: () => now } })
    const http = new ConnectorTransport(connector)
    const day = await collectDay(
      http,
      {
        ...config,
        auth: 'bearer',
        appKey: null,
        appToken: null,
        bearerToken: P.bearer,
        statuses: ['Error', 'Alert'],
      },
      target,
      { dateAt: '2026-05-04', status: 'error,alert' }
    )

    expect(
      day.ok &&
        [...new Set(day.records.map((r) => r.status))].sort((a, b) =>
          a.localeCompare(b)
        )
    ).toEqual(['ALERT', 'ERROR'])
    expect(http.sent[0].headers).toEqual({
      accept: 'application/json',
      authorization: `Bearer ${P.bearer}`,
    })
  })

  it('says why a day could not be collected, and whether to try again', async () => {
    const connector = new SamplePartnerConnector({
      clock: { now: () => now },
      account: 'bridgedemo',
    })

    const http = new ConnectorTransport(connector)
    const planned = { dateAt: '2026-05-04', status: 'all' }
    const reason = async (
      c: PartnerConnectorConfig,
      account = 'bridgedemo'
    ) => {
      const r = await collectDay(http, c, { ...target, account }, planned)

      return r.ok ? 'ok' : `${r.reason}${r.transient ? ' (transient)' : ''}`
    }

    expect(await reason({ ...config, appToken: 'wrong' })).toBe(
      'PARTNER_LOGS_REFUSED'
    )
    expect(await reason(config, 'otherstore')).toBe('PARTNER_LOGS_NOT_FOUND')
    connector.mode = 'down'
    expect(await reason(config)).toBe('PARTNER_LOGS_UNAVAILABLE (transient)')
    connector.mode = 'malformed'
    const malformed = await collectDay(http, config, target, planned)

    expect(malformed).toMatchObject({
      ok: false,
      reason: 'PARTNER_LOGS_MALFORMED',
      exchange: { response: { status: 200, body: '<html>maintenance</html>' } },
    })
    // The exchange kept for the log never carries the credentials.
    expect(JSON.stringify(malformed)).not.toContain(P.appToken)
  })
})
