import { trackingUpdate } from './rules'
import type { OmsOrder, OmsPackage } from './vtex'
import { invoicedPackage } from './vtex'

const order = (packages: OmsPackage[]): OmsOrder => ({
  orderId: 'o-1',
  status: 'invoiced',
  packageAttachment: { packages },
})

describe("the order's invoice (one rule for tracking, the carrier and VTEX Tracking)", () => {
  it('is the latest Output package that has an invoice number', () => {
    const first = { type: 'Output', invoiceNumber: '100' }
    const second = { type: 'Output', invoiceNumber: '101' }

    expect(invoicedPackage(order([first, second]))).toBe(second)
  })

  it('is never a return (Input) package', () => {
    const sale = { type: 'Output', invoiceNumber: '100' }

    expect(
      invoicedPackage(order([sale, { type: 'Input', invoiceNumber: 'R-1' }]))
    ).toBe(sale)
  })

  it('skips a package without an invoice number (OMS routes address invoices by it)', () => {
    const sale = { type: 'Output', invoiceNumber: '100', trackingNumber: 'T1' }

    expect(invoicedPackage(order([sale, { type: 'Output' }]))).toBe(sale)
    // The tracking update sends that same invoice (it used to call the order invalid).
    expect(trackingUpdate(order([sale, { type: 'Output' }]))).toMatchObject({
      send: { status: 'invoiced', invoice: { number: '100' } },
    })
  })

  it('reads a package without a type as Output (as OMS answers older orders)', () => {
    const untyped = { invoiceNumber: '100' }

    expect(invoicedPackage(order([untyped]))).toBe(untyped)
  })

  it('is null when OMS has no invoice: the tracking update is then invalid', () => {
    expect(invoicedPackage(order([]))).toBeNull()
    expect(invoicedPackage({ orderId: 'o-1', status: 'invoiced' })).toBeNull()
    expect(trackingUpdate(order([{ type: 'Output' }]))).toEqual({
      invalid: 'Order o-1 is invoiced but OMS has no invoice for it',
    })
  })
})
