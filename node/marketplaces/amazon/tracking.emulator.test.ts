/**
 * Orders API shipment confirmations of the Amazon adapter against the local Amazon (local/emulator/amazon), which
 * validates every request against Amazon's SP-API models.
 */
import type { Operation } from '../adapter'
import type {
  AmazonEmulatorInstance,
  AmazonEmulatorModule,
} from './testing/emulatorTypes'
import { reportEmulators } from './testing/emulatorReport'
import { amazonHarness, seededConfig } from './testing/harness'

// The emulator is plain CommonJS outside node/ (local runtime only, never shipped).
// eslint-disable-next-line @typescript-eslint/no-var-requires, @typescript-eslint/no-require-imports
const emulatorModule: AmazonEmulatorModule = require('../../../local/emulator/amazon')

const { AmazonEmulator, AMAZON_SEED: SEED } = emulatorModule

const emulators: AmazonEmulatorInstance[] = []
const setup = (options: Parameters<typeof amazonHarness>[2] = {}) => {
  const h = amazonHarness(
    (clock) => new AmazonEmulator({ clock }),
    seededConfig(SEED),
    options
  )

  emulators.push(h.emulator)

  return h
}

afterAll(() => reportEmulators(emulators))

describe('Amazon tracking (shipment confirmation) against the local Amazon', () => {
  it('TRACKING confirms the shipment of every unshipped item, once', async () => {
    const { adapter, context, run, emulator } = setup()
    const orderId = SEED.orders[2]

    emulator.orders.pageSize = 2
    const op: Operation = {
      type: 'TRACKING',
      order: { orderId: '1300000015838-01', marketplaceOrderId: orderId },
      update: {
        status: 'invoiced',
        invoice: {
          number: '000123',
          key: null,
          value: 100,
          issuanceDate: '2026-05-04T10:00:00Z',
          url: null,
        },
        tracking: { number: 'BR100002XX', url: null, courier: 'Correios' },
      },
    }

    const r = await run(adapter.perform(op, context()))

    expect(r.outcome).toEqual({
      status: 'SUCCESS',
      reason: 'AMAZON_SHIPMENT_CONFIRMED',
      params: { orderId, trackingNumber: 'BR100002XX' },
    })
    expect(
      r.exchanges.map((e) => `${e.request.method} ${e.response.status}`)
    ).toEqual(['GET 200', 'GET 200', 'POST 204'])
    expect(JSON.parse(r.exchanges[2].request.body!)).toEqual({
      marketplaceId: SEED.marketplaceId,
      packageDetail: {
        packageReferenceId: '123',
        carrierCode: 'Other',
        carrierName: 'Correios',
        trackingNumber: 'BR100002XX',
        shipDate: '2026-05-04T10:00:00.000Z',
        orderItems: [
          { orderItemId: expect.any(String), quantity: 1 },
          { orderItemId: expect.any(String), quantity: 2 },
          { orderItemId: expect.any(String), quantity: 3 },
        ],
      },
    })
    expect(emulator.orders.find(SEED.sellerId, orderId)!.status).toBe('Shipped')
    const again = await run(adapter.perform(op, context()))

    expect(again.outcome).toEqual({
      status: 'SUCCESS',
      reason: 'AMAZON_ALREADY_SHIPPED',
      params: { orderId },
    })
  })

  it("TRACKING for a seller in several stores asks the order's store", async () => {
    const { adapter, context, run, emulator } = setup()

    emulator.act('order', {
      orderId: '702-0000001-0000001',
      marketplaceId: 'A13V1IB3VIYZZH',
      items: [{ sku: '1000', quantity: 1 }],
    })
    const r = await run(
      adapter.perform(
        {
          type: 'TRACKING',
          order: { orderId: 'x', marketplaceOrderId: '702-0000001-0000001' },
          update: {
            status: 'handed-to-carrier',
            tracking: { number: 'FR1', url: null, courier: 'La Poste' },
          },
        },
        context({
          region: 'EU',
          marketplaceIds: ['A1PA6795UKMFR9', 'A13V1IB3VIYZZH'],
        })
      )
    )

    expect(r.outcome.reason).toBe('AMAZON_SHIPMENT_CONFIRMED')
    expect(
      r.exchanges.map((e) =>
        e.request.url.replace(/^https:\/\/([^/]+).*\/([^/]+)$/, '$1 $2')
      )
    ).toEqual([
      'sellingpartnerapi-eu.amazon.com orderItems',
      'sellingpartnerapi-eu.amazon.com 702-0000001-0000001',
      'sellingpartnerapi-eu.amazon.com shipmentConfirmation',
    ])
  })
})
