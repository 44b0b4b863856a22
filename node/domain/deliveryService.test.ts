import { readFileSync } from 'fs'
import { join } from 'path'

import Ajv from 'ajv'
import addFormats from 'ajv-formats'

import { deliveryServiceProblems, ufOf } from './deliveryService'
import { parseExternalOrder } from './externalOrder'
import type { OmsOrder } from './vtex'
import { deliveryServiceOf, orderOfExternal } from './vtexTracking'

/** tracking.json's schema for POST /services (an array of delivery services). */
function postServicesValidator() {
  const spec = JSON.parse(
    readFileSync(join(__dirname, '../test/vtex-openapi/tracking.json'), 'utf8')
  )

  const operation = spec.paths['/services'].post
  const ref: string =
    operation.requestBody.content['application/json'].schema.$ref

  const schema = spec.components.schemas[ref.split('/').pop()!]
  const ajv = new Ajv({ strict: false, allErrors: true })

  addFormats(ajv)

  return ajv.compile(schema)
}

const validate = postServicesValidator()
const NOW = '2026-11-30T12:00:00.000Z'

const order = (o: Partial<OmsOrder> = {}, address = {}, profile = {}) =>
  ({
    orderId: '1300000012345-01',
    status: 'invoiced',
    packageAttachment: {
      packages: [{ type: 'Output', invoiceNumber: 'NF-1', invoiceUrl: null }],
    },
    clientProfileData: {
      firstName: 'Ana',
      lastName: 'Souza',
      email: 'ana@example.com',
      document: '904.983.657-78',
      ...profile,
    },
    shippingData: {
      address: {
        street: 'Rua Praia de Botafogo',
        number: '300',
        complement: null,
        neighborhood: 'Botafogo',
        city: 'Rio de Janeiro',
        state: 'RJ',
        postalCode: '22250-040',
        ...address,
      },
    },
    ...o,
  } as OmsOrder)

const built = (o: OmsOrder) => {
  const decision = deliveryServiceOf(o, false, NOW)

  if (!('import' in decision))
    throw new Error(`not built: ${JSON.stringify(decision)}`)

  return decision.import
}

describe('UF codes', () => {
  it('normalises state names and codes, whatever the accents and case', () => {
    expect(ufOf('SP')).toBe('SP')
    expect(ufOf(' rj ')).toBe('RJ')
    expect(ufOf('São Paulo')).toBe('SP')
    expect(ufOf('sao  paulo')).toBe('SP')
    expect(ufOf('ESPÍRITO SANTO')).toBe('ES')
    expect(ufOf('Mato Grosso do Sul')).toBe('MS')
    expect(ufOf('Distrito Federal')).toBe('DF')
  })

  it('names no state for anything else', () => {
    for (const v of ['', 'XX', 'California', 'S', 'São Paulo City', null])
      expect(ufOf(v)).toBeNull()
  })
})

describe('the bodies sent to VTEX Tracking (POST /services) satisfy tracking.json', () => {
  const cases: Array<[string, OmsOrder]> = [
    ['a person with a UF code', order()],
    ['a state written out', order({}, { state: 'São Paulo' })],
    ['an unknown state, left out', order({}, { state: 'Atlantis' })],
    ['an empty state, left out', order({}, { state: '' })],
    [
      'no number, complement or neighbourhood',
      order({}, { number: null, neighborhood: '', complement: undefined }),
    ],
    [
      'a company',
      order(
        {},
        {},
        {
          isCorporate: true,
          corporateName: 'COMP. BRAS. DE TECN. PARA E-COMMERCE',
          corporateDocument: '05.314.972/0001-74',
        }
      ),
    ],
    ['no e-mail', order({}, {}, { email: null })],
    [
      'names at their maxima',
      order(
        {},
        { city: 'c'.repeat(100) },
        { firstName: 'f'.repeat(100), lastName: 'l'.repeat(100) }
      ),
    ],
  ]

  it.each(cases)('%s', (_, o) => {
    const body = built(o)

    expect(validate([body])).toBe(true)
    expect(validate.errors ?? []).toEqual([])
  })

  it('sends the state as its UF code, and never an empty one', () => {
    expect(
      built(order({}, { state: 'rio de janeiro' })).shipperCustomer
    ).toMatchObject({ state: 'RJ' })
    expect(
      built(order({}, { state: 'Atlantis' })).shipperCustomer
    ).not.toHaveProperty('state')
  })

  it('external orders, as the route accepts them, build valid bodies', () => {
    const external = parseExternalOrder(
      {
        orderId: 'ERP-1001',
        invoiceNumber: '778899',
        customer: {
          firstName: 'Loja',
          lastName: 'Física',
          street: 'Rua das Flores',
          number: '10',
          city: 'Curitiba',
          state: 'Paraná',
          postalCode: '80010-000',
        },
      },
      NOW
    )

    const body = built(orderOfExternal(external))

    expect(body.shipperCustomer).toMatchObject({
      state: 'PR',
      postalCode: '80010000',
    })
    expect(validate([body])).toBe(true)
  })

  it('the schema itself refuses what the bridge used to send', () => {
    const body = built(order())

    expect(validate([{ ...body, idExternal: 'x'.repeat(31) }])).toBe(false)
    expect(
      validate([
        {
          ...body,
          shipperCustomer: { ...(body.shipperCustomer as object), state: '' },
        },
      ])
    ).toBe(false)
    expect(
      validate([
        {
          ...body,
          shipperCustomer: {
            ...(body.shipperCustomer as object),
            state: 'São Paulo',
          },
        },
      ])
    ).toBe(false)
  })
})

describe('what cannot be normalised is refused with the fields', () => {
  it('an order whose values break the limits is not sent', () => {
    const decision = deliveryServiceOf(
      order(
        { orderId: `V-${'9'.repeat(40)}` },
        { street: 's'.repeat(151) },
        { firstName: 'f'.repeat(101) }
      ),
      false,
      NOW
    )

    expect('invalid' in decision && decision.fields).toEqual([
      { field: 'idExternal', code: 'TOO_LONG', params: { max: 30 } },
      {
        field: 'shipperCustomer.firstName',
        code: 'TOO_LONG',
        params: { max: 100 },
      },
      {
        field: 'shipperCustomer.addressStreet',
        code: 'TOO_LONG',
        params: { max: 150 },
      },
    ])
    expect('invalid' in decision && decision.invalid).toMatch(
      /VTEX Tracking would refuse order .*idExternal longer than 30 characters/
    )
  })

  it('deliveryServiceProblems names a missing street or CEP and a state that is not a UF', () => {
    expect(
      deliveryServiceProblems({
        shipperCustomer: {
          legalType: 'PF',
          addressStreet: '',
          state: 'São Paulo',
        },
      })
    ).toEqual([
      { field: 'shipperCustomer.addressStreet', code: 'REQUIRED' },
      { field: 'shipperCustomer.postalCode', code: 'REQUIRED' },
      { field: 'shipperCustomer.state', code: 'INVALID_FORMAT' },
    ])
  })
})
