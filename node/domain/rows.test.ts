import { filterPrefix, orderKey } from './layout'
import type { Row } from './rows'
import {
  MESSAGE_BYTES,
  aliasOf,
  decodeRow,
  encodeRow,
  entryPaths,
  indexChanges,
  isTombstone,
  summaryOf,
  tombstoneOf,
} from './rows'

const row = (over: Partial<Row> = {}): Row => ({
  order: orderKey('2026-11-23T10:00:00.000Z'),
  marketplace: 'mercadolivre',
  entityId: 'SKU-1.a_b',
  status: 'ERROR',
  abnormal: false,
  attempts: 12,
  latencyMs: null,
  cause: '0a1b2c3d',
  message: 'Mercado Livre answered HTTP 400: preço inválido ~ "x"',
  ...over,
})

describe('rows in index paths', () => {
  it('round-trips every field, including non-ASCII messages', () => {
    const r = row({ abnormal: true, status: 'SUCCESS', latencyMs: 3_700_000 })

    expect(decodeRow(`x/y/${encodeRow(r)}`)).toEqual(r)
  })

  it('carries an alias (a marketplace order id), listed under it too, and whose tombstone is no row', () => {
    const r = row({ entityId: 'MLB-2000012353605820-01', alias: 'x' })
    const path = `x/y/${encodeRow(r)}`

    expect(decodeRow(path)).toEqual(r)
    expect(decodeRow(tombstoneOf(path))).toBeNull()
    expect(decodeRow(tombstoneOf(`x/y/${encodeRow(row())}`))).toBeNull()
    expect(entryPaths('TRACKING', r).map((p) => p.split('/')[3])).toContain(
      'e.x'
    )
    expect(
      aliasOf({ entityId: 'a', marketplaceOrderId: 'b/c' } as never)
    ).toBeNull()
    expect(
      aliasOf({ entityId: 'a', marketplaceOrderId: ' 2000 ' } as never)
    ).toBe('2000')
  })

  it('clips long messages by bytes without breaking characters', () => {
    const r = row({ message: 'ç'.repeat(200) })
    const back = decodeRow(encodeRow(r))!

    expect(Buffer.byteLength(back.message)).toBeLessThanOrEqual(
      MESSAGE_BYTES + 3
    )
    expect(back.message.endsWith('…')).toBe(true)
    expect(back.message).not.toContain('\ufffd')
  })

  it('lists a row by status, status+marketplace and id; abnormal and cause only when they apply', () => {
    const names = (r: Row) =>
      entryPaths('INVENTORY', r).map((p) => p.split('/')[3])

    expect(names(row())).toEqual([
      's.ERROR',
      'sm.ERROR.mercadolivre',
      'e.SKU-1.a_b',
      'c.0a1b2c3d',
    ])
    expect(
      names(row({ status: 'SUCCESS', abnormal: true, cause: null }))
    ).toEqual([
      's.SUCCESS',
      'sm.SUCCESS.mercadolivre',
      'e.SKU-1.a_b',
      'a',
      'am.mercadolivre',
    ])
  })

  it('round-trips PENDING and ALERT; an alert is listed under its cause, a pending log is not', () => {
    const names = (r: Row) =>
      entryPaths('PRODUCTS', r).map((p) => p.split('/')[3])

    for (const status of ['PENDING', 'ALERT'] as const) {
      const r = row({ status, cause: status === 'ALERT' ? 'al0a1b2c3d' : null })

      expect(decodeRow(`x/${encodeRow(r)}`)).toEqual(r)
    }

    expect(names(row({ status: 'ALERT', cause: 'al0a1b2c3d' }))).toEqual([
      's.ALERT',
      'sm.ALERT.mercadolivre',
      'e.SKU-1.a_b',
      'c.al0a1b2c3d',
    ])
    expect(names(row({ status: 'PENDING', cause: 'al0a1b2c3d' }))).toEqual([
      's.PENDING',
      'sm.PENDING.mercadolivre',
      'e.SKU-1.a_b',
    ])
  })

  it('a tombstone sorts right after its entry and is not a row', () => {
    const [p] = entryPaths('PRODUCTS', row())
    const t = tombstoneOf(p)
    const newer =
      filterPrefix('PRODUCTS', 's.ERROR') +
      encodeRow(row({ order: orderKey('2026-11-23T10:00:00.001Z') }))

    const sorted = [t, newer, p].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))

    expect(sorted).toEqual([newer, p, t])
    expect(isTombstone(t)).toBe(true)
    expect(decodeRow(t)).toBeNull()
  })

  it('tombstones the replaced versions but never a path the new one keeps', () => {
    const before = row()
    const after = row({
      order: orderKey('2026-11-23T11:00:00.000Z'),
      status: 'SUCCESS',
      cause: null,
    })

    const { add, tombstones } = indexChanges('PRODUCTS', after, [
      before,
      before,
      null,
    ])

    expect(add).toHaveLength(3)
    expect(tombstones).toHaveLength(4)
    expect(indexChanges('PRODUCTS', before, [before]).tombstones).toEqual([])
  })

  it('summary: id, time from the order key', () => {
    expect(summaryOf('TRACKING', row())).toMatchObject({
      id: 'TRACKING:mercadolivre:SKU-1.a_b',
      processedAt: '2026-11-23T10:00:00.000Z',
      status: 'ERROR',
      attempts: 12,
    })
  })
})
