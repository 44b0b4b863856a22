import { recordOutcome } from '../domain/log'
import {
  LEASE_MS,
  RESEND_AFTER_MS,
  STALE_AFTER_MS,
  claim,
  exportJobId,
  newJob,
} from '../domain/queue'
import { marketplace, setup, soldOn } from '../test/fakes'

const t0 = Date.parse('2026-11-20T10:00:00.000Z')
const iso = (ms: number) => new Date(ms).toISOString()
const stockChange = (sku: string, at: number) => ({
  IdSku: sku,
  StockModified: true,
  DateModified: iso(at),
})

describe('exports from catalog notifications', () => {
  const settings = {
    marketplaces: [
      marketplace('amazon'),
      marketplace('magalu', { INVENTORY: false }),
    ],
    maxRetries: 10,
  }

  it('queues one job per marketplace enabled for the tab, and records the outcome', async () => {
    const env = setup(settings, t0)

    env.vtex.stock.set('100', 3)
    // magalu does not receive inventory; the notification itself runs the job.
    expect(await env.queue.onCatalogChange(stockChange('100', t0))).toEqual([
      'done',
    ])
    expect(env.dispatcher.sent).toEqual([])
    expect(env.markets.accepted).toEqual([
      {
        marketplace: 'amazon',
        url: 'https://amazon.example/api/inventory/100',
        body: { quantity: 3 },
      },
    ])
    const log = await env.logs.get('INVENTORY:amazon:100')

    expect(log).toMatchObject({
      status: 'SUCCESS',
      lastAccepted: { quantity: 3 },
      changedAt: iso(t0),
      abnormal: false,
    })
  })

  it('sends a product change to every marketplace enabled for products, re-read from the catalog', async () => {
    const env = setup(settings, t0)

    env.vtex.skus.set('7', {
      Id: 7,
      ProductId: 3,
      NameComplete: 'Mochila 20L',
      AlternateIds: { Ean: '7890000000077' },
    })
    expect(
      await env.queue.onCatalogChange({
        IdSku: 7,
        HasStockKeepingUnitModified: true,
        DateModified: iso(t0),
      })
    ).toEqual(['done', 'done'])
    expect(
      env.markets.accepted
        .map((a) => a.marketplace)
        .sort((a, b) => a.localeCompare(b))
    ).toEqual(['amazon', 'magalu'])
    expect(env.markets.accepted[0].body).toMatchObject({
      name: 'Mochila 20L',
      ean: '7890000000077',
    })
  })

  it('applies the 5-unit rule to stock-only changes with the last exported balance (16→60 no, 0→23 and 15→2 yes)', async () => {
    const env = setup(
      { marketplaces: [marketplace('amazon')], maxRetries: 10 },
      t0
    )

    const change = async (sku: string, quantity: number, minute: number) => {
      env.vtex.stock.set(sku, quantity)

      return env.queue.onCatalogChange(stockChange(sku, t0 + minute * 60_000))
    }

    await change('201', 16, 0) // first export: nothing known before
    expect(await change('201', 60, 1)).toEqual(['skipped'])
    await change('202', 0, 0)
    expect(await change('202', 23, 1)).toEqual(['done'])
    await change('203', 15, 0)
    expect(await change('203', 2, 1)).toEqual(['done'])
    const sent = env.markets.accepted.map(
      (a) =>
        `${a.url.split('/').pop()}:${(a.body as { quantity: number }).quantity}`
    )

    expect(sent).toEqual(['201:16', '202:0', '202:23', '203:15', '203:2'])
    expect((await env.logs.get('INVENTORY:amazon:201'))!.lastAccepted).toEqual({
      quantity: 16,
    })
  })

  it('exports a stock change that comes with a product change, whatever the balance', async () => {
    const env = setup(
      {
        marketplaces: [marketplace('amazon', { PRODUCTS: false })],
        maxRetries: 10,
      },
      t0
    )

    env.vtex.stock.set('201', 16)
    await env.queue.onCatalogChange(stockChange('201', t0))
    env.vtex.stock.set('201', 60)
    expect(
      await env.queue.onCatalogChange({
        IdSku: '201',
        StockModified: true,
        PriceModified: true,
        DateModified: iso(t0 + 60_000),
      })
    ).toEqual(['done'])
  })

  it('queues the same notification once when it is delivered twice, and sends once', async () => {
    const env = setup(
      { marketplaces: [marketplace('amazon')], maxRetries: 10 },
      t0
    )

    env.vtex.stock.set('100', 3)
    // Delivered twice at once: the second finds the job claimed and is not
    // acknowledged (JobBusy), so the bus delivers it again later.
    const both = await Promise.allSettled([
      env.queue.onCatalogChange(stockChange('100', t0)),
      env.queue.onCatalogChange(stockChange('100', t0)),
    ])

    expect(
      both.map((r) => r.status).sort((a, b) => a.localeCompare(b))
    ).toEqual(['fulfilled', 'rejected'])
    expect(both.find((r) => r.status === 'fulfilled')).toMatchObject({
      value: ['done'],
    })
    expect(both.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { name: 'JobBusy', status: 503 },
    })
    // Redelivered after the job finished: the log already has this change.
    expect(await env.queue.onCatalogChange(stockChange('100', t0))).toEqual([
      'duplicate',
    ])
    expect(env.markets.accepted).toHaveLength(1)
  })

  it('lets a redelivery take over a job whose handler failed midway', async () => {
    const env = setup(
      { marketplaces: [marketplace('amazon')], maxRetries: 10 },
      t0
    )

    env.vtex.stock.set('100', 3)
    const failing = env.vtex.inventory.bind(env.vtex)

    env.vtex.inventory = async () => {
      throw new Error('logistics timeout')
    }

    await expect(
      env.queue.onCatalogChange(stockChange('100', t0))
    ).rejects.toThrow('logistics timeout')
    env.vtex.inventory = failing
    // The platform delivers the notification again: the job is taken over, not left claimed.
    expect(await env.queue.onCatalogChange(stockChange('100', t0))).toEqual([
      'done',
    ])
    expect(env.markets.accepted).toHaveLength(1)
  })

  it('a job held by a handler that died is not acknowledged, and is taken over once its short lease ran out', async () => {
    const env = setup(
      { marketplaces: [marketplace('amazon')], maxRetries: 10 },
      t0
    )

    env.vtex.stock.set('100', 3)
    // A handler claimed the job and died before sending anything.
    const jobId = exportJobId('INVENTORY:amazon:100', iso(t0))

    await env.jobs.create(
      claim(
        newJob(jobId, 'INVENTORY:amazon:100', iso(t0), {
          kind: 'EXPORT',
          changedAt: iso(t0),
          sentAt: iso(t0),
        }),
        t0,
        'dead-owner'
      )!
    )
    // Redelivered while the claim looks live: deliver again later, not "done".
    await expect(
      env.queue.onCatalogChange(stockChange('100', t0))
    ).rejects.toMatchObject({ name: 'JobBusy', status: 503 })
    expect(env.markets.requests).toHaveLength(0)
    // Redelivered once its holder missed two renewals: waits for the claim
    // to run out and takes the job over, sending once.
    env.clock.t += STALE_AFTER_MS
    expect(await env.queue.onCatalogChange(stockChange('100', t0))).toEqual([
      'done',
    ])
    expect(env.clock.t).toBeGreaterThan(t0 + LEASE_MS)
    expect(env.markets.accepted).toHaveLength(1)
    expect(await env.jobs.pending(10)).toEqual([])
  })

  it('refuses a notification without a SKU id', async () => {
    const env = setup(settings, t0)

    await expect(
      env.queue.onCatalogChange({ IdSku: '', StockModified: true })
    ).rejects.toThrow(/valid IdSku/)
  })

  it('flags an update that reached the marketplace more than an hour after the change', async () => {
    const env = setup(
      { marketplaces: [marketplace('amazon')], maxRetries: 10 },
      t0 + 2 * 3600_000
    )

    env.vtex.stock.set('100', 3)
    await env.queue.onCatalogChange(stockChange('100', t0))
    expect(await env.logs.get('INVENTORY:amazon:100')).toMatchObject({
      abnormal: true,
      latencyMs: 2 * 3600_000,
    })
    expect((await env.logs.overview('INVENTORY')).abnormal).toBe(1)
  })
})

