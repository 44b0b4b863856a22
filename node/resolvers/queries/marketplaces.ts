import { TABS } from '../../domain/tabs'
import { loadSettings } from '../../bridge'
import { withErrors } from '../errors'

/** Id, name and tabs only: credentials never leave the service. */
export const marketplaces = withErrors(
  async (_: unknown, __: unknown, ctx: Context) => {
    const settings = await loadSettings(ctx.clients)

    return settings.marketplaces.map((m) => ({
      id: m.id,
      name: m.name,
      tabs: TABS.filter((t) => m.tabs[t]),
    }))
  }
)
