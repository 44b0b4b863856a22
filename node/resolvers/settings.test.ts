import { SETTINGS_PATH } from '../composition/settings'
import { mockContext } from '../test/mockContext'
import { contractOf } from '../test/seed'
import { bridgeSettings, saveBridgeSettings } from './settings'

const amazon = {
  id: 'amazon',
  name: 'Amazon',
  kind: 'custom',
  config: JSON.stringify({
    baseUrl: 'https://amazon.example/api/',
    token: 's3cret',
  }),
  products: true,
  inventory: true,
  tracking: false,
}

describe('bridgeSettings (query)', () => {
  it('shows the settings with every secret only as set or not', async () => {
    const ctx = mockContext({
      settings: {
        maxRetries: 5,
        partnerToken: 'partner-secret-0123456789abcdef0123',
        marketplaces: [
          {
            id: 'amazon',
            name: 'Amazon',
            baseUrl: 'https://amazon.example/api/',
            token: 's3cret',
            inventory: true,
          },
        ],
      },
    })

    const view = await bridgeSettings({}, {}, ctx, {} as never)

    expect(view).toMatchObject({
      maxRetries: 5,
      hasPartnerToken: true,
      hasCarrierToken: false,
      marketplaces: [
        { id: 'amazon', kind: 'custom', hasToken: true, inventory: true },
      ],
    })
    expect(JSON.parse(view.marketplaces[0].config)).toEqual({
      baseUrl: 'https://amazon.example/api',
      hasToken: true,
    })
    expect(JSON.stringify(view)).not.toMatch(/s3cret|partner-secret/)
  })
})

describe('saveBridgeSettings (mutation)', () => {
  it('saves in VBase, registers the schedule and answers the new view', async () => {
    const ctx = mockContext()
    const view = await saveBridgeSettings(
      {},
      { input: { maxRetries: 3, marketplaces: [amazon] } },
      ctx,
      {} as never
    )

    expect(view).toMatchObject({
      maxRetries: 3,
      marketplaces: [{ id: 'amazon', products: true, hasToken: true }],
    })
    const saved = await ctx.fakes.storage.get<Record<string, unknown>>(
      SETTINGS_PATH
    )

    expect(saved?.data).toMatchObject({ maxRetries: 3 })
    expect(ctx.fakes.schedulerPut).toHaveBeenCalledTimes(1)
  })

  it('refuses every invalid field at once and saves nothing', async () => {
    const ctx = mockContext()

    expect(
      await contractOf(() =>
        saveBridgeSettings(
          {},
          {
            input: {
              maxRetries: 0,
              errorRetentionDays: 1.5,
              marketplaces: [amazon],
            },
          },
          ctx,
          {} as never
        )
      )
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SETTINGS',
      fields: expect.arrayContaining([
        expect.objectContaining({ field: 'maxRetries', code: 'OUT_OF_RANGE' }),
        expect.objectContaining({
          field: 'retention.errorDays',
          code: 'OUT_OF_RANGE',
        }),
      ]),
    })
    expect(await ctx.fakes.storage.get(SETTINGS_PATH)).toBeNull()
    expect(ctx.fakes.schedulerPut).not.toHaveBeenCalled()
  })

  it('refuses a marketplace config that is not a JSON object, naming it', async () => {
    const ctx = mockContext()

    expect(
      await contractOf(() =>
        saveBridgeSettings(
          {},
          { input: { marketplaces: [{ ...amazon, config: '[1]' }] } },
          ctx,
          {} as never
        )
      )
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SETTINGS',
      fields: [{ field: 'marketplaces.0.config', code: 'INVALID_FORMAT' }],
    })
    expect(await ctx.fakes.storage.get(SETTINGS_PATH)).toBeNull()
  })

  it('checks a new VTEX Tracking token with VTEX Tracking; a refusal saves nothing', async () => {
    const ctx = mockContext()

    ctx.fakes.trackingAuth.mockResolvedValue({
      authenticated: false,
      message: 'Invalid credentials',
    })
    expect(
      await contractOf(() =>
        saveBridgeSettings(
          {},
          {
            input: {
              vtexTrackingEnabled: true,
              vtexTrackingUsername: 'store',
              vtexTrackingToken: 'wrong',
            },
          },
          ctx,
          {} as never
        )
      )
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'VTEX_TRACKING_REJECTED',
      fields: [
        { field: 'vtexTracking.username', code: 'NOT_ALLOWED' },
        { field: 'vtexTracking.token', code: 'NOT_ALLOWED' },
      ],
    })
    expect(ctx.fakes.trackingAuth).toHaveBeenCalledWith('store', 'wrong')
    expect(await ctx.fakes.storage.get(SETTINGS_PATH)).toBeNull()
  })
})
