import type { FieldError } from '../errors'
import type { Affiliate, SalesChannel } from './vtexTypes'

/** One marketplace's channel fields as the settings page sends them. */
export interface ChannelSettingsInput {
  affiliateId?: unknown
  salesChannel?: unknown
}

/** What the store's VTEX account has, read from VTEX just before validating. */
export interface AccountChannels {
  affiliates: readonly Affiliate[]
  salesChannels: readonly SalesChannel[]
}

const text = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' ? String(v).trim() : ''

/**
 * Every invalid channel field of the configured marketplaces at once (the
 * caller raises INVALID_SETTINGS with them and saves nothing). Paths
 * `marketplaces.{i}.affiliateId` / `marketplaces.{i}.salesChannel`:
 *   REQUIRED   the field is empty;
 *   UNKNOWN    the account has no such affiliate / trade policy (params.value);
 *   DUPLICATE  two marketplaces name one affiliate (VTEX: one affiliate per marketplace);
 *   NOT_ALLOWED the trade policy is inactive (params.reason INACTIVE), or is
 *              not the affiliate's (params.reason AFFILIATE_SALES_CHANNEL,
 *              params.expected: the affiliate's): VTEX sends that
 *              marketplace the affiliate's trade policy, so the bridge must
 *              read stock and prices from the same one.
 */
export function validateChannelSettings(
  marketplaces: readonly ChannelSettingsInput[],
  account: AccountChannels,
  /** `required: false`: an empty field is allowed (a marketplace not yet given its channel). */
  { required = true }: { required?: boolean } = {}
): FieldError[] {
  const errors: FieldError[] = []
  const seen = new Map<string, number>()

  marketplaces.forEach((m, i) => {
    const at = (f: string) => `marketplaces.${i}.${f}`
    const affiliateId = text(m.affiliateId).toUpperCase()
    const salesChannel = text(m.salesChannel)
    const affiliate = account.affiliates.find(
      (a) => a.id.trim().toUpperCase() === affiliateId
    )

    const channel = account.salesChannels.find(
      (c) => String(c.Id) === salesChannel
    )

    if (!affiliateId) {
      if (required) errors.push({ field: at('affiliateId'), code: 'REQUIRED' })
    } else if (!affiliate)
      errors.push({
        field: at('affiliateId'),
        code: 'UNKNOWN',
        params: { value: affiliateId },
      })
    else if (seen.has(affiliateId))
      errors.push({
        field: at('affiliateId'),
        code: 'DUPLICATE',
        params: { value: affiliateId, index: seen.get(affiliateId)! },
      })
    if (affiliateId && !seen.has(affiliateId)) seen.set(affiliateId, i)

    if (!salesChannel) {
      if (required) errors.push({ field: at('salesChannel'), code: 'REQUIRED' })
    } else if (!channel)
      errors.push({
        field: at('salesChannel'),
        code: 'UNKNOWN',
        params: { value: salesChannel },
      })
    else if (!channel.IsActive)
      errors.push({
        field: at('salesChannel'),
        code: 'NOT_ALLOWED',
        params: { value: salesChannel, reason: 'INACTIVE' },
      })
    else if (
      affiliate &&
      String(affiliate.salesChannel).trim() !== salesChannel
    )
      errors.push({
        field: at('salesChannel'),
        code: 'NOT_ALLOWED',
        params: {
          value: salesChannel,
          reason: 'AFFILIATE_SALES_CHANNEL',
          expected: String(affiliate.salesChannel).trim(),
        },
      })
  })

  return errors
}