describe('retries', () => {
  const settings = { marketplaces: [marketplace('amazon')], maxRetries: 3 }

  it('retries a transient failure with backoff and sends once when the marketplace is back', async () => {
    const env = setup({ ...settings, maxRetries: 10 }, t0)

    env.vtex.stock.set('100', 3)
    env.markets.mode.set('amazon', 'down')
    expect(await env.queue.onCatalogChange(stockChange('100', t0))).toEqual([
      'retrying',
    ])
    const [{ ms }] = env.scheduler.pending

    expect(ms).toBeGreaterThanOrEqual(500)
    expect(ms).toBeLessThan(1000)
    // The retry is visible on the log while it waits.
    expect(await env.logs.get('INVENTORY:amazon:100')).toMatchObject({
      status: 'QUEUED',
      attempts: 0,
      history: [],
      message: expect.stringMatching(
        /^Could not reach Amazon|Amazon answered HTTP 5/
      ),
      retry: {
        attempt: 1,
        maxAttempts: 10,
        nextAttemptAt: new Date(t0 + ms).toISOString(),
        lastError: expect.any(String),
      },
    })
    // Not due yet: a stray delivery does nothing.
    env.dispatcher.sent.push({
      jobId: (await env.jobs.pending(1))[0],
      logId: '',
    })
    expect(await env.drain()).toEqual(['busy'])
    env.markets.mode.set('amazon', 'ok')
    env.clock.t += ms
    await env.scheduler.runAll()
    expect(await env.drain()).toEqual(['done'])
    expect(env.markets.accepted).toHaveLength(1)
    expect(env.markets.requests).toHaveLength(2)
    expect(await env.logs.get('INVENTORY:amazon:100')).toMatchObject({
      status: 'SUCCESS',
      attempts: 1,
      retry: null,
      retriesExhausted: null,
    })
  })

  it('gives up after the configured count, keeping the attempts as data', async () => {
    const env = setup(settings, t0)

    env.vtex.stock.set('100', 3)
    env.markets.mode.set('amazon', 'down')
    const results: string[] = await env.queue.onCatalogChange(
      stockChange('100', t0)
    )

    while (env.scheduler.pending.length) {
      env.clock.t += 60_000
      await env.scheduler.runAll()
      results.push(...(await env.drain()))
    }

    expect(results).toEqual(['retrying', 'retrying', 'done'])
    const log = await env.logs.get('INVENTORY:amazon:100')

    expect(log).toMatchObject({
      status: 'ERROR',
      retry: null,
      retriesExhausted: 3,
    })
    expect(log!.message).toBe('Amazon answered HTTP 503: Service unavailable')
    expect(await env.jobs.pending(10)).toEqual([])
  })

  it('honours Retry-After on 429', async () => {
    const env = setup(settings, t0)

    env.vtex.stock.set('100', 3)
    env.markets.mode.set('amazon', 'throttle')
    await env.queue.onCatalogChange(stockChange('100', t0))
    expect(env.scheduler.pending[0].ms).toBe(7000)
  })

  it('fails a validation error at once with the marketplace message', async () => {
    const env = setup(settings, t0)

    env.vtex.skus.set('7', { Id: 7, ProductId: 3, NameComplete: 'x' })
    env.markets.mode.set('amazon', 'reject')
    expect(
      await env.queue.onCatalogChange({
        IdSku: 7,
        HasStockKeepingUnitModified: true,
        DateModified: iso(t0),
      })
    ).toEqual(['done'])
    expect(env.scheduler.pending).toEqual([])
    const log = await env.logs.get('PRODUCTS:amazon:7')

    expect(log).toMatchObject({
      status: 'ERROR',
      message: 'Amazon answered HTTP 400: Invalid EAN',
    })
    expect(log!.origin!.response.status).toBe(400)
  })

  it('records an error when the SKU no longer exists in VTEX', async () => {
    const env = setup(settings, t0)

    await env.queue.onCatalogChange({
      IdSku: 8,
      HasStockKeepingUnitModified: true,
      DateModified: iso(t0),
    })
    expect(await env.logs.get('PRODUCTS:amazon:8')).toMatchObject({
      status: 'ERROR',
      message: 'SKU 8 was not found in the VTEX catalog.',
    })
    expect(env.markets.requests).toEqual([])
  })
})

