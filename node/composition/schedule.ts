import type { Clients } from '../clients'
import { LOG_BUCKET } from '../domain/layout'
import { clock } from '../services/clock'
import { MaintenanceSchedule } from '../services/schedule'

/** The app's id (`vendor.app@version`), as IO sets it. */
export const appId = () => process.env.VTEX_APP_ID ?? ''

/** The app's schedule with VTEX's scheduler and its secret (services/schedule.ts). */
export function maintenanceSchedule(clients: Clients) {
  const { account, workspace } = clients.ioContext

  return new MaintenanceSchedule({
    kv: clients.logStorage.bucket(LOG_BUCKET),
    api: clients.scheduler,
    account,
    workspace,
    app: appId().split('@')[0],
    // The schedules' clock (the local runtime moves it).
    now: () => clock.now(),
  })
}
