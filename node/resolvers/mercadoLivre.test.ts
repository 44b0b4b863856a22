import { rootOfMock, mockContext } from '../test/mockContext'
import { contractOf } from '../test/seed'
import { CONFIG } from '../marketplaces/mercadolivre/testing/context'
import { disconnectMercadoLivre, marketplaceConnection } from './mercadoLivre'

const settings = {
  marketplaces: [
    {
      id: 'ml1',
      name: 'Mercado Livre',
      kind: 'mercadolivre',
      inventory: true,
      config: { ...CONFIG },
    },
  ],
}

const grant = {
  accessToken: 'APP_USR-secret-access',
  expiresAt: Date.now() + 3600_000,
  refreshToken: 'TG-secret-refresh',
  extra: { userId: '123456789', siteId: 'MLB' },
}

describe('disconnectMercadoLivre (mutation)', () => {
  it('revokes here, tells Mercado Livre, answers the connection without a token', async () => {
    const ctx = mockContext({ settings })

    await rootOfMock(ctx).tokenKeeper('ml1').connect(grant)
    const send = (
      ctx.clients.marketplaceHttp as unknown as {
        send: jest.Mock
      }
    ).send

    const after = await disconnectMercadoLivre(
      {},
      { marketplaceId: 'ml1' },
      ctx,
      {} as never
    )

    expect(after).toMatchObject({
      state: 'REVOKED',
      revokedReason: 'DISCONNECTED',
      marketplaceRevoked: true,
      sellerId: '123456789',
    })
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({
        method: 'DELETE',
        url: `https://api.mercadolibre.com/users/123456789/applications/${CONFIG.clientId}`,
      })
    )
    expect(JSON.stringify(after)).not.toMatch(/secret/)
    expect(
      await marketplaceConnection(
        {},
        { marketplaceId: 'ml1' },
        ctx,
        {} as never
      )
    ).toEqual(after)
  })

  it('a marketplace that is not a saved Mercado Livre one: NOT_FOUND, nothing changed', async () => {
    const ctx = mockContext({ settings })

    await rootOfMock(ctx).tokenKeeper('ml2').connect(grant)
    expect(
      await contractOf(() =>
        disconnectMercadoLivre({}, { marketplaceId: 'ml2' }, ctx, {} as never)
      )
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'MARKETPLACE_NOT_FOUND' })
    expect(
      await marketplaceConnection(
        {},
        { marketplaceId: 'ml2' },
        ctx,
        {} as never
      )
    ).toMatchObject({ state: 'CONNECTED', revokedReason: null })
  })

  it('not connected: stays NOT_CONNECTED, nobody called', async () => {
    const ctx = mockContext({ settings })
    const send = (
      ctx.clients.marketplaceHttp as unknown as {
        send: jest.Mock
      }
    ).send

    expect(
      await disconnectMercadoLivre(
        {},
        { marketplaceId: 'ml1' },
        ctx,
        {} as never
      )
    ).toEqual({ state: 'NOT_CONNECTED' })
    expect(send).not.toHaveBeenCalled()
  })
})
