import { settingsInputOf, settingsView } from '../domain/settingsView'
import { rootOf } from '../composition/root'
import { withErrors } from './errors'
import type { MutationFn, QueryFn } from './types'

export const bridgeSettings: QueryFn<'bridgeSettings'> = withErrors(
  async (_, __, ctx) => settingsView(await rootOf(ctx.clients).settings())
)

export const saveBridgeSettings: MutationFn<'saveBridgeSettings'> = withErrors(
  async (_, args, ctx) =>
    settingsView(
      // Each marketplace's `config` arrives as JSON text (refused if not an object).
      await rootOf(ctx.clients).saveSettings(settingsInputOf({ ...args.input }))
    )
)
