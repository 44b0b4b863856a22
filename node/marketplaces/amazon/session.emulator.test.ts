/**
 * What every Amazon call goes through (Login with Amazon, the usage plan, refusals and outages) against the local Amazon (local/emulator/amazon), which
 * validates every request against Amazon's SP-API models.
 */
import type { HttpTransport, Operation } from '../adapter'
import type {
  AmazonEmulatorInstance,
  AmazonEmulatorModule,
} from './testing/emulatorTypes'
import { reportEmulators } from './testing/emulatorReport'
import { amazonHarness, seededConfig } from './testing/harness'

// The emulator is plain CommonJS outside node/ (local runtime only, never shipped).
// eslint-disable-next-line @typescript-eslint/no-var-requires, @typescript-eslint/no-require-imports
const emulatorModule: AmazonEmulatorModule = require('../../../local/emulator/amazon')

const { AmazonEmulator, AMAZON_SEED: SEED } = emulatorModule

const emulators: AmazonEmulatorInstance[] = []
const setup = (options: Parameters<typeof amazonHarness>[2] = {}) => {
  const h = amazonHarness(
    (clock) => new AmazonEmulator({ clock }),
    seededConfig(SEED),
    options
  )

  emulators.push(h.emulator)

  return h
}

afterAll(() => reportEmulators(emulators))

const stock = (skuId: string, quantity: number): Operation => ({
  type: 'STOCK',
  skuId,
  quantity,
  listing: null,
})

