import type {
  CarrierEvent,
  CarrierReport,
  CarrierWatch,
} from '../domain/carrier'
import { parseSettings } from '../domain/settings'
import type { OmsOrder } from '../domain/vtex'
import { FakeMarketplaces, marketplace, senderOver } from '../test/fakes'
import { MemoryStorage } from '../test/memoryStorage'
import type { OmsWriter } from './carrier'
import { CarrierTracker, OMS_LOG } from './carrier'
import { LogStore } from './logStore'

const H = 3_600_000
const T0 = Date.parse('2026-11-20T12:00:00.000Z')

/** OMS as the Orders API documents it: invoice PATCH and tracking PUT bodies are validated. */
class FakeOms implements OmsWriter {
  orders = new Map<string, OmsOrder>()
  tracking = new Map<
    string,
    { isDelivered: boolean; deliveredDate: string | null; events: unknown[] }
  >()

  invoices = new Map<string, Record<string, unknown>>()
  calls: string[] = []

  async order(id: string) {
    return this.orders.get(id) ?? null
  }

  async patchInvoice(orderId: string, invoice: string, body: any) {
    this.calls.push(`PATCH ${orderId}/${invoice}`)
    for (const k of [
      'trackingNumber',
      'trackingUrl',
      'courier',
      'dispatchedDate',
    ])
      if (!(k in body))
        return { status: 400, body: { error: `${k} is required` } }

    this.invoices.set(`${orderId}/${invoice}`, body)

    return { status: 200, body: { receipt: 'r' } }
  }

  async putTracking(orderId: string, invoice: string, body: any) {
    this.calls.push(`PUT ${orderId}/${invoice}/tracking`)
    if (!this.invoices.get(`${orderId}/${invoice}`)?.trackingNumber)
      return {
        status: 400,
        body: { error: 'The invoice has no tracking number' },
      }
    if (typeof body.isDelivered !== 'boolean' || !Array.isArray(body.events))
      return {
        status: 400,
        body: { error: 'isDelivered and events are required' },
      }
    if (
      body.deliveredDate != null &&
      !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(body.deliveredDate)
    )
      return {
        status: 400,
        body: { error: 'deliveredDate must be yyyy-mm-dd hh:mm' },
      }
    for (const e of body.events)
      for (const k of ['city', 'state', 'description', 'date'])
        if (typeof e[k] !== 'string')
          return { status: 400, body: { error: `events[].${k} is required` } }

    this.tracking.set(orderId, body)

    return { status: 200, body: { receipt: 'r' } }
  }
}

/** A carrier with a scripted timeline: each event becomes visible at its time. */
class ScriptedCarrier {
  checks = 0
  constructor(public clockMs: () => number, public script: CarrierEvent[]) {}
  async report(w: CarrierWatch): Promise<CarrierReport> {
    this.checks++

    return {
      trackingNumber: w.trackingNumber,
      trackingUrl: `https://carrier.example/t/${w.trackingNumber}`,
      courier: 'Loggi',
      events: this.script.filter((e) => Date.parse(e.date) <= this.clockMs()),
    }
  }
}

const at = (h: number) => new Date(T0 + h * H).toISOString()

function setup(script: CarrierEvent[]) {
  let now = T0
  const kv = new MemoryStorage()
  const logs = new LogStore(kv, () => now, 0)
  const oms = new FakeOms()
  const carrier = new ScriptedCarrier(() => now, script)
  const gateway = new FakeMarketplaces()
  const settings = {
    ...parseSettings({ carrierBaseUrl: 'https://carrier.example/api' }),
    marketplaces: [marketplace('mercadolivre')],
  }

  const tracker = new CarrierTracker({
    kv,
    logs,
    oms,
    carrier,
    marketplaces: senderOver(gateway, () => now),
    settings,
    now: () => now,
  })

  oms.orders.set('o-1', {
    orderId: 'o-1',
    status: 'invoiced',
    packageAttachment: {
      packages: [
        {
          type: 'Output',
          invoiceNumber: 'NF-1',
          trackingNumber: 'TR1',
          courier: 'Loggi',
        },
      ],
    },
  })

  return {
    kv,
    logs,
    oms,
    carrier,
    gateway,
    tracker,
    advance: (h: number) => (now += h * H),
    now: () => now,
  }
}

