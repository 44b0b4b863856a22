import { LOG_BUCKET } from './domain/layout'
import { LOG_STATUSES } from './domain/log'
import {
  DAY_MS,
  parseSettings,
  retentionDays,
  trackingRejected,
} from './domain/settings'
import {
  mergeSettingsInput,
  rebaseSettings,
  settingsBusy,
} from './domain/settingsView'
import { TABS } from './domain/tabs'
import type { BridgeSettings } from './domain/settings'
import type { Clients } from './clients'
import type { JobDispatcher, VtexSource } from './services/connector'
import { BulkRunner } from './services/bulk'
import { csvExports } from './csvExports'
import { CarrierTracker, OMS_LOG } from './services/carrier'
import { VtexTrackingImporter } from './services/vtexTracking'
import { VTEX_TRACKING_LOG } from './domain/vtexTracking'
import { invoicedPackage } from './domain/vtex'
import { clock } from './services/clock'
import { JobStore } from './services/jobStore'
import { MaintenanceSchedule } from './services/schedule'
import { LogStore } from './services/logStore'
import { isPreconditionFailed } from './services/storage'
import { BridgeQueue } from './services/queue'
import { MarketplaceSender } from './services/marketplaceSender'
import { StoredTokenKeeper } from './services/tokenKeeper'
import { MercadoLivreConnect } from './services/mercadoLivreConnect'
import { runFollowUps } from './services/followUps'
import { ListingStore } from './services/listings'

/** The event key jobs travel on (service.json subscribes runJob to it). */
export const JOB_EVENT = 'marketplace-bridge.job'
/** The event key bulk-action chunks travel on (runBulk). */
export const BULK_EVENT = 'marketplace-bridge.bulk'

const appId = () => process.env.VTEX_APP_ID ?? ''

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
      await new Promise((r) => setTimeout(r, Math.random() * 40 * attempt))
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

/**
 * The maintenance pass, driven by the app's schedule (every minute, the
 * public maintenance route): re-send jobs that went quiet, fold count
 * changes, apply the retention settings, re-send bulk actions that went
 * quiet, run the carrier checks that are due, and keep the schedule itself
 * registered. Bounded work per run (retention removes at most 200 logs per
 * tab and status; 25 jobs and 25 carrier checks).
 */
export async function maintain(clients: Clients) {
  const queue = await bridgeQueue(clients)
  const swept = await queue.sweep()
  const logs = logStore(clients)
  const settings = await loadSettings(clients)
  const now = Date.now()

  for (const tab of TABS) {
    await logs.compact(tab)
    for (const status of LOG_STATUSES) {
      const days = retentionDays(settings, status)

      if (days == null) continue
      await logs.expire(
        tab,
        status,
        new Date(now - days * DAY_MS).toISOString()
      )
    }
  }

  // Counts against the rows they count (at most every 10 min), off the request: it lists every row.
  logs.selfCheck(clients.ioContext.logger).catch(() => undefined)
  await bulkRunnerWith(clients, queue).sweep()
  await csvExports(clients).maintain()
  const carrierChecks = await (await carrierTracker(clients)).runDue()
  const followUps = await pendingFollowUps(clients, logs, settings)

  // Renews the schedule near its end; a failure here waits for the next pass.
  await maintenanceSchedule(clients)
    .ensure()
    .catch(() => undefined)

  return { ...swept, carrierChecks, followUps }
}

/** PENDING logs' follow-ups that are due (services/followUps.ts), on the schedules' clock. */
function pendingFollowUps(
  clients: Clients,
  logs: LogStore,
  settings: BridgeSettings
) {
  const now = () => clock.now()
  const sender = marketplaceSender(clients, now)
  const byId = (id: string) => settings.marketplaces.find((m) => m.id === id)

  return runFollowUps({
    logs,
    followUp: async (log, ref) => {
      const m = byId(log.marketplace)

      return m ? sender.followUp(m, ref) : null
    },
    marketplaceName: (id) => byId(id)?.name ?? id,
    now,
  })
}

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

function eventDispatcher(clients: Clients): JobDispatcher {
  return {
    dispatch: (jobId, logId) =>
      clients.events.sendEvent('', JOB_EVENT, { jobId, logId }),
  }
}

function vtexSource(clients: Clients): VtexSource {
  return {
    sku: (id) => clients.skuCatalog.sku(id),
    inventory: (id) => clients.logistics.inventory(id),
    order: (id) => clients.oms.order(id),
  }
}

/**
 * Marketplaces through their adapters, over the one HTTP transport; kinds
 * with OAuth (Mercado Livre) get their grant's token keeper in VBase.
 */
