import { isDomainError } from './errors'
import { parseExternalOrder } from './externalOrder'

const NOW = '2026-11-30T12:00:00.000Z'

const valid = {
  orderId: 'ERP-1001',
  invoiceNumber: '778899',
  routing: 'EXTERNAL',
  routed: false,
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

const refusal = (raw: unknown) => {
  try {
    parseExternalOrder(raw, NOW)
  } catch (e) {
    if (!isDomainError(e)) throw e

    return {
      reason: e.reason,
      fields: e.fields.map((f) => `${f.field}:${f.code}`),
    }
  }

  throw new Error('expected a refusal')
}

describe('external orders for VTEX Tracking', () => {
  it('normalises what can be: UF code, CEP digits, trimmed text', () => {
    expect(
      parseExternalOrder(
        {
          ...valid,
          customer: {
            ...valid.customer,
            state: ' paraná ',
            firstName: ' Loja ',
          },
        },
        NOW
      )
    ).toEqual({
      orderId: 'ERP-1001',
      invoiceNumber: '778899',
      invoiceUrl: null,
      routing: 'EXTERNAL',
      routed: false,
      customer: {
        firstName: 'Loja',
        lastName: 'Física',
        email: 'loja@example.com',
        document: null,
        street: 'Rua das Flores',
        number: '10',
        neighborhood: null,
        city: 'Curitiba',
        state: 'PR',
        postalCode: '80010000',
      },
    })
  })

  it('refuses a body that is not an object', () => {
    for (const raw of [null, [], 'x'])
      expect(refusal(raw).reason).toBe('INVALID_BODY')
  })

  it('refuses, every field at once, what VTEX Tracking would refuse', () => {
    expect(
      refusal({
        ...valid,
        orderId: `ERP-${'1'.repeat(27)}`, // 31 characters: idExternal takes 30
        routing: 'SOMEWHERE',
        routed: 'yes',
        invoiceUrl: 'not a url',
        customer: {
          ...valid.customer,
          firstName: 'f'.repeat(101),
          state: 'Atlantis',
          postalCode: 'abc',
          number: 12,
        },
      })
    ).toEqual({
      reason: 'INVALID_EXTERNAL_ORDER',
      fields: [
        'orderId:TOO_LONG',
        'invoiceUrl:INVALID_FORMAT',
        'routing:UNKNOWN',
        'routed:INVALID_FORMAT',
        'customer.state:INVALID_FORMAT',
        'customer.postalCode:INVALID_FORMAT',
        'customer.number:INVALID_FORMAT',
      ],
    })
  })

  it('VTEX Tracking limits smaller than the route’s are named on the posted field', () => {
    expect(
      refusal({
        ...valid,
        customer: {
          ...valid.customer,
          firstName: 'f'.repeat(101),
          city: 'c'.repeat(101),
        },
      })
    ).toEqual({
      reason: 'INVALID_EXTERNAL_ORDER',
      fields: ['customer.firstName:TOO_LONG', 'customer.city:TOO_LONG'],
    })
  })

  it('requires the order id, invoice, first name, street and CEP', () => {
    expect(refusal({ customer: {} }).fields).toEqual([
      'orderId:REQUIRED',
      'invoiceNumber:REQUIRED',
      'customer.postalCode:REQUIRED',
      'customer.firstName:REQUIRED',
      'customer.street:REQUIRED',
    ])
  })
})
