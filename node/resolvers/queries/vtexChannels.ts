import { accountChannels, adminToken } from '../../services/accountChannels'
import { withErrors } from '../errors'
import type { QueryFn } from '../types'

/** Affiliates and trade policies for the settings page, read as the admin. */
export const vtexChannels: QueryFn<'vtexChannels'> = withErrors(
  async (_, __, ctx) => {
    const lists = await accountChannels(ctx.clients, adminToken(ctx))

    return {
      affiliates:
        lists.affiliates?.map((a) => ({
          id: a.id,
          name: a.name,
          salesChannel: String(a.salesChannel),
        })) ?? null,
      affiliatesError: lists.affiliatesError,
      salesChannels:
        lists.salesChannels?.map((c) => ({
          id: String(c.Id),
          name: c.Name,
          isActive: c.IsActive,
          currencyCode: c.CurrencyCode,
        })) ?? null,
      salesChannelsError: lists.salesChannelsError,
    }
  }
)
