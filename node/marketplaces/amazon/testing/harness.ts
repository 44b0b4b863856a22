/**
 * The Amazon adapter wired for tests: a virtual clock shared by the
 * adapter (its `now` and its limiter's waits) and the emulator, a
 * transport into the emulator, an in-memory TokenKeeper, and the seeded
 * seller's settings. The emulator is passed in (tests require it from
 * local/emulator/amazon, which the app never ships).
 */
import type {
  AdapterContext,
  HttpTransport,
  MarketplaceAdapter,
} from '../../adapter'
import type { AmazonAdapterOptions } from '../index'
import { createAmazonAdapter } from '../index'
import type { AmazonConfig } from '../settings'
import type { InProcessServer } from './emulatorTransport'
import { EmulatorTransport } from './emulatorTransport'
import { MemoryTokenKeeper } from './memoryTokenKeeper'
import { VirtualClock } from './virtualClock'

export const T0 = Date.parse('2026-05-04T12:00:00Z')
export const TEST_USER_AGENT =
  'MarketplaceBridge/test (Language=TypeScript; Platform=jest)'

export interface Seed {
  clientId: string
  clientSecret: string
  sellerId: string
  refreshToken: string
  marketplaceId: string
}

export const seededConfig = (seed: Seed): AmazonConfig => ({
  region: 'NA',
  sellerId: seed.sellerId,
  marketplaceIds: [seed.marketplaceId],
  lwaClientId: seed.clientId,
  lwaClientSecret: seed.clientSecret,
  lwaRefreshToken: seed.refreshToken,
  productTypes: [{ categoryId: '12', productType: 'HOME' }],
})

export function amazonHarness<E extends InProcessServer>(
  makeEmulator: (clock: VirtualClock) => E,
  config: AmazonConfig,
  options: AmazonAdapterOptions = {}
) {
  const clock = new VirtualClock(T0)
  const emulator = makeEmulator(clock)
  const transport = new EmulatorTransport(emulator)
  const tokens = new MemoryTokenKeeper(clock.now)
  const adapter: MarketplaceAdapter<AmazonConfig> = createAmazonAdapter({
    sleep: clock.sleep,
    userAgent: TEST_USER_AGENT,
    ...options,
  })

  const context = (
    overrides: Partial<AmazonConfig> = {},
    http: HttpTransport = transport
  ): AdapterContext<AmazonConfig> => ({
    marketplace: {
      id: 'amazon',
      name: 'Amazon',
      config: { ...config, ...overrides },
    },
    http,
    tokens,
    now: clock.now,
  })

  /** Lets `work` run to the end in virtual time (limiter waits included). */
  async function run<T>(work: Promise<T>): Promise<T> {
    await clock.run()

    return work
  }

  return { clock, emulator, transport, tokens, adapter, context, run }
}
