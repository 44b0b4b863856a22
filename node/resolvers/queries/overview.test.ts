import { OMS_LOG } from '../../services/carrier'
import { VTEX_TRACKING_LOG } from '../../domain/vtexTracking'
import { mockContext, rootOfMock } from '../../test/mockContext'
import { contractOf, seedLog } from '../../test/seed'
import { errorGroupPage, errorGroups } from './errorGroups'
import { integrationOverview } from './integrationOverview'
import { marketplaces } from './marketplaces'

const key = (entityId: string, marketplace = 'amazon') => ({
  tab: 'INVENTORY' as const,
  marketplace,
  entityId,
})

describe('integrationOverview (query)', () => {
  it('presents the tab counts by status and marketplace', async () => {
    const ctx = mockContext()
    const { logs } = rootOfMock(ctx)

    await seedLog(logs, key('1'), 'ERROR')
    await seedLog(logs, key('2'), 'SUCCESS')
    await seedLog(logs, key('3', 'magalu'), 'SUCCESS')
    const o = await integrationOverview(
      {},
      { tab: 'INVENTORY' },
      ctx,
      {} as never
    )

    expect(o).toMatchObject({
      tab: 'INVENTORY',
      total: 3,
      byStatus: { success: 2, error: 1, queued: 0 },
      // "Reprocess all" acts on errors: offered for them, counted from them.
      reprocessableStatuses: ['ERROR'],
      reprocessable: 1,
    })
    expect(o.byMarketplace).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          marketplace: 'amazon',
          byStatus: { success: 1, error: 1, queued: 0, pending: 0, alert: 0 },
        }),
        expect.objectContaining({
          marketplace: 'magalu',
          byStatus: { success: 1, error: 0, queued: 0, pending: 0, alert: 0 },
        }),
      ])
    )
  })

  it('refuses an unknown tab', async () => {
    expect(
      await contractOf(() =>
        integrationOverview(
          {},
          { tab: 'ORDERS' as never },
          mockContext(),
          {} as never
        )
      )
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ARGUMENT' })
  })
})

describe('errorGroups / errorGroupPage (queries)', () => {
  it('groups errors by cause, most frequent first, a page at a time', async () => {
    const ctx = mockContext()
    const { logs } = rootOfMock(ctx)

    await seedLog(logs, key('1'), 'ERROR', 'HTTP 400: SKU 1 has no price')
    await seedLog(logs, key('2'), 'ERROR', 'HTTP 400: SKU 2 has no price')
    await seedLog(logs, key('3'), 'ERROR', 'HTTP 503: try later')
    const all = await errorGroups({}, { tab: 'INVENTORY' }, ctx, {} as never)

    expect(all.map((g) => g.count)).toEqual([2, 1])
    const page = await errorGroupPage(
      {},
      { tab: 'INVENTORY', first: 1, offset: 1 },
      ctx,
      {} as never
    )

    expect(page).toEqual({ data: [all[1]], hasMore: false })
    const head = await errorGroupPage(
      {},
      { tab: 'INVENTORY', first: 1, offset: 0 },
      ctx,
      {} as never
    )

    expect(head).toEqual({ data: [all[0]], hasMore: true })
  })

  it('refuses first and offset out of range, naming the field and its bounds', async () => {
    const ctx = mockContext()
    const groups = jest.spyOn(rootOfMock(ctx).logs, 'errorGroups')

    expect(
      await contractOf(() =>
        errorGroupPage({}, { tab: 'INVENTORY', first: 0 }, ctx, {} as never)
      )
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_PAGE',
      fields: [
        { field: 'first', code: 'OUT_OF_RANGE', params: { min: 1, max: 100 } },
      ],
    })
    expect(
      await contractOf(() =>
        errorGroupPage(
          {},
          { tab: 'INVENTORY', first: 10, offset: 10_001 },
          ctx,
          {} as never
        )
      )
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_PAGE',
      fields: [
        {
          field: 'offset',
          code: 'OUT_OF_RANGE',
          params: { min: 0, max: 10_000 },
        },
      ],
    })
    expect(groups).not.toHaveBeenCalled()
  })
})

describe('marketplaces (query)', () => {
  it('lists the configured marketplaces with their tabs, then VTEX systems; no credentials', async () => {
    const ctx = mockContext({
      settings: {
        marketplaces: [
          {
            id: 'amazon',
            name: 'Amazon',
            baseUrl: 'https://amazon.example/api/',
            token: 's3cret',
            inventory: true,
            products: false,
            tracking: true,
          },
        ],
      },
    })

    const list = await marketplaces({}, {}, ctx, {} as never)

    expect(list).toEqual([
      {
        id: 'amazon',
        name: 'Amazon',
        system: false,
        tabs: ['INVENTORY', 'TRACKING'],
      },
      { id: OMS_LOG, name: 'VTEX OMS', system: true, tabs: ['TRACKING'] },
      {
        id: VTEX_TRACKING_LOG,
        name: 'VTEX Tracking',
        system: true,
        tabs: ['TRACKING'],
      },
    ])
    expect(JSON.stringify(list)).not.toContain('s3cret')
  })
})
