import type { Outcome } from '../../domain/log'
import { recordOutcome } from '../../domain/log'
import { mockContext, rootOfMock } from '../../test/mockContext'
import { T0, contractOf, seedLog } from '../../test/seed'
import { integrationLog } from './integrationLog'
import { integrationLogs } from './integrationLogs'

const key = (entityId: string, marketplace = 'amazon') => ({
  tab: 'PRODUCTS' as const,
  marketplace,
  entityId,
})

const noFilter = {
  tab: 'PRODUCTS' as const,
  status: null,
  marketplace: null,
  search: null,
  from: null,
  to: null,
  abnormalOnly: null,
  cause: null,
}

async function seeded() {
  const ctx = mockContext()
  const { logs } = rootOfMock(ctx)

  await seedLog(logs, key('1001'), 'ERROR')
  await seedLog(logs, key('1002'), 'SUCCESS')
  await seedLog(logs, key('1003', 'magalu'), 'ERROR')

  return ctx
}

describe('integrationLogs (query)', () => {
  it('lists the filter a page at a time and hands on the cursor', async () => {
    const ctx = await seeded()
    const first = await integrationLogs(
      {},
      { ...noFilter, status: 'ERROR', first: 1, after: null },
      ctx,
      {} as never
    )

    expect(first.data).toHaveLength(1)
    expect(first.data[0]).toMatchObject({ status: 'ERROR' })
    expect(first.pageInfo.hasNextPage).toBe(true)
    const second = await integrationLogs(
      {},
      {
        ...noFilter,
        status: 'ERROR',
        first: 1,
        after: first.pageInfo.endCursor,
      },
      ctx,
      {} as never
    )

    expect(
      [first.data[0].entityId, second.data[0].entityId].sort((a, b) =>
        a.localeCompare(b)
      )
    ).toEqual(['1001', '1003'])
    expect(second.pageInfo.hasNextPage).toBe(false)
  })

  it('counts the total only when PageInfo.total is asked for', async () => {
    const ctx = await seeded()
    const count = jest.spyOn(rootOfMock(ctx).logs, 'count')
    const page = await integrationLogs(
      {},
      { ...noFilter, marketplace: 'amazon', first: 20, after: null },
      ctx,
      {} as never
    )

    expect(count).not.toHaveBeenCalled()
    expect(
      page.data.map((r) => r.entityId).sort((a, b) => a.localeCompare(b))
    ).toEqual(['1001', '1002'])
    expect(await page.pageInfo.total()).toBe(2)
    expect(count).toHaveBeenCalledWith(
      expect.objectContaining({ tab: 'PRODUCTS', marketplace: 'amazon' })
    )
  })

  it('refuses an unknown status, a bad marketplace and a page size over 100 before listing', async () => {
    const ctx = mockContext()
    const list = jest.spyOn(rootOfMock(ctx).logs, 'list')
    const refused = (args: Partial<typeof noFilter> & { first?: number }) =>
      contractOf(() =>
        integrationLogs(
          {},
          { ...noFilter, after: null, ...args } as never,
          ctx,
          {} as never
        )
      )

    expect(await refused({ status: 'LOST' as never })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ARGUMENT',
    })
    expect(await refused({ marketplace: 'Amazon!' })).toMatchObject({
      code: 'BAD_USER_INPUT',
    })
    expect(await refused({ first: 101 })).toMatchObject({
      code: 'BAD_USER_INPUT',
    })
    expect(list).not.toHaveBeenCalled()
  })
})

describe('integrationLog (query)', () => {
  it('answers the log as the admin reads it, or null', async () => {
    const ctx = await seeded()
    const log = await integrationLog(
      {},
      { id: 'PRODUCTS:amazon:1001' },
      ctx,
      {} as never
    )

    expect(log).toMatchObject({
      id: 'PRODUCTS:amazon:1001',
      status: 'ERROR',
      message: 'HTTP 400: SKU 1001 has no price',
      timeline: [],
      latencyMs: null,
      reasonParams: null,
    })
    expect(
      await integrationLog({}, { id: 'PRODUCTS:amazon:404' }, ctx, {} as never)
    ).toBeNull()
  })

  it('refuses a malformed id with INVALID_LOG_ID', async () => {
    expect(
      await contractOf(() =>
        integrationLog({}, { id: 'amazon-1001' }, mockContext(), {} as never)
      )
    ).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_LOG_ID', fields: [] })
  })
})

describe('whether Reprocess is offered (decided by the service, read by the admin)', () => {
  const at = new Date(T0).toISOString()

  async function everyKind() {
    const ctx = await seeded()
    const { logs } = rootOfMock(ctx)
    const write = (entityId: string, outcome: Outcome, partner = false) => {
      const k = key(entityId)

      return logs.update(k, (cur) => ({
        ...recordOutcome(cur, k, { entityId }, outcome),
        ...(partner
          ? {
              partner: {
                messageId: `m-${entityId}`,
                operation: 'Price update',
                direction: 'VTEX to Marketplace',
                translated: null,
                destination: null,
                fingerprint: 'f',
                day: '2026-11-20',
              },
            }
          : {}),
      }))
    }

    const base = { origin: null, at, trigger: 'CHANGE' as const }

    await write('2001', {
      ...base,
      status: 'PENDING',
      message: 'Accepted, processing',
      followUp: { ref: 'sub-1', afterMs: 60_000 },
    })
    await write('2002', {
      ...base,
      status: 'ALERT',
      message: 'Listing paused',
      action: 'LISTING_PAUSED',
    })
    await write('2003', { ...base, status: 'ERROR', message: 'Refused' }, true)

    return ctx
  }

  it("rows: only the bridge's own errors, from the row alone (no log read)", async () => {
    const ctx = await everyKind()
    const get = jest.spyOn(rootOfMock(ctx).logs, 'get')
    const page = await integrationLogs(
      {},
      { ...noFilter, first: 20, after: null },
      ctx,
      {} as never
    )

    expect(
      Object.fromEntries(page.data.map((r) => [r.entityId, r.canReprocess]))
    ).toEqual({
      '1001': true,
      '1002': false,
      '1003': true,
      '2001': false,
      '2002': false,
      '2003': false,
    })
    expect(get).not.toHaveBeenCalled()
  })

  it('the detail says why not, as a stable reason', async () => {
    const ctx = await everyKind()
    const reasonOf = async (entityId: string) => {
      const log = await integrationLog(
        {},
        { id: `PRODUCTS:amazon:${entityId}` },
        ctx,
        {} as never
      )

      return [log?.canReprocess, log?.notReprocessableReason]
    }

    expect(await reasonOf('1001')).toEqual([true, null])
    expect(await reasonOf('1002')).toEqual([false, 'ALREADY_SUCCEEDED'])
    expect(await reasonOf('2001')).toEqual([false, 'AWAITING_MARKETPLACE'])
    expect(await reasonOf('2002')).toEqual([false, 'STORE_MUST_ACT'])
    expect(await reasonOf('2003')).toEqual([false, 'PARTNER_LOG'])
  })

  it('says whether what was sent and answered is kept (not for successes)', async () => {
    const ctx = await seeded()
    const kept = async (entityId: string) =>
      (
        await integrationLog(
          {},
          { id: `PRODUCTS:amazon:${entityId}` },
          ctx,
          {} as never
        )
      )?.exchangeKept

    expect(await kept('1001')).toBe(true)
    expect(await kept('1002')).toBe(false)
  })
})
