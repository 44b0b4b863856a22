import type { Clients } from '../clients'
import { LOG_BUCKET } from '../domain/layout'
import type { BridgeSettings } from '../domain/settings'
import { parseSettings, trackingRejected } from '../domain/settings'
import {
  mergeSettingsInput,
  rebaseSettings,
  settingsBusy,
} from '../domain/settingsView'
import { isPreconditionFailed } from '../services/storage'
import { appId, maintenanceSchedule } from './schedule'

/** Settings change rarely and every event reads them: kept for 10 s per account and workspace. */
const SETTINGS_TTL_MS = 10_000
const settingsCache = new Map<
  string,
  { at: number; value: Promise<BridgeSettings> }
>()

export function loadSettings(clients: Clients): Promise<BridgeSettings> {
  const { account, workspace } = clients.ioContext
  const key = `${account}/${workspace}`
  const hit = settingsCache.get(key)

  if (hit && Date.now() - hit.at < SETTINGS_TTL_MS) return hit.value
  const value = rawSettings(clients).then(({ merged }) => parseSettings(merged))

  settingsCache.set(key, { at: Date.now(), value })
  value.catch(() => settingsCache.delete(key))

  return value
}

/** What the settings page saved (VBase), over the app settings (Apps > Settings). */
export const SETTINGS_PATH = 'v2/settings'

async function rawSettings(clients: Clients) {
  const [app, saved] = await Promise.all([
    clients.apps.getAppSettings(appId()) as Promise<Record<string, unknown>>,
    clients.logStorage
      .bucket(LOG_BUCKET)
      .get<Record<string, unknown>>(SETTINGS_PATH),
  ])

  return { merged: { ...(app ?? {}), ...(saved?.data ?? {}) }, saved }
}

/** Saves that raced another save are rebased and tried again this many times. */
const SAVE_TRIES = 10

/**
 * Saves the settings page: merged over the current settings (secrets kept
 * unless replaced), validated as a whole (INVALID_SETTINGS names every bad
 * field), the VTEX Tracking token checked with VTEX Tracking; any failure
 * saves nothing. A save that raced another one (If-Match) is rebased on what
 * the other saved when the two changed different fields, and written again;
 * SETTINGS_CONFLICT when both changed the same field.
 */
export async function saveSettings(
  clients: Clients,
  input: Record<string, unknown>
): Promise<BridgeSettings> {
  const { merged: base, saved } = await rawSettings(clients)
  const mine = mergeSettingsInput(base, input)

  parseSettings(mine, true)
  const tracking = parseSettings(mine).vtexTracking
  const changed =
    mine.vtexTrackingUsername !== base.vtexTrackingUsername ||
    mine.vtexTrackingToken !== base.vtexTrackingToken

  if (tracking.enabled && (changed || !tracking.validatedAt)) {
    const auth = await clients.vtexTracking.auth(
      tracking.username!,
      tracking.token!
    )

    if (!auth.authenticated) throw trackingRejected(auth.message ?? null)
    mine.vtexTrackingValidatedAt = new Date().toISOString()
  }

  const kv = clients.logStorage.bucket(LOG_BUCKET)
  let next = mine
  let etag = saved?.etag ?? null

  for (let attempt = 1; ; attempt++) {
    try {
      await kv.put(
        SETTINGS_PATH,
        next,
        etag ? { ifMatch: etag } : { ifAbsent: true }
      )
      break
    } catch (e) {
      if (!isPreconditionFailed(e)) throw e
      if (attempt >= SAVE_TRIES) throw settingsBusy()
      // Racing writers retry apart, not in lockstep.
      await new Promise<void>((resolve) => {
        setTimeout(() => resolve(), Math.random() * 40 * attempt)
      })
      const latest = await rawSettings(clients)

      next = rebaseSettings(base, mine, latest.merged)
      parseSettings(next, true)
      etag = latest.saved?.etag ?? null
    }
  }

  const { account, workspace } = clients.ioContext

  settingsCache.delete(`${account}/${workspace}`)
  // Saving the settings (re)registers the maintenance schedule; if VTEX's
  // scheduler is unreachable now, the next event repairs it.
  await maintenanceSchedule(clients)
    .ensure({ force: true })
    .catch(() => undefined)

  return parseSettings(next)
}
