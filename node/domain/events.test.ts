import { isDomainError } from './errors'
import {
  MAX_EVENT_BYTES,
  bulkEventOf,
  catalogNotificationOf,
  jobEventOf,
  orderStatusEventOf,
} from './events'

const reasonOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    if (!isDomainError(e)) throw e

    return `${e.reason}${
      e.fields.length ? `:${e.fields[0].field}:${e.fields[0].code}` : ''
    }`
  }

  return 'accepted'
}

describe('IO event bodies', () => {
  it('accepts what VTEX and the app send', () => {
    expect(
      catalogNotificationOf({ IdSku: '1001', StockModified: true })
    ).toMatchObject({ IdSku: '1001' })
    expect(catalogNotificationOf({ IdSku: 1001 })).toMatchObject({
      IdSku: 1001,
    })
    expect(
      orderStatusEventOf({
        orderId: '1300000012345-01',
        currentState: 'invoiced',
        currentChangeDate: '2026-11-30T10:00:00Z',
      })
    ).toMatchObject({ currentState: 'invoiced' })
    expect(
      jobEventOf({ jobId: 'x.INVENTORY.amazon.100.1764496800000', logId: 'x' })
    ).toEqual({
      jobId: 'x.INVENTORY.amazon.100.1764496800000',
    })
    expect(jobEventOf({ jobId: 'r.mijk2x.ab12cd34' })).toEqual({
      jobId: 'r.mijk2x.ab12cd34',
    })
    expect(bulkEventOf({ bulkId: '1764496800000-ab12cd34' })).toEqual({
      bulkId: '1764496800000-ab12cd34',
    })
  })

  it('refuses, with the field, what can never succeed', () => {
    const cases: Array<[() => unknown, string]> = [
      [() => catalogNotificationOf(null), 'INVALID_EVENT'],
      [() => catalogNotificationOf([]), 'INVALID_EVENT'],
      [() => catalogNotificationOf('IdSku=1'), 'INVALID_EVENT'],
      [() => catalogNotificationOf({}), 'INVALID_EVENT:IdSku:REQUIRED'],
      [
        () => catalogNotificationOf({ IdSku: 'abc' }),
        'INVALID_EVENT:IdSku:INVALID_FORMAT',
      ],
      [
        () => catalogNotificationOf({ IdSku: { $gt: 1 } }),
        'INVALID_EVENT:IdSku:INVALID_FORMAT',
      ],
      [
        () => catalogNotificationOf({ IdSku: '1', DateModified: 7 }),
        'INVALID_EVENT:DateModified:INVALID_FORMAT',
      ],
      [
        () => orderStatusEventOf({ currentState: 'invoiced' }),
        'INVALID_EVENT:orderId:REQUIRED',
      ],
      [
        () => orderStatusEventOf({ orderId: '../x', currentState: 'invoiced' }),
        'INVALID_EVENT:orderId:INVALID_FORMAT',
      ],
      [
        () => orderStatusEventOf({ orderId: 'o-1' }),
        'INVALID_EVENT:currentState:INVALID_FORMAT',
      ],
      [() => jobEventOf({}), 'INVALID_EVENT:jobId:REQUIRED'],
      [() => jobEventOf({ jobId: 42 }), 'INVALID_EVENT:jobId:INVALID_FORMAT'],
      [
        () => jobEventOf({ jobId: '../../v2/settings' }),
        'INVALID_EVENT:jobId:INVALID_FORMAT',
      ],
      [
        () => bulkEventOf({ bulkId: 'nope' }),
        'INVALID_EVENT:bulkId:INVALID_FORMAT',
      ],
      [
        () =>
          catalogNotificationOf({
            IdSku: '1',
            junk: 'x'.repeat(MAX_EVENT_BYTES),
          }),
        'EVENT_TOO_LARGE',
      ],
    ]

    for (const [fn, reason] of cases) expect(reasonOf(fn)).toBe(reason)
  })
})
