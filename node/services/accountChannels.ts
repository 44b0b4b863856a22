import type { Clients } from '../clients'
import {
  changedChannels,
  checkChannelSettings,
} from '../domain/channels/settingsCheck'
import type { AccountChannels } from '../domain/channels/validateChannels'
import { invalidFields } from '../domain/errors'

export type ListError = 'FORBIDDEN' | 'UNAVAILABLE'

export interface AccountChannelLists {
  affiliates: AccountChannels['affiliates'] | null
  affiliatesError: ListError | null
  salesChannels: AccountChannels['salesChannels'] | null
  salesChannelsError: ListError | null
}

const statusOf = (e: unknown) =>
  (e as { response?: { status?: number } })?.response?.status ?? null

async function attempt<T>(
  call: () => Promise<T>
): Promise<{ value: T | null; error: ListError | null }> {
  try {
    return { value: await call(), error: null }
  } catch (e) {
    const status = statusOf(e)

    return {
      value: null,
      error: status === 401 || status === 403 ? 'FORBIDDEN' : 'UNAVAILABLE',
    }
  }
}

/**
 * The store's affiliates and trade policies, read with the admin's own
 * session (docs/channels.md, "Permissions"): the settings page's lists and
 * what a save is validated against. A list VTEX refuses is null with why.
 */
export async function accountChannels(
  clients: Clients,
  userToken: string
): Promise<AccountChannelLists> {
  const [affiliates, salesChannels] = await Promise.all([
    attempt(() => clients.affiliates.list(userToken)),
    attempt(() => clients.salesChannels.list(userToken)),
  ])

  return {
    affiliates: affiliates.value,
    affiliatesError: affiliates.error,
    salesChannels: salesChannels.value,
    salesChannelsError: salesChannels.error,
  }
}

/** The admin's session token of a GraphQL request (@vtex/api reads the VtexIdclientAutCookie cookie). */
export const adminToken = (ctx: Context) =>
  ctx.vtex.adminUserAuthToken ?? ctx.cookies.get('VtexIdclientAutCookie') ?? ''

type Raw = Record<string, unknown>
const list = (v: unknown): Raw[] =>
  Array.isArray(v) ? v.map((m) => (m ?? {}) as Raw) : []

/**
 * A settings save's channel fields checked against the account
 * (checkChannelSettings): the account is read, as the admin, only when a
 * marketplace's affiliate or trade policy changed. Invalid → INVALID_SETTINGS
 * naming each field, nothing saved. Valid → the settings to save, each
 * marketplace with its trade policy's currency (kept from the saved
 * settings when its channel did not change).
 */
export async function withCheckedChannels(
  base: Raw,
  mine: Raw,
  read: (() => Promise<AccountChannelLists>) | null
): Promise<Raw> {
  const before = list(base.marketplaces)
  const after = list(mine.marketplaces)

  if (!Array.isArray(mine.marketplaces)) return mine
  const lists =
    changedChannels(before, after).length && read ? await read() : null

  const account =
    lists?.affiliates && lists.salesChannels
      ? { affiliates: lists.affiliates, salesChannels: lists.salesChannels }
      : null

  const check = checkChannelSettings(before, after, account)

  if (!check.ok) {
    const fields = check.errors.map((e) => `${e.field} ${e.code}`).join(', ')

    throw invalidFields(
      'INVALID_SETTINGS',
      `Invalid settings, nothing was saved: ${fields}.`,
      check.errors
    )
  }

  const saved = new Map(before.map((m) => [m.id, m.currency]))

  return {
    ...mine,
    marketplaces: after.map((m, i) => ({
      ...m,
      currency: check.currencies[i] ?? saved.get(m.id) ?? null,
    })),
  }
}