describe('tracking', () => {
  const settings = { marketplaces: [marketplace('amazon')], maxRetries: 10 }
  const invoiced = {
    orderId: 'o-1',
    status: 'invoiced',
    ...soldOn('amazon', '702-1234567-1234567'),
    packageAttachment: {
      packages: [
        {
          invoiceNumber: '40012',
          invoiceKey: 'k',
          invoiceValue: 100,
          issuanceDate: '2026-11-20T12:00:00Z',
          trackingNumber: 'BR1',
          trackingUrl: 'https://t/BR1',
          courier: 'Correios',
        },
      ],
    },
  }

  it('sends Invoiced with invoice and tracking, and never a status it has passed', async () => {
    const env = setup(settings, t0)

    env.vtex.orders.set('o-1', invoiced)
    await env.queue.onOrderStatus({
      orderId: 'o-1',
      currentState: 'invoiced',
      currentChangeDate: iso(t0),
    })
    expect(env.markets.accepted[0]).toMatchObject({
      url: 'https://amazon.example/api/orders/702-1234567-1234567/tracking',
      body: {
        status: 'invoiced',
        orderId: 'o-1',
        marketplaceOrderId: '702-1234567-1234567',
        invoice: { number: '40012' },
        tracking: { number: 'BR1', courier: 'Correios' },
      },
    })
    env.vtex.orders.set('o-1', {
      ...invoiced,
      status: 'handling',
      packageAttachment: null,
    })
    expect(
      await env.queue.onOrderStatus({
        orderId: 'o-1',
        currentState: 'handling',
        currentChangeDate: iso(t0 + 1000),
      })
    ).toEqual(['skipped'])
    expect(env.markets.accepted).toHaveLength(1)
  })

  it('does not send statuses outside the workflow it owns', async () => {
    const env = setup(settings, t0)

    env.vtex.orders.set('o-2', {
      orderId: 'o-2',
      status: 'window-to-cancel',
      ...soldOn('amazon'),
    })
    expect(
      await env.queue.onOrderStatus({
        orderId: 'o-2',
        currentState: 'window-to-cancel',
        currentChangeDate: iso(t0),
      })
    ).toEqual(['skipped'])
    expect(env.markets.requests).toEqual([])
    expect(await env.logs.get('TRACKING:amazon:o-2')).toBeNull()
  })
})