function marketplaceSender(clients: Clients, now: () => number) {
  const kv = clients.logStorage.bucket(LOG_BUCKET)

  return new MarketplaceSender({
    http: clients.marketplaceHttp,
    tokens: (marketplaceId) =>
      new StoredTokenKeeper(kv, marketplaceId, { now }),
    listings: (marketplaceId, skuId) =>
      new ListingStore(kv, now).listingsOf(marketplaceId, skuId),
    mapListing: (listing) => new ListingStore(kv, now).put(listing, 'CREATED'),
    now,
  })
}

/** A marketplace's OAuth grant in VBase (services/tokenKeeper.ts). */
export function tokenKeeper(clients: Clients, marketplaceId: string) {
  return new StoredTokenKeeper(
    clients.logStorage.bucket(LOG_BUCKET),
    marketplaceId
  )
}

/** Mercado Livre's Connect flow (services/mercadoLivreConnect.ts). */
export function mercadoLivreConnect(clients: Clients) {
  return new MercadoLivreConnect({
    kv: clients.logStorage.bucket(LOG_BUCKET),
    http: clients.marketplaceHttp,
    keeper: (id) => tokenKeeper(clients, id),
    now: () => Date.now(),
  })
}

/** The log store, for reads and removals. */
export function logStore(clients: Clients) {
  return new LogStore(clients.logStorage.bucket(LOG_BUCKET))
}

/** The queue with everything it needs, built from ctx.clients and the app settings. */
export async function bridgeQueue(clients: Clients) {
  const kv = clients.logStorage.bucket(LOG_BUCKET)

  return new BridgeQueue({
    logs: new LogStore(kv),
    jobs: new JobStore(kv),
    dispatcher: eventDispatcher(clients),
    source: vtexSource(clients),
    // The queue's clock is the system's (services/queue.ts systemClock).
    marketplaces: marketplaceSender(clients, () => Date.now()),
    settings: await loadSettings(clients),
    // Reprocessing an OMS or VTEX Tracking log redoes that update.
    systems: {
      [OMS_LOG]: {
        replay: async (orderId) =>
          (await carrierTracker(clients)).replayOms(orderId),
      },
      [VTEX_TRACKING_LOG]: {
        replay: async (orderId) =>
          (await vtexTracking(clients)).replay(orderId),
      },
    },
  })
}

function bulkRunnerWith(clients: Clients, queue: BridgeQueue) {
  const kv = clients.logStorage.bucket(LOG_BUCKET)

  return new BulkRunner({
    kv,
    logs: new LogStore(kv),
    queueOne: (key) => queue.queueOne(key),
    dispatch: async (bulkId) => {
      await clients.events.sendEvent('', BULK_EVENT, { bulkId })
    },
  })
}

/** Bulk actions: reprocess goes through the queue like a single reprocess. */
export async function bulkRunner(clients: Clients) {
  return bulkRunnerWith(clients, await bridgeQueue(clients))
}

/** Carrier refresh and partner events (services/carrier.ts). */
export async function carrierTracker(clients: Clients) {
  const settings = await loadSettings(clients)
  const kv = clients.logStorage.bucket(LOG_BUCKET)

  return new CarrierTracker({
    kv,
    logs: new LogStore(kv),
    oms: clients.oms,
    carrier: clients.carrierHttp.gateway(settings.carrier),
    vtexTrackingGateway: (await vtexTracking(clients)).gateway(),
    marketplaces: marketplaceSender(clients, () => clock.now()),
    settings,
    now: () => clock.now(),
  })
}

/** VTEX Tracking imports (services/vtexTracking.ts). */
export async function vtexTracking(clients: Clients) {
  const kv = clients.logStorage.bucket(LOG_BUCKET)

  return new VtexTrackingImporter({
    kv,
    logs: new LogStore(kv),
    api: clients.vtexTracking,
    order: (orderId) => clients.oms.order(orderId),
    settings: await loadSettings(clients),
    now: () => clock.now(),
  })
}

/**
 * An order OMS just invoiced (read once): followed at the carrier when it has
 * a tracking number, imported into VTEX Tracking when that is on, and, with
 * no tracking number, followed through VTEX Tracking's status updates.
 */
export async function onInvoiced(clients: Clients, orderId: string) {
  const order = await clients.oms.order(orderId)
  const tracker = await carrierTracker(clients)
  const importer = await vtexTracking(clients)
  const followed = order ? await tracker.startFromOrder(order) : null
  const imported = await importer.importNative(orderId, order)
  const invoice = order ? invoicedPackage(order)?.invoiceNumber : null

  if (imported && !followed && importer.statusUpdates && invoice)
    await tracker.followVtexTracking(orderId, invoice)
}
