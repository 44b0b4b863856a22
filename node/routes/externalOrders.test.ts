import type { VtexTrackingImporter } from '../services/vtexTracking'
import { mockContext, rootOfMock } from '../test/mockContext'
import { runRoute } from '../test/route'
import { externalOrders } from './externalOrders'

const TOKEN = 'partner-secret-0123456789abcdef0123'
const order = {
  orderId: 'ERP-1001',
  invoiceNumber: '778899',
  routing: 'EXTERNAL',
  routed: true,
  customer: {
    firstName: 'Loja',
    lastName: 'Física',
    email: 'loja@example.com',
    street: 'Rua das Flores',
    number: '10',
    city: 'Curitiba',
    state: 'PR',
    postalCode: '80010-000',
  },
}

function post(body: unknown, importer: { enabled: boolean; result?: string }) {
  const ctx = mockContext({
    method: 'POST',
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
    settings: { partnerToken: TOKEN },
  })

  const importExternal = jest.fn(async () => importer.result ?? 'IMPORTED')

  jest.spyOn(rootOfMock(ctx), 'vtexTracking').mockResolvedValue({
    enabled: importer.enabled,
    importExternal,
  } as unknown as VtexTrackingImporter)

  return { ctx, importExternal }
}

describe('POST tracking/orders', () => {
  it.each([
    ['IMPORTED', 200],
    ['WAITING_FOR_ROUTING', 202],
    ['FAILED', 502],
  ])('answers the import result %s with %i', async (result, status) => {
    const { ctx, importExternal } = post(order, { enabled: true, result })

    await runRoute(ctx, externalOrders)
    expect(ctx.status).toBe(status)
    expect(ctx.body).toEqual({ orderId: 'ERP-1001', result })
    expect(importExternal).toHaveBeenCalledWith(
      expect.objectContaining({
        orderId: 'ERP-1001',
        invoiceNumber: '778899',
        customer: expect.objectContaining({ postalCode: '80010000' }),
      })
    )
  })

  it('answers 409 VTEX_TRACKING_OFF while VTEX Tracking is off, importing nothing', async () => {
    const { ctx, importExternal } = post(order, { enabled: false })

    await runRoute(ctx, externalOrders)
    expect(ctx.status).toBe(409)
    expect(ctx.body).toMatchObject({
      error: { code: 'CONFLICT', reason: 'VTEX_TRACKING_OFF' },
    })
    expect(importExternal).not.toHaveBeenCalled()
  })

  it('answers 400 with every invalid field before asking VTEX Tracking', async () => {
    const { ctx, importExternal } = post(
      {
        ...order,
        routing: 'TELEPORT',
        customer: { ...order.customer, state: 'XX' },
      },
      { enabled: true }
    )

    await runRoute(ctx, externalOrders)
    expect(ctx.status).toBe(400)
    const { fields } = (
      ctx.body as { error: { fields: Array<{ field: string }> } }
    ).error

    expect(fields.map((f) => f.field)).toEqual(
      expect.arrayContaining(['routing', 'customer.state'])
    )
    expect(importExternal).not.toHaveBeenCalled()
  })
})
