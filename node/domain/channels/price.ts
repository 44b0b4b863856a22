import type { Money } from '../../marketplaces/adapter'
import type { ComputedPrice } from './vtexTypes'

export interface ChannelPrice {
  price: Money
  /** The "from" price, only when above the price (else there is nothing to strike through). */
  listPrice: Money | null
}

const cents = (n: number) => Math.round(n * 100) / 100
const positive = (n: unknown): n is number =>
  typeof n === 'number' && Number.isFinite(n) && n > 0

/**
 * A trade policy's price as a marketplace gets it, from Pricing's computed
 * price for that price table (`sellingPrice`, `listPrice`, in currency units)
 * and the trade policy's currency (`CurrencyCode` of the sales channel).
 * Null when Pricing has no price for it (no answer, or a selling price of
 * zero: VTEX sells nothing at 0). Amounts rounded to cents.
 */
export function channelPrice(
  computed: ComputedPrice | null | undefined,
  currency: string
): ChannelPrice | null {
  if (!computed || !positive(computed.sellingPrice)) return null
  const code = currency.trim().toUpperCase()
  const price = { amount: cents(computed.sellingPrice), currency: code }

  return {
    price,
    listPrice:
      positive(computed.listPrice) && cents(computed.listPrice) > price.amount
        ? { amount: cents(computed.listPrice), currency: code }
        : null,
  }
}
