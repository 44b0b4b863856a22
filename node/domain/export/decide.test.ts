import type { IntegrationLog } from '../log'
import type { LogKey } from '../logId'
import type { ExportInput, TargetView } from './decide'
import { alreadyRecorded, decideExport } from './decide'

const market: TargetView = {
  kind: 'marketplace',
  name: 'Acme',
  operations: ['PRODUCT', 'STOCK', 'TRACKING'],
}

const stockKey: LogKey = {
  tab: 'INVENTORY',
  marketplace: 'acme',
  entityId: '42',
}

const exportJob = (over: Partial<ExportInput['job']> = {}) => ({
  id: 'e.1',
  kind: 'EXPORT' as const,
  changedAt: '2026-11-20T10:00:00.000Z',
  stockOnly: true,
  ...over,
})

const logWith = (over: Partial<IntegrationLog>): IntegrationLog =>
  ({
    id: 'INVENTORY:acme:42',
    tab: 'INVENTORY',
    marketplace: 'acme',
    entityId: '42',
    status: 'SUCCESS',
    message: 'Accepted by Acme',
    processedAt: '2026-11-20T09:00:00.000Z',
    createdAt: '2026-11-20T09:00:00.000Z',
    changedAt: '2026-11-20T09:00:00.000Z',
    attempts: 1,
    payload: { quantity: 20 },
    lastAccepted: { quantity: 20 },
    history: [],
    ...over,
  } as IntegrationLog)

const balance = (quantity: number) => ({
  tab: 'INVENTORY' as const,
  inventory: {
    skuId: '42',
    balance: [
      { warehouseId: '1_1', totalQuantity: quantity, reservedQuantity: 0 },
    ],
  },
})

describe('the export decision', () => {
  it('asks for VTEX only when a send may follow, then sends the operation', () => {
    const input: ExportInput = {
      job: exportJob(),
      key: stockKey,
      log: null,
      target: market,
    }

    expect(decideExport(input)).toEqual({ kind: 'read', tab: 'INVENTORY' })
    expect(decideExport({ ...input, vtex: balance(3) })).toEqual({
      kind: 'send',
      payload: { quantity: 3 },
      operation: { type: 'STOCK', skuId: '42', quantity: 3, listing: null },
    })
  })

  it('the ≤ 5 rule: a stock-only change between balances above 5 is skipped', () => {
    const input: ExportInput = {
      job: exportJob(),
      key: stockKey,
      log: logWith({}),
      target: market,
      vtex: balance(18),
    }

    expect(decideExport(input)).toEqual({
      kind: 'skip',
      reason: 'stock 20→18 is above the 5-unit rule',
    })
    // Not stock-only (e.g. a catalog change): sent as it is.
    expect(
      decideExport({ ...input, job: exportJob({ stockOnly: false }) })
    ).toMatchObject({
      kind: 'send',
    })
    // Down to 5: sent.
    expect(decideExport({ ...input, vtex: balance(5) })).toMatchObject({
      kind: 'send',
    })
  })

  it('a reprocess is never skipped: what an export would skip is invalid, with the reason', () => {
    const log = logWith({
      status: 'QUEUED',
      jobId: 'r.1',
    } as Partial<IntegrationLog>)

    expect(
      decideExport({
        job: exportJob({ id: 'r.1', kind: 'REPROCESS' }),
        key: stockKey,
        log,
        target: { ...market, operations: ['PRODUCT'] },
        vtex: balance(3),
      })
    ).toEqual({ kind: 'invalid', reason: 'Acme does not take STOCK updates' })
  })

  it('a reprocess the log no longer waits for is superseded', () => {
    const log = logWith({
      status: 'QUEUED',
      jobId: 'r.2',
    } as Partial<IntegrationLog>)

    expect(
      decideExport({
        job: exportJob({ id: 'r.1', kind: 'REPROCESS' }),
        key: stockKey,
        log,
        target: market,
      })
    ).toEqual({ kind: 'superseded' })
  })

  it('an export of a change already recorded is a duplicate', () => {
    const log = logWith({ changedAt: '2026-11-20T10:00:00.000Z' })

    expect(alreadyRecorded(exportJob(), log)).toBe(true)
    expect(
      decideExport({ job: exportJob(), key: stockKey, log, target: market })
    ).toEqual({ kind: 'duplicate' })
  })

  it('no target is not configured; one of VTEX’s systems replays its own update', () => {
    const input: ExportInput = {
      job: exportJob(),
      key: stockKey,
      log: null,
      target: null,
    }

    expect(decideExport(input)).toEqual({ kind: 'not-configured' })
    expect(decideExport({ ...input, target: { kind: 'system' } })).toEqual({
      kind: 'replay',
    })
  })

  it('an entity VTEX no longer has is invalid (recorded as an error)', () => {
    expect(
      decideExport({
        job: exportJob(),
        key: stockKey,
        log: null,
        target: market,
        vtex: { tab: 'INVENTORY', inventory: null },
      })
    ).toEqual({
      kind: 'invalid',
      reason: 'SKU 42 has no inventory in VTEX logistics.',
    })
  })

  it('an export skips what the marketplace already has', () => {
    expect(
      decideExport({
        job: exportJob({ stockOnly: false }),
        key: stockKey,
        log: logWith({ lastAccepted: { quantity: 3 } }),
        target: market,
        vtex: balance(3),
      })
    ).toEqual({ kind: 'skip', reason: 'unchanged' })
  })
})
