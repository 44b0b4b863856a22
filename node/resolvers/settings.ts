import { settingsView } from '../domain/settings'
import { loadSettings, saveSettings } from '../bridge'
import { withErrors } from './errors'

export const bridgeSettings = withErrors(
  async (_: unknown, __: unknown, ctx: Context) =>
    settingsView(await loadSettings(ctx.clients))
)

export const saveBridgeSettings = withErrors(
  async (_: unknown, args: { input: Record<string, unknown> }, ctx: Context) =>
    settingsView(await saveSettings(ctx.clients, args.input))
)
