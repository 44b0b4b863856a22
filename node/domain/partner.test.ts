import { isDomainError } from './errors'
import {
  PARTNER_LIMITS,
  parsePartnerUpdate,
  partnerOrderRefusal,
} from './partner'
import type { OmsOrder } from './vtex'

const NOW = Date.parse('2026-11-30T12:00:00.000Z')

const fieldsOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    if (!isDomainError(e)) throw e

    return { reason: e.reason, fields: e.fields }
  }

  throw new Error('expected a refusal')
}

const valid = {
  orderId: '1300000012345-01',
  invoiceNumber: '40012',
  events: [{ status: 'delivered', date: '2026-11-29T09:30:00Z' }],
}

describe('partner updates', () => {
  it('parses a valid update, defaulting the description', () => {
    expect(parsePartnerUpdate(valid, NOW)).toEqual({
      orderId: '1300000012345-01',
      invoiceNumber: '40012',
      trackingNumber: null,
      trackingUrl: null,
      courier: null,
      events: [
        {
          status: 'delivered',
          date: '2026-11-29T09:30:00.000Z',
          city: '',
          state: '',
          description: 'Delivered',
        },
      ],
    })
  })

  it('refuses a body that is not an object', () => {
    for (const raw of [null, [], 'x', 3])
      expect(fieldsOf(() => parsePartnerUpdate(raw, NOW)).reason).toBe(
        'INVALID_BODY'
      )
  })

  it('names every refused field at once, truncating nothing', () => {
    const refusal = fieldsOf(() =>
      parsePartnerUpdate(
        {
          orderId: 'x y',
          invoiceNumber: '',
          trackingUrl: 'ftp://example.com/x',
          courier: 'c'.repeat(PARTNER_LIMITS.courier + 1),
          events: [
            { status: 'lost', date: '2026-02-30T10:00:00Z' },
            { status: 'delivered', date: '+275760-09-13T00:00:00Z' },
            { status: 'in-transit', date: valid.events[0].date, city: 7 },
            'nope',
          ],
        },
        NOW
      )
    )

    expect(refusal.reason).toBe('INVALID_PARTNER_UPDATE')
    expect(refusal.fields.map((f) => `${f.field}:${f.code}`)).toEqual([
      'orderId:INVALID_FORMAT',
      'invoiceNumber:REQUIRED',
      'trackingUrl:INVALID_FORMAT',
      'courier:TOO_LONG',
      'events.0.status:UNKNOWN',
      'events.0.date:INVALID_DATE',
      'events.1.date:INVALID_DATE',
      'events.2.city:INVALID_FORMAT',
      'events.3:INVALID_FORMAT',
    ])
  })

  it('bounds the number of events', () => {
    const many = Array.from({ length: PARTNER_LIMITS.maxEvents + 1 }, () => ({
      ...valid.events[0],
    }))

    expect(
      fieldsOf(() => parsePartnerUpdate({ ...valid, events: many }, NOW)).fields
    ).toEqual([
      {
        field: 'events',
        code: 'TOO_MANY',
        params: { max: PARTNER_LIMITS.maxEvents },
      },
    ])
    expect(
      fieldsOf(() => parsePartnerUpdate({ ...valid, events: [] }, NOW)).fields
    ).toEqual([{ field: 'events', code: 'TOO_FEW', params: { min: 1 } }])
  })
})

describe('which orders take partner events', () => {
  const order = (o: Partial<OmsOrder>): OmsOrder => ({
    orderId: '1300000012345-01',
    status: 'invoiced',
    packageAttachment: {
      packages: [{ type: 'Output', invoiceNumber: '40012' }],
    },
    ...o,
  })

  it('an invoiced order with that invoice', () => {
    expect(partnerOrderRefusal(order({}), valid)).toBeNull()
  })

  it('refuses unknown orders, orders not invoiced and invoices of another order', () => {
    expect(partnerOrderRefusal(null, valid)).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ORDER_NOT_FOUND',
    })
    expect(
      partnerOrderRefusal(order({ status: 'handling' }), valid)
    ).toMatchObject({ reason: 'ORDER_NOT_INVOICED' })
    expect(
      partnerOrderRefusal(order({ status: 'canceled' }), valid)
    ).toMatchObject({ reason: 'ORDER_NOT_INVOICED' })
    expect(
      partnerOrderRefusal(order({}), { ...valid, invoiceNumber: '99999' })
    ).toMatchObject({
      reason: 'UNKNOWN_INVOICE',
      fields: [{ field: 'invoiceNumber', code: 'UNKNOWN' }],
    })
  })
})
