import type { TrackingPayload } from '../../domain/rules'
import type { Operation } from '../adapter'
import { mercadoLivreAdapter as adapter } from '.'
import type { Connected } from './testing/context'
import { connectedMercadoLivre } from './testing/context'
import { readShipment, trackingTarget } from './tracking'

const tracking = (
  marketplaceOrderId: string | null,
  update: TrackingPayload
): Operation => ({
  type: 'TRACKING',
  order: { orderId: 'v1001-01', marketplaceOrderId },
  update,
})

const withNumber = (
  status: TrackingPayload['status'],
  extra: Partial<TrackingPayload> = {}
): TrackingPayload => ({
  status,
  tracking: {
    number: 'BR123456789BR',
    url: 'https://rastreio.example/BR123456789BR',
    courier: 'Correios',
  },
  ...extra,
})

describe('TRACKING against the emulator', () => {
  let c: Connected

  beforeEach(async () => {
    c = await connectedMercadoLivre()
  })

  afterEach(() => c.ml.close())

  const shipment = (id: string) => c.ml.emulator.state.shipments.get(id)!

  it('ME1: informs the tracking number, then shipped, then delivered; nothing after a final status', async () => {
    const invoiced = await adapter.perform(
      tracking('2000000001', withNumber('invoiced')),
      c.ctx()
    )

    expect(invoiced.outcome).toEqual({
      status: 'SUCCESS',
      reason: 'TRACKING_SENT',
      params: {
        shipmentId: '40000000001',
        mode: 'me1',
        sent: 'tracking_number',
      },
    })
    expect(
      invoiced.exchanges.map((e) => `${e.request.method} ${e.request.url}`)
    ).toEqual([
      'GET https://api.mercadolibre.com/orders/2000000001',
      'GET https://api.mercadolibre.com/shipments/40000000001',
      'PUT https://api.mercadolibre.com/shipments/40000000001',
    ])
    expect(JSON.parse(invoiced.exchanges[2].request.body!)).toEqual({
      tracking_number: 'BR123456789BR',
      service_id: 1,
    })

    const shipped = await adapter.perform(
      tracking(
        '2000000001',
        withNumber('handed-to-carrier', {
          events: [
            {
              status: 'handed-to-carrier',
              date: '2024-05-11T10:00:00.000Z',
              city: 'São Paulo',
              state: 'SP',
              description: 'Objeto coletado',
            },
          ],
        })
      ),
      c.ctx()
    )

    expect(shipped.outcome).toMatchObject({
      reason: 'TRACKING_SENT',
      params: { sent: 'shipped' },
    })
    expect(JSON.parse(shipped.exchanges[2].request.body!)).toEqual({
      payload: {
        service_id: 1,
        comment: 'Objeto coletado',
        date: '2024-05-11T10:00:00.000Z',
      },
      tracking_number: 'BR123456789BR',
      tracking_url: 'https://rastreio.example/BR123456789BR',
      status: 'shipped',
      substatus: null,
    })
    expect(shipment('40000000001')).toMatchObject({
      status: 'shipped',
      tracking_number: 'BR123456789BR',
    })

    const inTransit = await adapter.perform(
      tracking('2000000001', withNumber('in-transit')),
      c.ctx()
    )

    expect(inTransit.outcome).toMatchObject({ reason: 'TRACKING_UNCHANGED' })

    const delivered = await adapter.perform(
      tracking('2000000001', withNumber('delivered')),
      c.ctx()
    )

    expect(delivered.outcome).toMatchObject({
      reason: 'TRACKING_SENT',
      params: { sent: 'delivered' },
    })
    expect(shipment('40000000001').status).toBe('delivered')

    const again = await adapter.perform(
      tracking('2000000001', withNumber('delivered')),
      c.ctx()
    )

    expect(again.outcome).toMatchObject({
      status: 'SUCCESS',
      reason: 'SHIPMENT_ALREADY_FINAL',
      params: { shipmentStatus: 'delivered' },
    })
    expect(c.ml.emulator.received.filter((r) => r.status >= 400)).toEqual([])
  })

  it("custom shipping: the store's default service when the courier is not mapped", async () => {
    const r = await adapter.perform(
      tracking(
        '2000000002',
        withNumber('handed-to-carrier', {
          tracking: {
            number: 'TRK-777',
            url: null,
            courier: 'Transportadora X',
          },
        })
      ),
      c.ctx()
    )

    expect(r.outcome).toMatchObject({
      reason: 'TRACKING_SENT',
      params: { mode: 'custom', sent: 'tracking_number, shipped' },
    })
    expect(shipment('40000000002')).toMatchObject({
      service_id: 11,
      tracking_method: 'Outros',
      status: 'shipped',
    })
  })

  it('ME2 (ML ships): nothing is sent, ML tracks it itself', async () => {
    for (const [order, type] of [
      ['2000000003', 'cross_docking'],
      ['2000000004', 'fulfillment'],
    ]) {
      const r = await adapter.perform(
        tracking(order, withNumber('delivered')),
        c.ctx()
      )

      expect(r.outcome).toMatchObject({
        status: 'SUCCESS',
        reason: 'SHIPPING_MANAGED_BY_ML',
        params: { mode: 'me2', logisticType: type },
      })
      expect(r.exchanges.map((e) => e.request.method)).toEqual(['GET', 'GET'])
    }
  })

  it('an order without a shipment (delivery agreed with the buyer): nothing to send', async () => {
    const r = await adapter.perform(
      tracking('2000000005', withNumber('delivered')),
      c.ctx()
    )

    expect(r.outcome).toMatchObject({
      status: 'SUCCESS',
      reason: 'NO_SHIPMENT',
    })
  })

  it('statuses ML does not take are not sent, without calls', async () => {
    for (const status of ['payment-approved', 'handling'] as const) {
      const r = await adapter.perform(
        tracking('2000000001', { status }),
        c.ctx()
      )

      expect(r).toEqual({
        outcome: {
          status: 'SUCCESS',
          reason: 'TRACKING_STATUS_NOT_SENT',
          params: { status },
        },
        exchanges: [],
      })
    }

    const canceled = await adapter.perform(
      tracking('2000000001', { status: 'canceled' }),
      c.ctx()
    )

    expect(canceled.outcome).toMatchObject({ reason: 'CANCELLATION_NOT_SENT' })
  })

  it('needs the marketplace order id, a tracking number and a shipping service', async () => {
    const noOrder = await adapter.perform(
      tracking(null, withNumber('invoiced')),
      c.ctx()
    )

    const noNumber = await adapter.perform(
      tracking('2000000001', { status: 'handed-to-carrier' }),
      c.ctx()
    )

    const noService = await adapter.perform(
      tracking(
        '2000000001',
        withNumber('invoiced', {
          tracking: { number: 'X-1234', url: null, courier: 'Outra' },
        })
      ),
      c.ctx({ trackingServiceId: null })
    )

    expect(noOrder.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'MARKETPLACE_ORDER_ID_MISSING',
    })
    expect(noNumber.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'TRACKING_NUMBER_MISSING',
    })
    expect(noService.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'SHIPPING_SERVICE_NOT_SET',
      params: { courier: 'Outra' },
    })
  })

  it("another seller's order is ML_FORBIDDEN; an unknown one ORDER_NOT_FOUND", async () => {
    const other = await adapter.perform(
      tracking('2000000099', withNumber('invoiced')),
      c.ctx()
    )

    const unknown = await adapter.perform(
      tracking('2000000777', withNumber('invoiced')),
      c.ctx()
    )

    expect(other.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'ML_FORBIDDEN',
    })
    expect(unknown.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'ORDER_NOT_FOUND',
    })
  })
})

describe('trackingTarget', () => {
  it('maps VTEX statuses to what ML takes', () => {
    expect(trackingTarget({ status: 'invoiced' })).toEqual({
      kind: 'none',
      reason: 'TRACKING_STATUS_NOT_SENT',
    })
    expect(trackingTarget(withNumber('invoiced'))).toEqual({ kind: 'number' })
    expect(trackingTarget({ status: 'in-transit' })).toEqual({
      kind: 'notify',
      status: 'shipped',
    })
    expect(trackingTarget({ status: 'delivered' })).toEqual({
      kind: 'notify',
      status: 'delivered',
    })
  })
})

describe('readShipment', () => {
  it('reads both formats and refuses a body without id or mode', () => {
    expect(
      readShipment({
        id: 1,
        mode: 'me1',
        logistic_type: null,
        status: 'pending',
      })
    ).toMatchObject({
      id: '1',
      mode: 'me1',
      status: 'pending',
    })
    expect(
      readShipment({ id: 2, logistic: { mode: 'me2', type: 'fulfillment' } })
    ).toMatchObject({
      mode: 'me2',
      logisticType: 'fulfillment',
    })
    expect(readShipment({ id: 3 })).toBeNull()
    expect(readShipment('<html>')).toBeNull()
  })
})
