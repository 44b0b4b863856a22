import { settingsView } from '../domain/settingsView'
import { loadSettings, saveSettings } from '../bridge'
import { accountChannels, adminToken } from '../services/accountChannels'
import { withErrors } from './errors'
import type { MutationFn, QueryFn } from './types'

export const bridgeSettings: QueryFn<'bridgeSettings'> = withErrors(
  async (_, __, ctx) => settingsView(await loadSettings(ctx.clients))
)

export const saveBridgeSettings: MutationFn<'saveBridgeSettings'> = withErrors(
  async (_, args, ctx) =>
    settingsView(
      await saveSettings(ctx.clients, { ...args.input }, () =>
        accountChannels(ctx.clients, adminToken(ctx))
      )
    )
)