describe('reprocess', () => {
  const settings = { marketplaces: [marketplace('amazon')], maxRetries: 10 }

  async function failedLog(env: ReturnType<typeof setup>, sku = '1') {
    const key = {
      tab: 'INVENTORY' as const,
      marketplace: 'amazon',
      entityId: sku,
    }

    await env.logs.update(key, (cur) =>
      recordOutcome(
        cur,
        key,
        { quantity: 9 },
        {
          status: 'ERROR',
          message: 'HTTP 503',
          origin: null,
          at: iso(t0),
          trigger: 'CHANGE',
          changedAt: iso(t0),
        }
      )
    )

    return `INVENTORY:amazon:${sku}`
  }

  it('queues at once, then re-reads VTEX and sends the current state, not the stale payload', async () => {
    const env = setup(settings, t0 + 60_000)
    const id = await failedLog(env)

    env.vtex.stock.set('1', 4)
    const [queued] = await env.queue.reprocess([id])

    expect(queued.status).toBe('QUEUED')
    expect(await env.drain()).toEqual(['done'])
    expect(env.markets.accepted[0].body).toEqual({ quantity: 4 })
    const log = await env.logs.get(id)

    expect(log).toMatchObject({
      status: 'SUCCESS',
      attempts: 2,
      jobId: null,
      payload: { quantity: 4 },
    })
    expect(log!.history[0].trigger).toBe('REPROCESS')
  })

  it('may fail again (one attempt, no retries)', async () => {
    const env = setup(settings, t0)
    const id = await failedLog(env)

    env.vtex.stock.set('1', 4)
    env.markets.mode.set('amazon', 'down')
    await env.queue.reprocess([id])
    expect(await env.drain()).toEqual(['done'])
    expect(await env.logs.get(id)).toMatchObject({
      status: 'ERROR',
      attempts: 2,
    })
  })

  it('does the work once when the event is delivered twice', async () => {
    const env = setup(settings, t0)
    const id = await failedLog(env)

    env.vtex.stock.set('1', 4)
    const [queued] = await env.queue.reprocess([id])
    const results = await Promise.allSettled([
      env.queue.run(queued.jobId!),
      env.queue.run(queued.jobId!),
    ])

    expect(
      results.map((r) =>
        r.status === 'fulfilled' ? r.value : (r.reason as Error).name
      )
    ).toEqual(expect.arrayContaining(['done', 'JobBusy']))
    expect(await env.queue.run(queued.jobId!)).toBe('missing')
    expect(env.markets.accepted).toHaveLength(1)
  })

  it('queues only once when asked twice', async () => {
    const env = setup(settings, t0)
    const id = await failedLog(env)
    const [a] = await env.queue.reprocess([id])
    const [b] = await env.queue.reprocess([id])

    expect(b.jobId).toBe(a.jobId)
    expect(env.dispatcher.sent).toHaveLength(1)
  })

  it('refuses the whole request, changing nothing, when one log is not an error', async () => {
    const env = setup(settings, t0)
    const good = await failedLog(env, '2')
    const key = {
      tab: 'INVENTORY' as const,
      marketplace: 'amazon',
      entityId: '3',
    }

    await env.logs.update(key, (cur) =>
      recordOutcome(
        cur,
        key,
        {},
        {
          status: 'SUCCESS',
          message: 'ok',
          origin: null,
          at: iso(t0),
          trigger: 'CHANGE',
        }
      )
    )
    await expect(
      env.queue.reprocess([good, 'INVENTORY:amazon:3'])
    ).rejects.toThrow(/only logs with errors can be reprocessed/)
    expect((await env.logs.get(good))!.status).toBe('ERROR')
    expect(env.dispatcher.sent).toEqual([])
    await expect(env.queue.reprocess(['INVENTORY:amazon:404'])).rejects.toThrow(
      /was not found/
    )
    await expect(env.queue.reprocess([])).rejects.toThrow(/from 1 to 100/)
  })

  it('keeps the job when the event cannot be sent, and the sweep sends it later', async () => {
    const env = setup(settings, t0)
    const id = await failedLog(env)

    env.dispatcher.failNext = 1
    const [queued] = await env.queue.reprocess([id])

    expect(queued.status).toBe('QUEUED')
    expect(env.dispatcher.sent).toEqual([])
    expect(await env.queue.sweep()).toEqual({ resent: 1, abandoned: 0 })
    expect(env.dispatcher.sent).toEqual([{ jobId: queued.jobId, logId: id }])
    expect(await env.queue.sweep()).toEqual({ resent: 0, abandoned: 0 })
    env.clock.t += RESEND_AFTER_MS
    expect(await env.queue.sweep()).toEqual({ resent: 1, abandoned: 0 })
  })

  it('gives up on a job never handled and puts the log back to error', async () => {
    const env = setup(settings, t0)
    const id = await failedLog(env)

    await env.queue.reprocess([id])
    for (let i = 0; i < 12; i++) {
      env.clock.t += RESEND_AFTER_MS
      await env.queue.sweep()
    }

    const log = await env.logs.get(id)

    expect(log).toMatchObject({ status: 'ERROR', jobId: null })
    expect(log!.message).toMatch(/not delivered after 10 attempts/)
  })

  it('does nothing for a job whose log was removed meanwhile', async () => {
    const env = setup(settings, t0)
    const id = await failedLog(env)
    const [queued] = await env.queue.reprocess([id])

    await env.logs.remove(id)
    expect(await env.queue.run(queued.jobId!)).toBe('superseded')
    expect(env.markets.requests).toEqual([])
    expect(await env.logs.get(id)).toBeNull()
  })
})