describe('carrier refresh, 12.5 days in simulated time', () => {
  it('follows an order every 6 h until delivered: OMS and the marketplace end delivered', async () => {
    const s = setup([
      {
        status: 'handed-to-carrier',
        date: at(20),
        city: 'São Paulo',
        state: 'SP',
        description: 'Coletado',
      },
      {
        status: 'in-transit',
        date: at(70),
        city: 'Curitiba',
        state: 'PR',
        description: 'Em trânsito',
      },
      {
        status: 'in-transit',
        date: at(150),
        city: 'Florianópolis',
        state: 'SC',
        description: 'Saiu para entrega',
      },
      {
        status: 'delivered',
        date: at(200),
        city: 'Florianópolis',
        state: 'SC',
        description: 'Entregue',
      },
    ])

    expect(
      (await s.tracker.startFromOrder(s.oms.orders.get('o-1')!))?.nextCheckAt
    ).toBe(at(6))
    // Starting again changes nothing.
    await s.tracker.startFromOrder(s.oms.orders.get('o-1')!)
    let hours = 0

    while (hours < 300) {
      s.advance(1)
      hours++
      await s.tracker.runDue()
    }

    const watch = await s.tracker.get('o-1')

    expect(watch?.state).toBe('DELIVERED')
    // Checked at 6, 12, …, 204 h: the check after the delivery (200 h) is the last.
    expect(s.carrier.checks).toBe(34)
    expect(s.oms.invoices.get('o-1/NF-1')).toEqual({
      trackingNumber: 'TR1',
      trackingUrl: 'https://carrier.example/t/TR1',
      courier: 'Loggi',
      dispatchedDate: at(20),
    })
    expect(s.oms.tracking.get('o-1')).toMatchObject({
      isDelivered: true,
      deliveredDate: at(200).slice(0, 16).replace('T', ' '),
    })
    expect(s.oms.tracking.get('o-1')?.events).toHaveLength(4)
    const last = s.gateway.accepted[s.gateway.accepted.length - 1]

    expect(last.url).toBe(
      'https://mercadolivre.example/api/orders/o-1/tracking'
    )
    expect(last.body).toMatchObject({
      status: 'delivered',
      tracking: { number: 'TR1', courier: 'Loggi' },
    })
    // One delivery per change (4 events seen at 4 different checks), never one per check.
    expect(s.gateway.accepted).toHaveLength(4)

    const log = await s.logs.getByKey({
      tab: 'TRACKING',
      marketplace: 'mercadolivre',
      entityId: 'o-1',
    })

    expect(log?.status).toBe('SUCCESS')
    expect(log?.timeline?.map((e) => e.status)).toEqual([
      'handed-to-carrier',
      'in-transit',
      'in-transit',
      'delivered',
    ])
    const omsLog = await s.logs.getByKey({
      tab: 'TRACKING',
      marketplace: OMS_LOG,
      entityId: 'o-1',
    })

    expect(omsLog?.status).toBe('SUCCESS')
    expect(omsLog?.message).toMatch(/delivered/)
    // No due check is left behind.
    expect((await s.kv.list('v2/due/', { limit: 10 })).paths).toEqual([])
  })

  it('stops after 12.5 days when the package never arrives', async () => {
    const s = setup([
      {
        status: 'handed-to-carrier',
        date: at(20),
        city: 'SP',
        state: 'SP',
        description: 'Coletado',
      },
    ])

    await s.tracker.startFromOrder(s.oms.orders.get('o-1')!)
    for (let h = 0; h < 400; h += 2) {
      s.advance(2)
      await s.tracker.runDue()
    }

    expect((await s.tracker.get('o-1'))?.state).toBe('EXPIRED')
    expect(s.carrier.checks).toBe(50)
  })
})

describe('partner interface', () => {
  const update = (events: CarrierEvent[], invoiceNumber = 'NF-1') => ({
    orderId: 'o-1',
    invoiceNumber,
    trackingNumber: 'TR1',
    trackingUrl: null,
    courier: 'Loggi',
    events,
  })

  const handed: CarrierEvent = {
    status: 'handed-to-carrier',
    date: at(5),
    city: 'SP',
    state: 'SP',
    description: 'Coletado',
  }

  const delivered: CarrierEvent = {
    status: 'delivered',
    date: at(50),
    city: 'RJ',
    state: 'RJ',
    description: 'Entregue',
  }

  it('forwards events to OMS and the marketplace; a replay changes nothing', async () => {
    const s = setup([])

    expect(await s.tracker.partner(update([handed]))).toEqual({
      applied: 1,
      delivered: false,
    })
    expect(await s.tracker.partner(update([handed, delivered]))).toEqual({
      applied: 1,
      delivered: true,
    })
    const calls = s.oms.calls.length
    const sent = s.gateway.requests.length

    expect(await s.tracker.partner(update([handed, delivered]))).toEqual({
      applied: 0,
      delivered: true,
    })
    expect(s.oms.calls).toHaveLength(calls)
    expect(s.gateway.requests).toHaveLength(sent)
    expect(s.oms.tracking.get('o-1')).toMatchObject({ isDelivered: true })
    expect((await s.tracker.get('o-1'))?.state).toBe('DELIVERED')
  })

  it('only for an order OMS invoiced with that invoice: anything else changes nothing', async () => {
    const s = setup([])

    await expect(
      s.tracker.partner({ ...update([handed]), orderId: 'NOPE-0001' })
    ).rejects.toMatchObject({ reason: 'ORDER_NOT_FOUND' })
    await expect(
      s.tracker.partner(update([handed], 'NF-OTHER'))
    ).rejects.toMatchObject({ reason: 'UNKNOWN_INVOICE' })
    s.oms.orders.set('o-1', { ...s.oms.orders.get('o-1')!, status: 'canceled' })
    await expect(s.tracker.partner(update([handed]))).rejects.toMatchObject({
      reason: 'ORDER_NOT_INVOICED',
    })
    expect(s.oms.calls).toEqual([])
    expect(s.gateway.requests).toEqual([])
    expect(await s.tracker.get('o-1')).toBeNull()
    expect(await s.tracker.get('NOPE-0001')).toBeNull()
    expect(
      await s.logs.getByKey({
        tab: 'TRACKING',
        marketplace: OMS_LOG,
        entityId: 'o-1',
      })
    ).toBeNull()
  })

  it('an invoice number with "/" is logged with the reason, and nothing is sent', async () => {
    const s = setup([])

    s.oms.orders.set('o-1', {
      orderId: 'o-1',
      status: 'invoiced',
      packageAttachment: {
        packages: [{ type: 'Output', invoiceNumber: '123/1' }],
      },
    })
    await expect(s.tracker.partner(update([handed], '123/1'))).rejects.toThrow(
      /contains "\/"/
    )
    expect(s.oms.calls).toEqual([])
    expect(s.gateway.requests).toEqual([])
    const log = await s.logs.getByKey({
      tab: 'TRACKING',
      marketplace: OMS_LOG,
      entityId: 'o-1',
    })

    expect(log?.status).toBe('ERROR')
    expect(log?.message).toMatch(/cannot address it/)
  })
})