describe('Amazon calls: tokens, usage plans and failures against the local Amazon', () => {
  it('429 from Amazon is a transient outcome with the time of the next token; the retry goes through', async () => {
    const { adapter, context, run, clock, emulator } = setup()

    emulator.act('throttle', { operation: 'patchListingsItem', next: 1 })
    const r = await run(adapter.perform(stock(SEED.skus[7], 1), context()))

    expect(r.outcome).toEqual({
      status: 'ERROR',
      reason: 'AMAZON_THROTTLED',
      businessMessage: 'You exceeded your quota for the requested resource.',
      transient: { retryAfterMs: 200 },
    })
    clock.advance(200)
    expect(
      (await run(adapter.perform(stock(SEED.skus[7], 1), context()))).outcome
        .status
    ).toBe('PENDING')
    expect(emulator.stats.throttled).toBe(1)
  })

  it('the limiter follows the rate Amazon says it applies (x-amzn-RateLimit-Limit)', async () => {
    const { adapter, context, run, clock, emulator } = setup({
      limiter: { maxWaitMs: 60_000, holdMs: 60_000 },
    })

    emulator.act('throttle', {
      operation: 'patchListingsItem',
      rate: 1,
      burst: 5,
    })
    // The first answer says 1.0/s (the documented plan is 5/s).
    await run(adapter.perform(stock(SEED.skus[0], 2), context()))
    const started = clock.now()
    const results = await run(
      Promise.all(
        SEED.skus
          .slice(1, 9)
          .map((sku) => adapter.perform(stock(sku, 2), context()))
      )
    )

    // 3 tokens left in the paced burst (Amazon's less the spare), then one call a second: none refused.
    expect(results.map((r) => r.outcome.status)).toEqual(
      Array(8).fill('PENDING')
    )
    expect(emulator.stats.throttled).toBe(0)
    expect(clock.now() - started).toBe(5_000)
  })

  it('an access token Amazon expired is exchanged once for 8 concurrent jobs', async () => {
    const { adapter, context, run, emulator, tokens } = setup({
      limiter: { maxWaitMs: 10_000, holdMs: 60_000 },
    })

    await run(adapter.perform(stock(SEED.skus[0], 1), context()))
    expect(emulator.lwa.issued).toBe(1)
    emulator.act('expire-tokens')
    const results = await run(
      Promise.all(
        SEED.skus
          .slice(1, 9)
          .map((sku) => adapter.perform(stock(sku, 4), context()))
      )
    )

    expect(results.map((r) => r.outcome.status)).toEqual(
      Array(8).fill('PENDING')
    )
    expect(emulator.lwa.issued).toBe(2)
    expect(tokens.refreshes).toBe(2)
    // Each job shows the refused call and the retry.
    expect(results[0].exchanges.map((e) => e.response.status)).toEqual([
      403, 200,
    ])
  })

  it('a token past its expiry is refreshed once for 8 concurrent jobs, before any call', async () => {
    const { adapter, context, run, clock, emulator } = setup({
      limiter: { maxWaitMs: 10_000, holdMs: 60_000 },
    })

    await run(adapter.perform(stock(SEED.skus[0], 1), context()))
    clock.advance(3_600_000)
    const results = await run(
      Promise.all(
        SEED.skus
          .slice(1, 9)
          .map((sku) => adapter.perform(stock(sku, 4), context()))
      )
    )

    expect(
      results.every(
        (r) => r.exchanges.length === 1 && r.outcome.status === 'PENDING'
      )
    ).toBe(true)
    expect(emulator.lwa.issued).toBe(2)
  })

  it('an unknown seller is a clear ERROR (403), the token kept', async () => {
    const { adapter, context, run, emulator } = setup()
    const r = await run(
      adapter.perform(
        stock(SEED.skus[0], 1),
        context({ sellerId: 'A9UNKNOWNSELLER' })
      )
    )

    expect(r.outcome).toEqual({
      status: 'ERROR',
      reason: 'AMAZON_ACCESS_DENIED',
      params: { code: 'Unauthorized' },
      businessMessage: 'Access to requested resource is denied.',
    })
    expect(r.exchanges).toHaveLength(1)
    expect(emulator.lwa.issued).toBe(1)
    // Another seller's order is not found, as Amazon answers.
    const other = setup()
    const t = await other.run(
      other.adapter.perform(
        {
          type: 'TRACKING',
          order: { orderId: 'x', marketplaceOrderId: SEED.orders[0] },
          update: {
            status: 'invoiced',
            tracking: { number: 'T1', url: null, courier: 'C' },
          },
        },
        other.context({
          sellerId: SEED.otherSellerId,
          lwaRefreshToken: 'Atzr|local-other-seller-refresh-token',
        })
      )
    )

    expect(t.outcome).toMatchObject({
      status: 'ERROR',
      reason: 'AMAZON_NOT_FOUND',
    })
  })

  it('refused Login with Amazon credentials are a clear ERROR and nothing reaches the SP-API', async () => {
    const { adapter, context, run, emulator } = setup()
    const r = await run(
      adapter.perform(
        stock(SEED.skus[0], 1),
        context({ lwaClientSecret: 'wrong' })
      )
    )

    expect(r).toEqual({
      outcome: {
        status: 'ERROR',
        reason: 'AMAZON_AUTH_REFUSED',
        businessMessage: 'invalid_client: Client authentication failed',
      },
      exchanges: [],
    })
    expect(emulator.stats.requests).toBe(0)
  })

  it('an outage or a lost answer is transient', async () => {
    const { adapter, context, run, emulator, transport } = setup()

    // Login with Amazon unreachable: no token, nothing sent.
    transport.failNext(1)
    expect(
      await run(adapter.perform(stock(SEED.skus[0], 1), context()))
    ).toEqual({
      outcome: {
        status: 'ERROR',
        reason: 'AMAZON_AUTH_UNAVAILABLE',
        businessMessage: 'Login with Amazon unavailable (ETIMEDOUT)',
        transient: { retryAfterMs: null },
      },
      exchanges: [],
    })
    emulator.act('outage', { down: true })
    expect(
      (await run(adapter.perform(stock(SEED.skus[0], 1), context()))).outcome
    ).toMatchObject({
      reason: 'AMAZON_UNAVAILABLE',
      transient: { retryAfterMs: null },
    })
    emulator.act('outage', { down: false })
    transport.failNext(1)
    expect(
      (await run(adapter.perform(stock(SEED.skus[0], 1), context()))).outcome
    ).toMatchObject({
      reason: 'AMAZON_UNAVAILABLE',
      businessMessage: 'ETIMEDOUT',
    })
    expect(
      (await run(adapter.perform(stock(SEED.skus[0], 1), context()))).outcome
        .status
    ).toBe('PENDING')
  })

  it('a malformed answer is a clear ERROR, never a crash', async () => {
    const { adapter, context, run, transport } = setup()
    const garbled: HttpTransport = {
      async send(req) {
        const res = await transport.send(req)

        return req.method === 'PATCH'
          ? { ...res, body: '<html>proxy error</html>' }
          : res
      },
    }

    expect(
      (await run(adapter.perform(stock(SEED.skus[0], 1), context({}, garbled))))
        .outcome
    ).toMatchObject({
      status: 'ERROR',
      reason: 'AMAZON_MALFORMED_ANSWER',
    })
    expect(
      (await run(adapter.followUp!('not-a-ref', context()))).outcome
    ).toEqual({
      status: 'ERROR',
      reason: 'AMAZON_INVALID_FOLLOW_UP',
      params: { ref: 'not-a-ref' },
    })
  })
})
