import { StoredTokenKeeper } from '../../../services/tokenKeeper'
import { MemoryStorage } from '../../../test/memoryStorage'
import type { AdapterContext } from '../../adapter'
import type { MercadoLivreConfig } from '../config'
import { readTokenAnswer } from '../oauth'
import type { RunningEmulator } from './emulator'
import { SELLER_ID, startMercadoLivre } from './emulator'

/** The settings of the emulator's seeded application and seller. */
export const CONFIG: MercadoLivreConfig = {
  clientId: '5551234567890123',
  clientSecret: 'emulator-client-secret',
  siteId: 'MLB',
  redirectUri: 'https://localhost/_v/marketplace-bridge/oauth/mercadolivre',
  sellerId: String(SELLER_ID),
  categories: [
    {
      vtexCategoryId: '10',
      mlCategoryId: 'MLB1276',
      listingTypeId: 'gold_special',
    },
    {
      vtexCategoryId: '20',
      mlCategoryId: 'MLB1055',
      listingTypeId: 'gold_pro',
    },
  ],
  sendPrices: true,
  condition: 'new',
  trackingServiceId: 11,
  courierServices: [{ courier: 'Correios', serviceId: 1 }],
}

export interface Connected {
  ml: RunningEmulator
  store: MemoryStorage
  keeper: StoredTokenKeeper
  ctx(config?: Partial<MercadoLivreConfig>): AdapterContext<MercadoLivreConfig>
}

/** The emulator running, and marketplace `ml1` connected to its seeded seller. */
export async function connectedMercadoLivre(
  options: { timeoutMs?: number } = {}
): Promise<Connected> {
  const ml = await startMercadoLivre(options)
  const store = new MemoryStorage()
  const keeper = new StoredTokenKeeper(store, 'ml1', { pollMs: 5 })
  const answer = readTokenAnswer(
    { status: 200, headers: {}, body: await ml.control('/grant', {}) },
    Date.now()
  )

  if (!answer.ok) throw new Error('The emulator gave no grant')
  await keeper.connect(answer.grant)

  return {
    ml,
    store,
    keeper,
    ctx: (config = {}) => ({
      marketplace: {
        id: 'ml1',
        name: 'Mercado Livre',
        config: { ...CONFIG, ...config },
      },
      http: ml.transport,
      tokens: keeper,
      now: () => Date.now(),
    }),
  }
}
