import {
  MAX_MESSAGES_PER_ANSWER,
  mapAnswer,
  mapMessage,
  messageKey,
} from './messages'
import { operationMatch, operationTab } from './operations'

const ctx = { marketplace: 'partner-shop', day: '2026-05-04' }

/** VTEX's example message, filled in. */
const message = (over: Record<string, unknown> = {}) => ({
  id: '13',
  Operation: 'Price update',
  Direction: 'VTEX to Marketplace',
  ContentSource: '{"skuId":"1003","price":9.9}',
  ContentTransalted: '{"sku":"1003","price":{"amount":9.9}}',
  ContentDestination: '{"error":"PRICE_BELOW_MINIMUM"}',
  BusinessMessage: 'Preço abaixo do mínimo.',
  Status: 'Error',
  ...over,
})

describe("a connector's message as a bridge log", () => {
  it("keeps VTEX's four contents by name, with tab, entity and status", () => {
    expect(mapMessage(message(), 0, ctx)).toEqual({
      record: {
        key: messageKey('partner-shop', '13'),
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
        marketplace: 'partner-shop',
        tab: 'PRODUCTS',
        entityId: '1003',
        status: 'ERROR',
        messageId: '13',
        operation: 'Price update',
        direction: 'VTEX to Marketplace',
        contents: {
          source: '{"skuId":"1003","price":9.9}',
          translated: '{"sku":"1003","price":{"amount":9.9}}',
          destination: '{"error":"PRICE_BELOW_MINIMUM"}',
        },
        businessMessage: 'Preço abaixo do mínimo.',
        day: '2026-05-04',
      },
    })
  })

  it('maps the operations of VTEX guide to the three tabs, in any language, Produtos by default', () => {
    const tabs = Object.fromEntries(
      [
        'Catalog change',
        'Offer creation',
        'Price update',
        'Inventory update',
        'Order status update',
        'Invoice sending',
        'Tracking code sending',
        'Atualização de estoque',
        'Envio de nota fiscal',
        'Actualización de precio',
        'Cancelamento de pedido',
        'Something else',
      ].map((o) => [o, operationTab(o)])
    )

    expect(tabs).toEqual({
      'Catalog change': 'PRODUCTS',
      'Offer creation': 'PRODUCTS',
      'Price update': 'PRODUCTS',
      'Inventory update': 'INVENTORY',
      'Order status update': 'TRACKING',
      'Invoice sending': 'TRACKING',
      'Tracking code sending': 'TRACKING',
      'Atualização de estoque': 'INVENTORY',
      'Envio de nota fiscal': 'TRACKING',
      'Actualización de precio': 'PRODUCTS',
      'Cancelamento de pedido': 'TRACKING',
      'Something else': 'PRODUCTS',
    })
    expect(operationMatch('Something else')).toBe('DEFAULT')
  })

  it('finds the order of a tracking message, the SKU of the others, else stands the message id for it', () => {
    const entity = (over: Record<string, unknown>) => {
      const r = mapMessage(message(over), 0, ctx)

      return 'record' in r ? r.record.entityId : null
    }

    expect(
      entity({
        Operation: 'Invoice sending',
        ContentSource: '{"order":{"orderId":"1300000015838-01"},"skuId":"9"}',
      })
    ).toBe('1300000015838-01')
    expect(
      entity({
        Operation: 'Inventory update',
        ContentSource: 'not json',
        ContentTransalted: '{"items":[{"IdSku":1006}]}',
      })
    ).toBe('1006')
    expect(
      entity({
        ContentSource: 'SkuId: 2001; price 10',
        ContentTransalted: '',
        ContentDestination: null,
      })
    ).toBe('2001')
    expect(
      entity({
        id: 77,
        ContentSource: '{}',
        ContentTransalted: null,
        ContentDestination: null,
      })
    ).toBe('msg-77')
    expect(
      entity({
        id: 'a/b c',
        ContentSource: '',
        ContentTransalted: '',
        ContentDestination: '',
      })
    ).toMatch(/^msg-[0-9a-f]{20}$/)
  })

  it('is tolerant where connectors differ: case of names and statuses, the right spelling, objects as contents', () => {
    const r = mapMessage(
      {
        ID: 5,
        operation: 'Inventory update',
        status: 'sucess',
        ContentTranslated: { sku: '1009', stock: 2 },
        contentSource: null,
      },
      0,
      ctx
    )

    expect('record' in r && r.record).toMatchObject({
      messageId: '5',
      status: 'SUCCESS',
      tab: 'INVENTORY',
      entityId: '1009',
      contents: {
        source: null,
        translated: '{"sku":"1009","stock":2}',
        destination: null,
      },
    })
  })

  it('rejects, with the reason, what it cannot read, and never guesses a status', () => {
    expect(mapMessage('x', 3, ctx)).toEqual({
      rejected: {
        index: 3,
        messageId: null,
        reason: 'PARTNER_MESSAGE_NOT_OBJECT',
      },
    })
    expect(mapMessage(message({ id: ' ' }), 4, ctx)).toEqual({
      rejected: { index: 4, messageId: null, reason: 'PARTNER_MESSAGE_NO_ID' },
    })
    expect(mapMessage(message({ Status: 'Done' }), 5, ctx)).toEqual({
      rejected: {
        index: 5,
        messageId: '13',
        reason: 'PARTNER_MESSAGE_STATUS_UNKNOWN',
      },
    })
  })
})

