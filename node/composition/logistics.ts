import type { Clients } from '../clients'
import type { LogisticsSetup } from '../domain/channels/payloads'

/** Docks and warehouses change rarely and every stock export reads them: kept 60 s per account. */
const LOGISTICS_TTL_MS = 60_000
const cache = new Map<
  string,
  { at: number; value: Promise<LogisticsSetup | null> }
>()

/** The account's docks and warehouses (which warehouses each trade policy sells from); null when Logistics has none. */
export function logisticsSetup(
  clients: Clients
): Promise<LogisticsSetup | null> {
  const { account, workspace } = clients.ioContext
  const key = `${account}/${workspace}`
  const hit = cache.get(key)

  if (hit && Date.now() - hit.at < LOGISTICS_TTL_MS) return hit.value
  const value = Promise.all([
    clients.logisticsConfig.docks(),
    clients.logisticsConfig.warehouses(),
  ]).then(([docks, warehouses]) =>
    docks && warehouses ? { docks, warehouses } : null
  )

  cache.set(key, { at: Date.now(), value })
  value.catch(() => cache.delete(key))

  return value
}
