import {
  afterCheck,
  assertAddressableInvoice,
  newEvents,
  omsInvoicePatch,
  omsTrackingBody,
  startWatch,
} from './carrier'

const T0 = Date.parse('2026-11-20T12:00:00.000Z')
const H = 3_600_000
const policy = { everyHours: 6, forDays: 12.5 }
const watchOf = () =>
  startWatch(
    {
      orderId: 'o-1',
      invoiceNumber: 'NF1',
      trackingNumber: 'TR1',
      trackingUrl: 'https://t/TR1',
      courier: 'Loggi',
    },
    T0,
    policy
  )

describe('carrier refresh policy', () => {
  it('checks every 6 hours for 12.5 days, then stops', () => {
    let w = watchOf()

    expect(w.nextCheckAt).toBe(new Date(T0 + 6 * H).toISOString())
    expect(w.until).toBe(new Date(T0 + 300 * H).toISOString())
    let now = T0
    let checks = 0

    while (w.state === 'WATCHING') {
      now = Date.parse(w.nextCheckAt)
      w = afterCheck(w, [], now, policy)
      checks++
    }

    expect(w.state).toBe('EXPIRED')
    // 300 h / 6 h = 50 checks.
    expect(checks).toBe(50)
  })

  it('stops at delivery and never applies an event twice', () => {
    const w = watchOf()
    const events = [
      {
        status: 'in-transit' as const,
        date: '2026-11-21T10:00:00Z',
        city: 'Curitiba',
        state: 'PR',
        description: 'Em trânsito',
      },
      {
        status: 'handed-to-carrier' as const,
        date: '2026-11-20T18:00:00Z',
        city: 'São Paulo',
        state: 'SP',
        description: 'Coletado',
      },
    ]

    const fresh = newEvents(w.seen, events)

    expect(fresh.map((e) => e.status)).toEqual([
      'handed-to-carrier',
      'in-transit',
    ])
    const after = afterCheck(w, fresh, T0 + 6 * H, policy)

    expect(newEvents(after.seen, events)).toEqual([])
    const done = afterCheck(
      after,
      [{ ...events[0], status: 'delivered', date: '2026-11-22T09:30:00Z' }],
      T0 + 12 * H,
      policy
    )

    expect(done.state).toBe('DELIVERED')
  })
})

describe('OMS bodies, as the Orders API documents them', () => {
  const events = [
    {
      status: 'handed-to-carrier' as const,
      date: '2026-11-20T18:00:00.000Z',
      city: 'São Paulo',
      state: 'SP',
      description: 'Coletado',
    },
    {
      status: 'delivered' as const,
      date: '2026-11-22T09:30:00.000Z',
      city: 'Rio de Janeiro',
      state: 'RJ',
      description: 'Entregue',
    },
  ]

  it('tracking status: isDelivered, deliveredDate yyyy-mm-dd hh:mm, events with city/state/description/date', () => {
    expect(omsTrackingBody(events)).toEqual({
      isDelivered: true,
      deliveredDate: '2026-11-22 09:30',
      events: [
        {
          city: 'São Paulo',
          state: 'SP',
          description: 'Coletado',
          date: '2026-11-20',
        },
        {
          city: 'Rio de Janeiro',
          state: 'RJ',
          description: 'Entregue',
          date: '2026-11-22',
        },
      ],
    })
  })

  it('invoice tracking data: number, URL, courier, dispatched date', () => {
    expect(omsInvoicePatch(watchOf(), events)).toEqual({
      trackingNumber: 'TR1',
      trackingUrl: 'https://t/TR1',
      courier: 'Loggi',
      dispatchedDate: '2026-11-20T18:00:00.000Z',
    })
  })
})

describe('invoice numbers', () => {
  it('an invoice number with "/" gets an error that says why', () => {
    expect(() => assertAddressableInvoice('123/1')).toThrow(
      /contains "\/".*cannot address it/
    )
    expect(assertAddressableInvoice('123-1')).toBe('123-1')
  })
})