describe('idempotency', () => {
  it('the same message collected twice is one log; the same id in another marketplace is another', () => {
    const a = mapMessage(message(), 0, ctx)
    const b = mapMessage(message(), 7, { ...ctx, day: '2026-05-05' })
    const other = mapMessage(message(), 0, {
      ...ctx,
      marketplace: 'another-shop',
    })

    if (!('record' in a) || !('record' in b) || !('record' in other))
      throw new Error('expected records')
    expect(b.record.key).toBe(a.record.key)
    expect(b.record.fingerprint).toBe(a.record.fingerprint)
    expect(other.record.key).not.toBe(a.record.key)
  })

  it('a message the connector rewrote keeps its key and changes its fingerprint', () => {
    const pending = mapMessage(message({ Status: 'Pending' }), 0, ctx)
    const done = mapMessage(message({ Status: 'Success' }), 0, ctx)

    if (!('record' in pending) || !('record' in done))
      throw new Error('expected records')
    expect(done.record.key).toBe(pending.record.key)
    expect(done.record.fingerprint).not.toBe(pending.record.fingerprint)
  })

  it('an answer listing a message twice gives one record, the latest', () => {
    const answer = mapAnswer(
      {
        Messages: [
          message({ Status: 'Pending' }),
          message({ id: '14' }),
          message({ Status: 'Success' }),
        ],
      },
      ctx
    )

    expect(answer?.records.map((r) => [r.messageId, r.status])).toEqual([
      ['14', 'ERROR'],
      ['13', 'SUCCESS'],
    ])
  })
})

describe('answers', () => {
  it('need Messages[]', () => {
    expect(mapAnswer({ Messages: [] }, ctx)).toEqual({
      records: [],
      rejected: [],
      overflow: 0,
    })
    expect(mapAnswer({ messages: [message()] }, ctx)?.records).toHaveLength(1)
    for (const bad of [null, 'x', [], { Messages: {} }, { Logs: [] }])
      expect(mapAnswer(bad, ctx)).toBeNull()
  })

  it('read a bounded number of messages and say how many were left', () => {
    const many = Array.from({ length: MAX_MESSAGES_PER_ANSWER + 3 }, (_, i) =>
      message({ id: i })
    )

    const answer = mapAnswer({ Messages: many }, ctx)

    expect(answer?.records).toHaveLength(MAX_MESSAGES_PER_ANSWER)
    expect(answer?.overflow).toBe(3)
  })
})
