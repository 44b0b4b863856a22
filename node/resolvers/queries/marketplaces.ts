import { TABS } from '../../domain/tabs'
import { VTEX_TRACKING_LOG } from '../../domain/vtexTracking'
import { OMS_LOG } from '../../services/carrier'
import { rootOf } from '../../composition/root'
import { withErrors } from '../errors'
import type { QueryFn } from '../types'

/** VTEX's own systems the Tracking tab logs updates to (services/carrier.ts, services/vtexTracking.ts). */
const SYSTEMS = [
  { id: OMS_LOG, name: 'VTEX OMS' },
  { id: VTEX_TRACKING_LOG, name: 'VTEX Tracking' },
]

/** Id, name and tabs only: credentials never leave the service. */
export const marketplaces: QueryFn<'marketplaces'> = withErrors(
  async (_, __, ctx) => {
    const settings = await rootOf(ctx.clients).settings()

    return [
      ...settings.marketplaces.map((m) => ({
        id: m.id,
        name: m.name,
        system: false,
        tabs: TABS.filter((t) => m.tabs[t]),
      })),
      ...SYSTEMS.map((s) => ({
        ...s,
        system: true,
        tabs: ['TRACKING' as const],
      })),
    ]
  }
)
