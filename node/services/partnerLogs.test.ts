/**
 * A partner connector's logs collected into the log store, from the sample
 * connector (local/emulator/partnerConnector), as the maintenance pass does.
 */
import { COLLECTION_ENTITY } from '../domain/partnerLog'
import { canReprocess } from '../domain/log'
import type { PartnerConnectorConfig } from '../marketplaces/partner/settings'
import { ConnectorTransport } from '../marketplaces/partner/testing/connectorTransport'
import type { ConnectorServer } from '../marketplaces/partner/testing/connectorTransport'
import { MemoryStorage } from '../test/memoryStorage'
import { LogStore } from './logStore'
import { collectPartnerLogs, partnerCursorPath } from './partnerLogs'

interface SampleConnector extends ConnectorServer {
  add(day: string | null, messages: Array<Record<string, unknown>>): unknown
  mode: string
}

// The sample connector is plain CommonJS outside node/ (local runtime only).
// eslint-disable-next-line @typescript-eslint/no-var-requires, @typescript-eslint/no-require-imports
const connectorModule = require('../../local/emulator/partnerConnector')

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

const marketplace = { id: 'partner-shop', name: 'Loja Parceira', config }

function setup() {
  const connector: SampleConnector = new SamplePartnerConnector({
    clock: { now: () => now },
    account: 'bridgedemo',
  })

  const kv = new MemoryStorage()
  const logs = new LogStore(kv, () => now, 0)
  const deps = {
    kv,
    logs,
    http: new ConnectorTransport(connector),
    account: 'bridgedemo',
    now: () => now,
  }

  const total = async () => {
    let n = 0

    for (const tab of ['PRODUCTS', 'INVENTORY', 'TRACKING'] as const)
      n += (await logs.overview(tab)).total

    return n
  }

  return { connector, kv, logs, deps, total }
}

describe("a partner connector's logs in the log store", () => {
  it('appear once each in the right tabs with their statuses, also when collected twice; never reprocessable', async () => {
    const s = setup()
    const first = await collectPartnerLogs(s.deps, marketplace)

    expect(first).toMatchObject({ failure: null, rejected: 0 })
    expect(first.written).toBeGreaterThan(0)
    const count = await s.total()

    // One log per message (28 in the sample connector's two days).
    expect(first.written).toBe(28)
    expect(count).toBe(28)
    const byStatus = async (tab: 'PRODUCTS' | 'INVENTORY' | 'TRACKING') =>
      (await s.logs.overview(tab)).byStatus

    // Every status of the sample connector, in the tabs of their operations.
    const all = [
      await byStatus('PRODUCTS'),
      await byStatus('INVENTORY'),
      await byStatus('TRACKING'),
    ]

    for (const status of ['SUCCESS', 'ERROR', 'ALERT', 'PENDING'] as const)
      expect(all.reduce((n, b) => n + b[status], 0)).toBeGreaterThan(0)
    expect((await byStatus('TRACKING')).ERROR).toBeGreaterThan(0)

    const again = await collectPartnerLogs(s.deps, marketplace)

    expect(again).toMatchObject({ written: 0, failure: null })
    expect(await s.total()).toBe(count)
    expect(await s.kv.get(partnerCursorPath('partner-shop'))).toMatchObject({
      data: { completeThrough: '2026-05-02' },
    })

    const page0 = await s.logs.list({
      tab: 'TRACKING',
      search: '1300000000000-01',
      first: 10,
    })

    const invoice = await s.logs.get(
      page0.data.find((r) => r.status === 'ERROR')!.id
    )

    expect(invoice).toMatchObject({
      businessMessage: expect.any(String),
      partner: { operation: expect.any(String), direction: expect.any(String) },
      history: [expect.objectContaining({ trigger: 'COLLECTED' })],
    })
    expect(invoice && canReprocess(invoice)).toBe(false)
    const page = await s.logs.list({ tab: 'TRACKING', first: 50 })

    expect(page.data.every((r) => r.fromPartner)).toBe(true)
  })

  it('a rewritten message updates its log (Pending → Success); a refused collection is one error log, cleared by the next good run', async () => {
    const s = setup()

    s.connector.add('2026-05-04', [
      {
        id: 'p-900',
        Operation: 'Stock update',
        Direction: 'VTEX to Marketplace',
        ContentSource: '{"skuId":"9001","quantity":2}',
        ContentTransalted: '{"sku":"9001","qty":2}',
        ContentDestination: null,
        BusinessMessage: 'Na fila do marketplace.',
        Status: 'Pending',
      },
    ])
    await collectPartnerLogs(s.deps, marketplace)
    const key = {
      tab: 'INVENTORY' as const,
      marketplace: 'partner-shop',
      entityId: '9001.p-900',
    }

    expect((await s.logs.getByKey(key))?.status).toBe('PENDING')
    expect((await s.logs.getByKey(key))?.pending).toBeNull()

    s.connector.add('2026-05-04', [
      {
        id: 'p-900',
        Operation: 'Stock update',
        Direction: 'VTEX to Marketplace',
        ContentSource: '{"skuId":"9001","quantity":2}',
        ContentTransalted: '{"sku":"9001","qty":2}',
        ContentDestination: '{"ok":true}',
        BusinessMessage: 'Estoque atualizado.',
        Status: 'Success',
      },
    ])
    expect((await collectPartnerLogs(s.deps, marketplace)).written).toBe(1)
    expect(await s.logs.getByKey(key)).toMatchObject({
      status: 'SUCCESS',
      businessMessage: 'Estoque atualizado.',
      partner: { destination: '{"ok":true}' },
    })

    const refused = {
      ...marketplace,
      config: { ...config, appToken: 'wrong-token-0123456789' },
    }

    const collection = {
      tab: 'PRODUCTS' as const,
      marketplace: 'partner-shop',
      entityId: COLLECTION_ENTITY,
    }

    expect(await collectPartnerLogs(s.deps, refused)).toMatchObject({
      failure: 'PARTNER_LOGS_REFUSED',
    })
    await collectPartnerLogs(s.deps, refused)
    const failed = await s.logs.getByKey(collection)

    expect(failed).toMatchObject({ status: 'ERROR', attempts: 1 })
    expect(failed?.message).toMatch(/PARTNER_LOGS_REFUSED \(HTTP 401\)/)
    expect(failed && canReprocess(failed)).toBe(false)

    await collectPartnerLogs(s.deps, marketplace)
    expect((await s.logs.getByKey(collection))?.status).toBe('SUCCESS')
  })
})
