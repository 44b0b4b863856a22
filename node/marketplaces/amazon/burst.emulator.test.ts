/**
 * A burst of 500 stock changes through the adapter's limiter against the
 * local Amazon's usage plan (patchListingsItem: 5 per second, burst 5), in
 * virtual time, with the queue's retry rule (the later of the outcome's
 * retryAfterMs and the queue's backoff, at most 10 attempts). Nothing may be
 * lost: every change ends accepted, every 429 (ideally none) comes back as
 * a transient outcome and is retried.
 */
import { backoffMs } from '../../domain/queue'
import type { AdapterResult, Operation } from '../adapter'
import type { AmazonEmulatorModule } from './testing/emulatorTypes'
import { amazonHarness, seededConfig } from './testing/harness'

// The emulator is plain CommonJS outside node/ (local runtime only, never shipped).
// eslint-disable-next-line @typescript-eslint/no-var-requires, @typescript-eslint/no-require-imports
const emulatorModule: AmazonEmulatorModule = require('../../../local/emulator/amazon')

const { AmazonEmulator, AMAZON_SEED: SEED } = emulatorModule

const MAX_ATTEMPTS = 10
/** Virtual time runs fast, but 1000 calls through the emulator take a moment on a busy machine. */
const SLOW = 60_000

async function burst(skus: string[]) {
  const h = amazonHarness(
    (clock) => new AmazonEmulator({ clock }),
    seededConfig(SEED)
  )

  const { adapter, context, clock, run, emulator } = h
  const started = clock.now()
  let transients = 0

  const job = async (
    op: Operation,
    attempt = 1
  ): Promise<{ result: AdapterResult; attempts: number }> => {
    const result = await adapter.perform(op, context())
    const { outcome } = result

    if (
      outcome.status === 'ERROR' &&
      outcome.transient &&
      attempt < MAX_ATTEMPTS
    ) {
      transients++
      await clock.sleep(
        Math.max(
          outcome.transient.retryAfterMs ?? 0,
          backoffMs(attempt - 1, 1000, 20_000, () => 0.5)
        )
      )

      return job(op, attempt + 1)
    }

    return { result, attempts: attempt }
  }

  const results = await run(
    Promise.all(
      skus.map((sku, i) =>
        job({ type: 'STOCK', skuId: sku, quantity: 1 + (i % 9), listing: null })
      )
    )
  )

  const attempts: Record<number, number> = {}

  for (const r of results)
    attempts[r.attempts] = (attempts[r.attempts] ?? 0) + 1

  return {
    results,
    attempts,
    transients,
    seconds: (clock.now() - started) / 1000,
    throttled: emulator.stats.throttled,
    invalid: emulator.stats.invalidRequests,
    patches: emulator.stats.byOperation.patchListingsItem ?? 0,
  }
}

describe('a burst of 500 stock changes', () => {
  it(
    'stays inside the usage plan: all accepted, no 429, each deferred change retried once',
    async () => {
      const skus = Array.from({ length: 500 }, (_, i) => String(3000 + i))
      const b = await burst(skus)

      console.log(
        `burst: ${skus.length} STOCK changes in ${b.seconds}s (virtual), ${
          b.throttled
        } × 429, ${b.invalid} invalid requests, attempts ${JSON.stringify(
          b.attempts
        )}`
      )
      expect(b.results.map((r) => r.result.outcome.status)).toEqual(
        Array(500).fill('PENDING')
      )
      expect(b.throttled).toBe(0)
      expect(b.invalid).toBe(0)
      expect(b.patches).toBe(500)
      // The burst less the spare token (4) goes at once, 10 more wait up to 2 s inside their handler, the rest come back once at their slot.
      expect(b.attempts).toEqual({ 1: 14, 2: 486 })
      // 500 calls at 5 per second after a burst of 5.
      expect(b.seconds).toBeGreaterThanOrEqual(99)
      expect(b.seconds).toBeLessThan(101)
    },
    SLOW
  )

  it(
    'loses nothing when several changes share SKUs (their slots collide)',
    async () => {
      const skus = Array.from({ length: 500 }, (_, i) =>
        String(4000 + (i % 50))
      )

      const b = await burst(skus)

      console.log(
        `burst on 50 SKUs: ${skus.length} STOCK changes in ${
          b.seconds
        }s (virtual), ${b.throttled} × 429, attempts ${JSON.stringify(
          b.attempts
        )}`
      )
      expect(
        b.results.every((r) => r.result.outcome.status === 'PENDING')
      ).toBe(true)
      expect(b.throttled).toBe(0)
      expect(Math.max(...Object.keys(b.attempts).map(Number))).toBeLessThan(
        MAX_ATTEMPTS
      )
    },
    SLOW
  )

  it('when Amazon throttles anyway, every 429 is a transient outcome that is retried, never a silent drop', async () => {
    const h = amazonHarness(
      (clock) => new AmazonEmulator({ clock }),
      seededConfig(SEED)
    )

    h.emulator.act('throttle', { operation: 'patchListingsItem', next: 3 })
    const results = await h.run(
      Promise.all(
        ['1000', '1003', '1006', '1009'].map((sku) =>
          h.adapter.perform(
            { type: 'STOCK', skuId: sku, quantity: 2, listing: null },
            h.context()
          )
        )
      )
    )

    const reasons = results.map((r) => r.outcome.reason)

    expect(reasons.filter((r) => r === 'AMAZON_THROTTLED')).toHaveLength(3)
    expect(
      results
        .filter((r) => r.outcome.status === 'ERROR')
        .every((r) => r.outcome.status === 'ERROR' && r.outcome.transient)
    ).toBe(true)
    expect(h.emulator.stats.throttled).toBe(3)
  })
})
