import { settingsInputOf, settingsView } from '../domain/settingsView'
import { loadSettings, saveSettings } from '../bridge'
import { withErrors } from './errors'
import type { MutationFn, QueryFn } from './types'

export const bridgeSettings: QueryFn<'bridgeSettings'> = withErrors(
  async (_, __, ctx) => settingsView(await loadSettings(ctx.clients))
)

export const saveBridgeSettings: MutationFn<'saveBridgeSettings'> = withErrors(
  async (_, args, ctx) =>
    settingsView(
      // Each marketplace's `config` arrives as JSON text (refused if not an object).
      await saveSettings(ctx.clients, settingsInputOf({ ...args.input }))
    )
)
