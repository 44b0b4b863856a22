import type { FieldError } from '../errors'
import type { AccountChannels, ChannelSettingsInput } from './validateChannels'
import { validateChannelSettings } from './validateChannels'

type RawMarketplace = ChannelSettingsInput & { id?: unknown }

const text = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' ? String(v).trim() : ''

const key = (m: RawMarketplace) =>
  `${text(m.affiliateId).toUpperCase()}|${text(m.salesChannel)}`

/** Marketplaces (by index) whose affiliate or trade policy differs from what was saved under the same id. */
export function changedChannels(
  before: readonly RawMarketplace[],
  after: readonly RawMarketplace[]
): number[] {
  const saved = new Map(before.map((m) => [text(m.id), key(m)]))

  return after
    .map((m, i) => ({ i, changed: saved.get(text(m.id)) !== key(m) }))
    .filter((x) => x.changed && key(after[x.i]) !== '|')
    .map((x) => x.i)
}

export type ChannelCheck =
  | { ok: true; currencies: Array<string | null> }
  | { ok: false; errors: FieldError[] }

/**
 * The channel part of a settings save (docs/channels.md, "What the store
 * configures"): nothing to check when no marketplace's affiliate or trade
 * policy changed; otherwise every marketplace's channel against the account
 * (validateChannelSettings; an empty one is allowed: it is the "not set yet"
 * fallback). `account` null: VTEX did not let the admin read the lists, so
 * the changed fields cannot be checked and are refused (NOT_ALLOWED, reason
 * CANNOT_READ_VTEX). Valid: each marketplace's trade policy currency, to save
 * with it.
 */
export function checkChannelSettings(
  before: readonly RawMarketplace[],
  after: readonly RawMarketplace[],
  account: AccountChannels | null
): ChannelCheck {
  const changed = changedChannels(before, after)
  const currencyOf = (m: RawMarketplace) =>
    account?.salesChannels.find((c) => String(c.Id) === text(m.salesChannel))
      ?.CurrencyCode ?? null

  if (changed.length === 0)
    return { ok: true, currencies: after.map((m) => currencyOf(m)) }
  if (!account)
    return {
      ok: false,
      errors: changed.flatMap((i) =>
        (['affiliateId', 'salesChannel'] as const)
          .filter((f) => text(after[i][f]) !== '')
          .map((f) => ({
            field: `marketplaces.${i}.${f}`,
            code: 'NOT_ALLOWED' as const,
            params: { reason: 'CANNOT_READ_VTEX' },
          }))
      ),
    }

  const errors = validateChannelSettings(after, account, { required: false })

  return errors.length
    ? { ok: false, errors }
    : { ok: true, currencies: after.map((m) => currencyOf(m)) }
}
